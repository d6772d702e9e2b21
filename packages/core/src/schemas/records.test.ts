import { describe, expect, it } from 'vitest';
import { fixInput, thrown } from '../../test/helpers.js';
import { parseOrThrow } from '../parse-or-throw.js';
import { CustomerManagerSchema } from './customer-manager.js';
import { InspectionRecordSchema } from './inspection-record.js';
import { TerritorySchema } from './territory.js';
import { VisitPlanSchema } from './visit-plan.js';
import { VisitSchema } from './visit.js';

describe('CustomerManagerSchema', () => {
  it('accepts the docs example and bounds maxDailyMinutes', () => {
    const m = {
      id: 'M1',
      name: 'Li Wei',
      base: { lng: 116.35, lat: 39.95 },
      workingHours: { mon: [{ from: '08:30', to: '17:30' }] },
      maxDailyMinutes: 480,
    };
    expect(CustomerManagerSchema.parse(m)).toEqual(m);
    expect(thrown(() => parseOrThrow(CustomerManagerSchema, { ...m, maxDailyMinutes: 2000 })).message).toBe(
      'maxDailyMinutes: max daily minutes must be at most 1440 (24 hours), received 2000',
    );
  });
});

describe('VisitSchema', () => {
  it('parses both fixes and does not reject an end before the start (geofence reports that)', () => {
    const v = VisitSchema.parse({
      id: 'V1',
      managerId: 'M1',
      retailerId: 'R1',
      start: fixInput({ at: 1740963600000 }),
      end: fixInput({ at: 1740963000000 }),
    });
    expect(v.end?.at).toBeLessThan(v.start.at);
  });
  it('accepts a visit without its end fix, not one without its start fix', () => {
    const base = { id: 'V1', managerId: 'M1', retailerId: 'R1' };
    expect(VisitSchema.parse({ ...base, start: fixInput() }).end).toBeUndefined();
    const e = thrown(() => parseOrThrow(VisitSchema, { ...base, end: fixInput() }, ['visits', 0]));
    expect(e.issues.map((i) => i.path.join('.'))).toEqual(['visits.0.start']);
  });
  it('addresses problems inside a fix', () => {
    const e = thrown(() =>
      parseOrThrow(
        VisitSchema,
        { id: 'V1', managerId: 'M1', retailerId: 'R1', start: fixInput({ lat: 91 }), end: fixInput() },
        ['visits', 0],
      ),
    );
    expect(e.message).toBe('visits[0].start.lat: latitude must be within [-90, 90], received 91');
  });
});

describe('VisitPlanSchema', () => {
  const stop = (retailerId: string, a: string, d: string) => ({
    retailerId,
    arrival: `2025-03-03T${a}:00+08:00`,
    departure: `2025-03-03T${d}:00+08:00`,
  });
  it('accepts an ordered plan', () => {
    const p = VisitPlanSchema.parse({
      managerId: 'M1',
      date: '2025-03-03',
      distanceM: 12400,
      durationS: 21600,
      stops: [stop('R1', '09:00', '09:15'), stop('R2', '09:30', '09:45')],
    });
    expect(p.stops[1]?.arrival).toBe(1740965400000);
  });
  it('rejects a bad date, a reversed stop, overlapping stops and a retailer twice', () => {
    const e = thrown(() =>
      parseOrThrow(VisitPlanSchema, {
        managerId: 'M1',
        date: '2025-02-30',
        distanceM: 1,
        durationS: 1,
        stops: [stop('R1', '09:00', '09:15')],
      }),
    );
    expect(e.message).toBe('date: date must be a real calendar date "YYYY-MM-DD", received "2025-02-30"');
    const e2 = thrown(() =>
      parseOrThrow(VisitPlanSchema, {
        managerId: 'M1',
        date: '2025-03-03',
        distanceM: 1,
        durationS: 1,
        stops: [stop('R1', '09:00', '08:15')],
      }),
    );
    expect(e2.issues[0]?.path).toEqual(['stops', 0, 'departure']);
    const e3 = thrown(() =>
      parseOrThrow(VisitPlanSchema, {
        managerId: 'M1',
        date: '2025-03-03',
        distanceM: 1,
        durationS: 1,
        stops: [stop('R1', '09:00', '09:30'), stop('R1', '09:20', '09:40')],
      }),
    );
    expect(e3.issues.map((i) => i.message)).toEqual([
      'retailer is planned twice on the same day',
      'arrival must not be before the previous stop departure',
    ]);
  });
});

describe('TerritorySchema', () => {
  it('rejects a duplicate retailer id', () => {
    expect(TerritorySchema.parse({ id: 'T1', managerId: 'M1', retailerIds: [] }).retailerIds).toEqual([]);
    const e = thrown(() =>
      parseOrThrow(TerritorySchema, { id: 'T1', managerId: 'M1', retailerIds: ['R1', 'R2', 'R1'] }),
    );
    expect(e.message).toBe('retailerIds[2]: retailer id appears twice in the territory, received "R1"');
  });
});

describe('InspectionRecordSchema', () => {
  const rec = {
    id: 'I1',
    retailerId: 'R1',
    inspectorId: 'X1',
    at: '2025-03-05T10:00:00+08:00',
    fix: fixInput(),
    pricesTagged: true,
    policyMaterialDisplayed: false,
    satisfaction: 4,
    managerVisitConfirmed: 'yes',
  };
  it('accepts the docs example', () => {
    expect(InspectionRecordSchema.parse(rec).at).toBe(1741140000000);
  });
  it('rejects satisfaction outside 1..5 and an unknown confirmation', () => {
    const e = thrown(() =>
      parseOrThrow(InspectionRecordSchema, {
        ...rec,
        satisfaction: 6,
        managerVisitConfirmed: 'maybe',
        pricesTagged: 'yes',
      }),
    );
    expect(e.issues.map((i) => i.message)).toEqual([
      'pricesTagged must be true or false',
      'satisfaction must be from 1 to 5',
      'managerVisitConfirmed must be one of "yes", "no", "unsure"',
    ]);
  });
});
