import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PROTOTYPE_NAMES } from '../../core/test/data-key-names.js';
import {
  estimateWorkload,
  partitionTerritories,
  planWeeklyBeats,
  territoriesToGeoJson,
  visitPlansToCsv,
} from '@beatplan/territory';
import { manager, retailer } from './helpers.js';

// Regression (issue 15, defect 1): `__proto__` ids vanished from `assignment` and `hulls` (plain
// objects), and `constructor` read Object.prototype's function.
const ids = (prefix: string) =>
  fc.uniqueArray(fc.constantFrom(...PROTOTYPE_NAMES, `${prefix}1`, `${prefix}2`), { minLength: 1, maxLength: 7 });

describe('ids named like Object.prototype members', () => {
  it('partition, geojson, weekly beats and CSV keep every retailer and manager', async () => {
    await fc.assert(
      fc.asyncProperty(ids('R'), ids('M'), fc.integer({ min: 1, max: 1000 }), async (rIds, mIds, seed) => {
        const retailers = rIds.map((id, i) =>
          retailer(id, 120.15 + 0.004 * Math.cos(i + seed), 30.27 + 0.004 * Math.sin(i + seed)),
        );
        const managers = mIds.map((id, j) => manager(id, 120.15 + 0.002 * j, 30.27));
        const p = partitionTerritories(retailers, managers);
        expect(Object.keys(p.assignment).sort()).toEqual([...rIds].sort());
        for (const id of rIds) expect(mIds).toContain(p.assignment[id]);
        expect(Object.keys(p.hulls).sort()).toEqual([...mIds].sort());
        for (const id of mIds) expect(p.hulls[id] === null || p.hulls[id]?.type === 'Polygon').toBe(true);
        expect(JSON.parse(JSON.stringify(p.assignment))).toEqual({ ...p.assignment });

        const features = territoriesToGeoJson(p).features;
        expect(features.map((f) => f.properties.managerId)).toEqual(mIds);
        for (const f of features) expect(f.geometry).toEqual(p.hulls[f.properties.managerId]);

        expect(estimateWorkload(retailers).workload.map((w) => w.retailerId)).toEqual(rIds);

        const [first] = p.territories;
        if (!first) return;
        const mine = retailers.filter((r) => first.retailerIds.includes(r.id));
        const m = managers.find((x) => x.id === first.managerId);
        const beats = await planWeeklyBeats(m, mine, { startDate: '2025-03-03', weeks: 1 });
        expect(beats.managerId).toBe(first.managerId);
        expect(beats.schedule.map((s) => s.retailerId).sort()).toEqual([...first.retailerIds].sort());
        const stops = beats.plans.flatMap((d) => d.stops.map((s) => s.retailerId));
        expect(stops.length).toBe(beats.totals.visits);
        for (const id of stops) expect(first.retailerIds).toContain(id);
        const csv = visitPlansToCsv(beats.plans);
        expect(csv.split('\n').length - 2).toBe(beats.plans.reduce((n, d) => n + Math.max(1, d.stops.length), 0));
      }),
      { numRuns: 15, seed: 15 },
    );
  });
});
