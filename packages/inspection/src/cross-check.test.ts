import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { thrown } from '../test/helpers.js';
import { crossCheck, type CrossCheckInput } from './cross-check.js';
import { verificationRates } from './verification-rates.js';

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

  it('reads an incomplete visit (no end fix) as not verified: a confirmed one lists it with its status', () => {
    const visits = base.visits.map((v) => (v.id === 'V4' ? { ...v, end: undefined } : v));
    const verdicts = base.verdicts.map((v) =>
      v.visitId === 'V4' ? { visitId: 'V4', status: 'incomplete' as const } : v,
    );
    const r = crossCheck({ ...base, visits, verdicts });
    expect(r.records[2]!.outcome).toBe('confirmed_unverified');
    expect(r.records[2]!.visits.find((v) => v.visitId === 'V4')!.status).toBe('incomplete');
    expect(r.contradictions.find((c) => c.recordId === 'I3')!.visitIds).toContain('V4');
  });

  it('verificationRates counts an incomplete visit as not verified', () => {
    const rates = verificationRates(
      [
        { id: 'V1', managerId: 'M1' },
        { id: 'V2', managerId: 'M1' },
      ],
      [
        { visitId: 'V1', status: 'verified' },
        { visitId: 'V2', status: 'incomplete' },
      ],
    );
    expect(rates).toEqual({ M1: 0.5 });
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

  it('counts telephone checks apart: never in totals or byManager, their contradictions marked phone', () => {
    const onSite = crossCheck(base);
    const records = base.records.map((r, k) =>
      k === 1 ? { ...r, channel: 'phone' as const, fix: undefined, id: r.id } : r,
    );
    const r = crossCheck({ ...base, records });
    expect(r.records[1]).toMatchObject({ channel: 'phone', outcome: 'denied_verified', inspectionFix: null });
    expect(r.totals.inspected).toBe(onSite.totals.inspected - 1);
    expect(r.totals.deniedVerified).toBe(onSite.totals.deniedVerified - 1);
    expect(r.phone.totals).toMatchObject({ inspected: 1, deniedVerified: 1, contradictions: 1, agreement: 0 });
    expect(r.phone.byManager.map((m) => [m.managerId, m.inspected])).toEqual([['M1', 1]]);
    expect(r.contradictions.find((c) => c.recordId === base.records[1]!.id)?.channel).toBe('phone');
    expect(onSite.phone.totals.inspected).toBe(0);
  });

  describe('under a checklist without managerVisitConfirmed', () => {
    const checklist = [{ id: 'pricesTagged' }, { id: 'policyMaterialDisplayed' }, { id: 'satisfaction' }];
    const unasked = base.records.map(({ managerVisitConfirmed, ...r }) => r);

    it('counts every record not asked, none agreeing or contradicting (the old code refused such records)', () => {
      const r = crossCheck({ ...base, records: unasked, checklist });
      expect(r.records.map((x) => [x.outcome, x.answer])).toEqual(unasked.map(() => ['not_asked', null]));
      expect(r.contradictions).toEqual([]);
      expect(r.totals).toMatchObject({ inspected: 6, notAsked: 6, contradictions: 0, agreement: null });
      expect(r.byManager.map((m) => [m.managerId, m.notAsked])).toEqual([
        ['M1', 3],
        ['M2', 3],
      ]);
      // the visits each record would be compared with are still listed with their verdicts
      expect(r.records.map((x) => x.visits)).toEqual(crossCheck(base).records.map((x) => x.visits));
      expect('notAsked' in crossCheck(base).totals).toBe(false);
    });

    it('refuses a record that does not fit the checklist, naming the record and the item', () => {
      const e = thrown(() => crossCheck({ ...base, records: base.records.slice(0, 1), checklist }));
      expect(e.code).toBe('INVALID_INPUT');
      expect(e.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
        'records.0.managerVisitConfirmed: record I1 answers managerVisitConfirmed, which the checklist in force does not ask',
      ]);
      const missing = thrown(() => crossCheck({ ...base, records: unasked.slice(0, 1) }));
      expect(missing.issues.map((i) => i.path.join('.'))).toEqual(['records.0.managerVisitConfirmed']);
    });

    it('property: leaving the question out turns exactly the records not set aside into not_asked', () => {
      const statuses = ['verified', 'rejected', 'unverifiable', 'incomplete'] as const;
      fc.assert(
        fc.property(
          fc.array(fc.constantFrom(...statuses), { minLength: base.records.length, maxLength: base.records.length }),
          fc.array(fc.boolean(), { minLength: base.records.length, maxLength: base.records.length }),
          (fixStatus, phone) => {
            const records = base.records.map((r, k) =>
              phone[k] ? { ...r, channel: 'phone' as const, fix: undefined } : r,
            );
            const recordVerdicts = records.flatMap((r, k) =>
              phone[k] ? [] : [{ visitId: r.id, status: fixStatus[k] ?? 'verified' }],
            );
            const asked = crossCheck({ ...base, records, recordVerdicts });
            const without = crossCheck({
              ...base,
              records: records.map(({ managerVisitConfirmed, ...r }) => r),
              recordVerdicts,
              checklist,
            });
            without.records.forEach((x, k) => {
              const before = asked.records[k]?.outcome;
              expect(x.outcome).toBe(before === 'inspection_unverified' ? before : 'not_asked');
            });
            for (const side of ['totals', 'phone'] as const) {
              const counts = side === 'totals' ? without.totals : without.phone.totals;
              const before = side === 'totals' ? asked.totals : asked.phone.totals;
              expect(counts.inspected).toBe(before.inspected);
              expect(counts.notAsked).toBe(counts.inspected - counts.inspectionUnverified);
              expect(counts.inspectionUnverified).toBe(before.inspectionUnverified);
            }
            expect(without.contradictions).toEqual([]);
          },
        ),
      );
    });
  });
});
