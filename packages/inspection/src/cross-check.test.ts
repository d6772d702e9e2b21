import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { thrown } from '../test/helpers.js';
import { crossCheck, type CrossCheckInput } from './cross-check.js';

const fixture = JSON.parse(readFileSync(new URL('../test/in/week-basic.json', import.meta.url), 'utf8')) as {
  input: CrossCheckInput;
};
const base = fixture.input;

describe('crossCheck', () => {
  it('counts agreements and contradictions per manager', () => {
    const r = crossCheck(base);
    expect(r.byManager.map((m) => [m.managerId, m.inspected, m.contradictions, m.agreement])).toEqual([
      ['M1', 3, 2, 0.3333],
      ['M2', 3, 1, 0.5],
    ]);
    expect(r.records.map((x) => x.outcome)).toEqual([
      'agree_visited',
      'denied_verified',
      'confirmed_unverified',
      'confirmed_absent',
      'agree_not_visited',
      'unsure',
    ]);
  });

  it('depends on the period: a visit outside it is not read', () => {
    const r = crossCheck({ ...base, period: { from: '2025-02-15T00:00:00+08:00', to: '2025-03-08T00:00:00+08:00' } });
    expect(r.records[0]!.visits.map((v) => v.visitId)).toEqual(['V7', 'V1']);
  });

  it('lists every problem: a read visit without verdict, duplicate ids, a record without fix verdict, a bad period', () => {
    const e = thrown(() =>
      crossCheck({
        ...base,
        verdicts: base.verdicts.filter((v) => v.visitId !== 'V2' && v.visitId !== 'V5'),
        records: [...base.records, base.records[0]!],
        recordVerdicts: [],
      }),
    );
    expect(e.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
      'records.6.id: id appears twice',
      'visits.1.id: the visit has no verdict (verify it with @beatplan/geofence first)',
      'visits.4.id: the visit has no verdict (verify it with @beatplan/geofence first)',
      ...[0, 1, 2, 3, 4, 5, 6].map((i) => `records.${i}.id: the record has no verdict on its fix in recordVerdicts`),
    ]);
    expect(
      thrown(() =>
        crossCheck({ ...base, period: { from: '2025-03-08T00:00:00+08:00', to: '2025-03-01T00:00:00+08:00' } }),
      ).message,
    ).toBe('period.to: period.to must be after period.from, received "2025-03-01T00:00:00+08:00"');
  });
});
