import { PlannedDaySchema } from '@beatplan/geofence';
import { describe, expect, it } from 'vitest';

describe('PlannedDaySchema', () => {
  it('accepts a plan and rejects a retailer planned twice or an impossible date', () => {
    expect(
      PlannedDaySchema.parse({ managerId: 'M1', date: '2026-11-30', retailerIds: ['R001', 'R005'] }).retailerIds,
    ).toEqual(['R001', 'R005']);
    const r = PlannedDaySchema.safeParse({ managerId: 'M1', date: '2026-02-30', retailerIds: ['R1', 'R1'] });
    expect(r.error!.issues.map((i) => i.path.join('.'))).toEqual(['date', 'retailerIds.1']);
  });
});
