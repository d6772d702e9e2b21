import { dayNumberOf, issueReason } from '@beatplan/core';
import type { PlannedDay } from '../planned-day.js';
import { forEachDuplicate } from './id-table.js';
import type { IssueCollector } from './issue-collector.js';

/**
 * Checks that every visit's retailer id (`retailerIds[i]` of visit i) is known (unknown reference).
 * Visits that failed their schema (undefined) are skipped. Returns the fence index of each visit (−1
 * when unknown or skipped).
 */
export function checkReferences(
  byId: ReadonlyMap<string, number>,
  retailerIds: readonly (string | undefined)[],
  issues: IssueCollector,
): Int32Array {
  const fenceOf = new Int32Array(retailerIds.length);
  for (let i = 0; i < retailerIds.length; i++) {
    const id = retailerIds[i];
    const k = id === undefined ? undefined : byId.get(id);
    fenceOf[i] = k ?? -1;
    if (id !== undefined && k === undefined)
      issues.add(
        [{ path: ['visits', i, 'retailerId'], value: id, ...issueReason('geofence.no_retailer') }],
        'reference',
      );
  }
  return fenceOf;
}

/** A plan with its date as a local day number and its retailers as indices into the retailer index. */
export interface ResolvedPlan {
  readonly managerId: string;
  readonly day: number;
  readonly retailers: Int32Array;
}

/**
 * Looks up every planned retailer id in the index once (unknown ids are reference issues). Plans that
 * failed their schema (undefined) are skipped.
 */
export function resolvePlans(
  byId: ReadonlyMap<string, number>,
  planned: readonly (PlannedDay | undefined)[],
  issues: IssueCollector,
): ResolvedPlan[] {
  const plans: ResolvedPlan[] = [];
  planned.forEach((plan, p) => {
    if (!plan) return;
    const retailers = new Int32Array(plan.retailerIds.length);
    plan.retailerIds.forEach((id, k) => {
      const r = byId.get(id);
      if (r === undefined)
        issues.add(
          [{ path: ['planned', p, 'retailerIds', k], value: id, ...issueReason('geofence.no_retailer') }],
          'reference',
        );
      retailers[k] = r ?? -1;
    });
    plans.push({ managerId: plan.managerId, day: dayNumberOf(plan.date), retailers });
  });
  return plans;
}

/** Checks that visit ids are unique (invalid input); undefined entries (visits that failed their schema) are skipped. */
export function checkUniqueVisitIds(ids: readonly (string | undefined)[], issues: IssueCollector): void {
  forEachDuplicate(ids, (i, first) =>
    issues.add([
      {
        path: ['visits', i, 'id'],
        value: ids[i],
        ...issueReason('geofence.duplicate_visit_at', { at: `visits[${first}]` }),
      },
    ]),
  );
}
