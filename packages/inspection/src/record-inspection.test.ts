import { describe, expect, it } from 'vitest';
import { thrown } from '../test/helpers.js';
import { recordInspection } from './record-inspection.js';

const shop = { id: 'R1', location: { lng: 116.404, lat: 39.915 } };
const input = (over: Record<string, unknown> = {}) => ({
  id: 'I1',
  retailerId: 'R1',
  inspectorId: 'X1',
  at: '2025-03-05T10:00:00+08:00',
  fix: { lng: 116.404, lat: 39.915, accuracyM: 6, source: 'gnss', at: '2025-03-05T09:59:30+08:00' },
  pricesTagged: true,
  policyMaterialDisplayed: false,
  satisfaction: 4,
  managerVisitConfirmed: 'yes',
  notes: 'price tags on every shelf',
  ...over,
});

describe('recordInspection', () => {
  it('validates the record and verifies the inspector fix like a visit (one fix, no dwell needed)', () => {
    const { record, fixVerdict, fixAgeS } = recordInspection(input() as never, shop);
    expect(record).toMatchObject({ id: 'I1', at: 1741140000000, satisfaction: 4, managerVisitConfirmed: 'yes' });
    expect(fixVerdict).toMatchObject({ visitId: 'I1', status: 'verified', reasons: [], dwellS: 0 });
    expect(fixAgeS).toBe(30);
  });

  it('rejects an inspection recorded away from the shop and cannot verify a mocked or coarse fix', () => {
    const away = recordInspection(
      input({
        fix: { lng: 116.42, lat: 39.915, accuracyM: 6, source: 'gnss', at: '2025-03-05T10:00:00+08:00' },
      }) as never,
      shop,
    );
    expect(away.fixVerdict).toMatchObject({ status: 'rejected', reasons: ['OUT_OF_RANGE'] });
    const mock = recordInspection(
      input({
        fix: { lng: 116.404, lat: 39.915, accuracyM: 6, source: 'gnss', at: '2025-03-05T10:00:00+08:00', mock: true },
      }) as never,
      shop,
    );
    expect(mock.fixVerdict?.status).toBe('unverifiable');
    const cell = recordInspection(
      input({
        fix: { lng: 116.404, lat: 39.915, accuracyM: 900, source: 'cell', at: '2025-03-05T10:00:00+08:00' },
      }) as never,
      shop,
      { policy: { sources: { cell: { maxAccuracyM: 200 } } } },
    );
    expect(cell.fixVerdict?.reasons).toEqual(['ACCURACY_TOO_COARSE']);
  });

  it('lists every problem of a bad record and refuses a record for another retailer', () => {
    const e = thrown(() =>
      recordInspection(input({ satisfaction: 6, pricesTagged: 'yes', managerVisitConfirmed: 'maybe' }) as never, shop),
    );
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.issues.map((i) => i.path.join('.'))).toEqual([
      'record.pricesTagged',
      'record.satisfaction',
      'record.managerVisitConfirmed',
    ]);
    const other = thrown(() => recordInspection(input() as never, { ...shop, id: 'R2' }));
    expect(other.code).toBe('UNKNOWN_REFERENCE');
    expect(other.message).toBe(
      'record.retailerId: the record is for another retailer than the one given ("R2"), received "R1"',
    );
  });
});
