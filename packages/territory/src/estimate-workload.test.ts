import { isBeatplanError } from '@beatplan/core';
import { describe, expect, it } from 'vitest';
import { retailer } from '../test/helpers.js';
import { estimateWorkload } from './estimate-workload.js';

describe('estimateWorkload', () => {
  it('runs the JSDoc example: visits per week × (service + travel from the nearest neighbours)', () => {
    const [w, m] = estimateWorkload([
      {
        id: 'R1',
        name: 'A',
        location: { lng: 120.15, lat: 30.27 },
        segment: 'retail',
        class: 'B',
        serviceMinutes: 15,
        visitFrequency: 'weekly',
        orderCount: 1,
        orderVolume: 10,
      },
      {
        id: 'R2',
        name: 'B',
        location: { lng: 120.16, lat: 30.27 },
        segment: 'retail',
        class: 'C',
        serviceMinutes: 10,
        visitFrequency: 'monthly',
        orderCount: 1,
        orderVolume: 10,
      },
    ]);
    expect(w!.visitsPerWeek).toBe(1);
    expect(w!.travelMinutes).toBeCloseTo((962 * 1.3) / (20000 / 60), 1);
    expect(w!.weeklyMinutes).toBeCloseTo(15 + w!.travelMinutes, 9);
    expect(m!.visitsPerWeek).toBe(0.25);
    expect(m!.weeklyMinutes).toBeCloseTo(0.25 * (10 + m!.travelMinutes), 9);
  });

  it('charges an isolated retailer more travel than one in a dense street', () => {
    const street = [0, 1, 2, 3, 4].map((i) => retailer(`S${i}`, 120.15 + i * 0.0005, 30.27));
    const lonely = retailer('L', 120.3, 30.27);
    const w = estimateWorkload([...street, lonely], { neighbours: 2 });
    expect(w[5]!.travelMinutes).toBeGreaterThan(10 * w[2]!.travelMinutes);
  });

  it('follows the speed and detour options', () => {
    const rs = [retailer('A', 120.15, 30.27), retailer('B', 120.16, 30.27)];
    const slow = estimateWorkload(rs, { speedKmh: 10, detourFactor: 1 });
    const fast = estimateWorkload(rs, { speedKmh: 20, detourFactor: 1 });
    expect(slow[0]!.travelMinutes).toBeCloseTo(2 * fast[0]!.travelMinutes, 9);
  });

  it('names the bad record and option', () => {
    try {
      estimateWorkload([retailer('A', 120, 30), { ...retailer('B', 120, 30), serviceMinutes: -1 }], { speedKmh: 0 });
      expect.unreachable();
    } catch (e) {
      expect(isBeatplanError(e, 'INVALID_INPUT')).toBe(true);
      expect((e as { path: unknown }).path).toEqual(['retailers', 1, 'serviceMinutes']);
    }
  });
});
