import { describe, expect, it } from 'vitest';
import { city, thrown } from '../test/helpers.js';
import { adjustSample } from './adjust-sample.js';
import { drawSample } from './draw-sample.js';
import { redrawSample } from './redraw-sample.js';

const retailers = city(80);
const history = [
  { retailerId: 'R001', at: '2025-02-20T10:00:00+08:00' },
  { retailerId: 'R002', at: '2025-01-05T10:00:00+08:00' },
];
const spec = {
  stratifyBy: 'manager' as const,
  size: 10,
  excludeInspectedSince: '2025-02-01',
  weighting: { verificationRates: { M1: 0.5 } },
};

describe('redrawSample', () => {
  const plan = drawSample(retailers, spec, { seed: 2025, history });

  it('reproduces a recorded plan, also after a JSON round trip and with the retailers reordered', () => {
    const recorded = JSON.parse(JSON.stringify(plan)) as unknown;
    expect(redrawSample(recorded, [...retailers].reverse(), { history })).toEqual(plan);
  });

  it('detects a changed input: a retailer removed, moved to another stratum, re-weighted, or newly excluded', () => {
    const changed = [retailers.slice(1), retailers.map((r) => (r.id === 'R050' ? { ...r, managerId: 'M3' } : r))];
    for (const rs of changed) {
      const e = thrown(() => redrawSample(plan, rs, { history }));
      expect(e.code).toBe('INVALID_INPUT');
      expect(e.path).toEqual(['plan', 'fingerprint']);
      expect(e.message).toMatch(
        /^plan\.fingerprint: the input changed since the draw: the plan records fnv1a64:[0-9a-f]{16} \(80 retailers, 1 excluded\), this input gives fnv1a64:[0-9a-f]{16} \((79|80) retailers/,
      );
    }
    expect(
      thrown(() =>
        redrawSample(plan, retailers, {
          history: [...history, { retailerId: 'R003', at: '2025-03-01T09:00:00+08:00' }],
        }),
      ).message,
    ).toMatch(/2 excluded/);
    expect(thrown(() => redrawSample(plan, retailers)).message).toBe(
      'options.history: excludeInspectedSince needs the inspection history',
    );
  });

  it('ignores fields the draw does not read (a moved location keeps the fingerprint)', () => {
    const moved = retailers.map((r) => ({ ...r, location: { lng: 116.3, lat: 39.8 }, name: `${r.name} (renamed)` }));
    expect(redrawSample(plan, moved, { history }).fingerprint).toBe(plan.fingerprint);
  });

  it('refuses a plan of another algorithm version and a hand-edited sample', () => {
    expect(
      thrown(() => redrawSample({ ...plan, algorithm: { ...plan.algorithm, version: 0 } }, retailers, { history }))
        .path,
    ).toEqual(['plan', 'algorithm']);
    expect(
      thrown(() =>
        redrawSample({ ...plan, retailerIds: [...plan.retailerIds.slice(1), 'R002'] }, retailers, { history }),
      ).message,
    ).toBe(
      'plan.retailerIds: retailerIds must equal the drawn retailers with the adjustments applied (was the plan edited by hand?), received an array of 10',
    );
  });
});

describe('adjustSample', () => {
  const plan = drawSample(retailers, spec, { seed: 7, history });
  const notDrawn = retailers.map((r) => r.id).filter((id) => !plan.retailerIds.includes(id));

  it('records who changed what and why, append-only, and the re-draw still verifies the drawn part', () => {
    const once = adjustSample(plan, {
      remove: [plan.retailerIds[0]!],
      add: [notDrawn[0]!],
      by: 'lead Zhao',
      reason: 'closed for renovation',
      at: '2025-03-04T08:00:00+08:00',
    });
    const twice = adjustSample(once, {
      add: [notDrawn[1]!],
      by: 'auditor Wu',
      reason: 'complaint received',
      at: 1741050000000,
    });
    expect(plan.adjustments).toEqual([]);
    expect(twice.drawn).toEqual(plan.drawn);
    expect(twice.adjustments).toEqual([
      {
        at: 1741046400000,
        by: 'lead Zhao',
        reason: 'closed for renovation',
        add: [notDrawn[0]],
        remove: [plan.retailerIds[0]],
      },
      { at: 1741050000000, by: 'auditor Wu', reason: 'complaint received', add: [notDrawn[1]], remove: [] },
    ]);
    expect(twice.retailerIds).toEqual([...plan.retailerIds.slice(1), notDrawn[0], notDrawn[1]]);
    expect(redrawSample(JSON.parse(JSON.stringify(twice)), retailers, { history })).toEqual(twice);
  });

  it('lists every problem of a bad change', () => {
    const e = thrown(() =>
      adjustSample(plan, {
        add: [plan.retailerIds[1]!, notDrawn[0]!, notDrawn[0]!],
        remove: ['nope'],
        by: ' ',
        reason: 'x',
        at: '2025-03-04T08:00:00+08:00',
      }),
    );
    expect(e.issues.map((i) => i.path.join('.'))).toEqual(['change.by']);
    const f = thrown(() =>
      adjustSample(plan, {
        add: [plan.retailerIds[1]!, notDrawn[0]!, notDrawn[0]!],
        remove: ['nope'],
        by: 'me',
        reason: 'x',
        at: '2025-03-04T08:00:00+08:00',
      }),
    );
    expect(f.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
      'change.add.0: retailer is already in the sample',
      'change.add.2: retailer is added twice',
      'change.remove.0: retailer is not in the sample',
    ]);
    expect(thrown(() => adjustSample(plan, { by: 'me', reason: 'x', at: 1741050000000 })).message).toBe(
      'change: an adjustment must add or remove at least one retailer',
    );
  });
});
