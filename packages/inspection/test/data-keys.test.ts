import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PROTOTYPE_NAMES } from '../../core/test/data-key-names.js';
import { adjustSample, drawSample, redrawSample, routeInspection, verificationRates } from '@beatplan/inspection';
import { retailer } from './helpers.js';

// Regression (issue 15, defect 1): a weighted sample of size 10 returned 1 retailer when managers were
// named `constructor` & co. (the weight was read from Object.prototype), and `__proto__` rates vanished.
const managerIds = fc.uniqueArray(fc.constantFrom(...PROTOTYPE_NAMES, 'M1'), { minLength: 1, maxLength: 6 });

describe('ids named like Object.prototype members', () => {
  it('weighted, stratified draws have the requested size; rates, re-draws and routes keep every id', async () => {
    await fc.assert(
      fc.asyncProperty(managerIds, fc.integer({ min: 1, max: 2 ** 31 - 1 }), async (mIds, seed) => {
        const retailers = mIds.flatMap((m, j) =>
          Array.from({ length: 5 }, (_, i) =>
            retailer(i === 0 ? m : `${m}-${i}`, {
              managerId: m,
              location: { lng: 116.4 + 0.01 * j, lat: 39.9 + 0.002 * i },
            }),
          ),
        );
        const visits = retailers.map((r, i) => ({ id: `V${i}`, managerId: r.managerId ?? '' }));
        const verdicts = visits.map(
          (v, i) => ({ visitId: v.id, status: (i % 5) % 2 === 0 ? 'verified' : 'rejected' }) as const,
        );
        const rates = verificationRates(visits, verdicts);
        expect(Object.keys(rates).sort()).toEqual([...mIds].sort());
        for (const m of mIds) expect(rates[m]).toBe(0.6);

        // The rates as they travel: through JSON, where `__proto__` is an own key.
        const spec = JSON.parse(
          JSON.stringify({ size: Math.min(10, retailers.length), weighting: { verificationRates: rates } }),
        );
        const plan = drawSample(retailers, spec, { seed });
        expect(plan.retailerIds).toHaveLength(Math.min(10, retailers.length));
        for (const d of plan.drawn) expect(d.weight).toBeCloseTo(1.4, 12);
        expect(redrawSample(JSON.parse(JSON.stringify(plan)), retailers)).toEqual(plan);

        const strata = drawSample(
          retailers,
          {
            stratifyBy: 'manager',
            sizePerStratum: JSON.parse(JSON.stringify(Object.fromEntries(mIds.map((m) => [m, 2])))),
          },
          { seed },
        );
        expect(strata.retailerIds).toHaveLength(2 * mIds.length);

        const id = plan.retailerIds[0] ?? '';
        const adjusted = adjustSample(plan, {
          remove: [id],
          by: 'lead',
          reason: 'closed',
          at: '2025-03-04T08:00:00+08:00',
        });
        expect(adjusted.retailerIds).not.toContain(id);

        const route = await routeInspection(plan, retailers, { base: { lng: 116.4, lat: 39.9 }, date: '2025-03-05' });
        const routed = route.days.flatMap((d) => d.stops.map((s) => s.retailerId));
        expect([...routed, ...route.dropped.map((u) => u.retailerId)].sort()).toEqual([...plan.retailerIds].sort());
      }),
      { numRuns: 20, seed: 15 },
    );
  });
});
