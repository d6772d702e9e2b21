import type { CustomerManager, Retailer, Territory } from '@beatplan/core';
import { partitionTerritories } from '@beatplan/territory';
import type { DroppedVisit, TerritoryJob } from './territory-job.js';

/** The partition of a province and one planning job per territory. */
export interface ProvinceSplit {
  territories: Territory[];
  /** Retailer id → its manager after the partition. */
  assignment: Map<string, string>;
  /** Retailers the partition left out, with the reason. */
  dropped: DroppedVisit[];
  balanced: boolean;
  /** One job per manager, in the managers' order (a manager without retailers gets an empty one). */
  jobs: TerritoryJob[];
}

/**
 * Partitions the retailers among the managers (`partitionTerritories`, the whole province at once)
 * and cuts the weekly planning into one job per territory. The jobs are independent: they can run
 * one after another in this process (`POST /plans`) or on any number of queue workers (`POST
 * /province-plans`), with the same results.
 */
export function splitProvince(
  retailers: readonly Retailer[],
  managers: readonly CustomerManager[],
  run: { runId: string; beat: TerritoryJob['beat'] },
): ProvinceSplit {
  const partition = partitionTerritories(retailers, managers);
  const assignment = new Map(Object.entries(partition.assignment));
  const byManager = new Map<string, Retailer[]>();
  for (const r of retailers) {
    const m = assignment.get(r.id);
    if (m === undefined) continue;
    const list = byManager.get(m);
    if (list) list.push({ ...r, managerId: m });
    else byManager.set(m, [{ ...r, managerId: m }]);
  }
  return {
    territories: partition.territories,
    assignment,
    dropped: [...partition.dropped],
    balanced: partition.balanced,
    jobs: managers.map((manager) => ({
      runId: run.runId,
      managerId: manager.id,
      manager,
      retailers: byManager.get(manager.id) ?? [],
      beat: run.beat,
    })),
  };
}
