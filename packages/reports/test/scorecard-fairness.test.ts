import { readFileSync } from 'node:fs';
import { buildReport } from '@beatplan/reports';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

// Properties of a fair scorecard (issue 12), on the small-city fixture (3 managers, 23 visits).
const SEED = 20261206;
const base = JSON.parse(readFileSync(new URL('./in/small-city.json', import.meta.url), 'utf8')) as {
  managers: { id: string }[];
  visits: { id: string; managerId: string; start: { source: string }; end: { source: string } }[];
  verdicts: { visitId: string; status: string; reasons: readonly string[] }[];
  contradictions: { visitId?: string; visitIds?: string[] }[];
};
const managerOf = new Map(base.visits.map((v) => [v.id, v.managerId]));
const scores = (input: unknown) => new Map(buildReport(input).managers.map((m) => [m.managerId, m.score]));
const withVerdicts = (verdicts: typeof base.verdicts) => ({ ...base, verdicts });
const VERDICT = fc.constantFrom<{ status: string; reasons: string[] }>(
  { status: 'verified', reasons: [] },
  { status: 'rejected', reasons: ['OUT_OF_RANGE'] },
  { status: 'unverifiable', reasons: ['AMBIGUOUS_POSITION'] },
  { status: 'unverifiable', reasons: ['ACCURACY_TOO_COARSE'] },
  { status: 'incomplete', reasons: ['NO_END_FIX'] },
);

describe('scorecard fairness', () => {
  it('is monotone in verified visits: verifying a counted visit never lowers its manager’s score', () => {
    fc.assert(
      fc.property(
        fc.array(VERDICT, { minLength: base.verdicts.length, maxLength: base.verdicts.length }),
        fc.nat(),
        (vs, pick) => {
          const verdicts = base.verdicts.map((v, i) => ({ ...v, ...vs[i]! }));
          // A counted visit: any verdict but undecided-for-precision (which by default is not counted).
          const counted = verdicts.flatMap((v, i) =>
            v.status !== 'verified' && v.reasons[0] !== 'ACCURACY_TOO_COARSE' ? [i] : [],
          );
          if (counted.length === 0) return;
          const i = counted[pick % counted.length]!;
          const before = scores(withVerdicts(verdicts));
          const after = scores(
            withVerdicts(verdicts.map((v, k) => (k === i ? { ...v, status: 'verified', reasons: [] } : v))),
          );
          const m = managerOf.get(verdicts[i]!.visitId)!;
          expect(after.get(m)!).toBeGreaterThanOrEqual(before.get(m)!);
        },
      ),
      { seed: SEED, numRuns: 60 },
    );
  });

  it('does not count a flagged visit as proven: flagging a verified visit lowers its manager’s verification KPI', () => {
    fc.assert(
      fc.property(
        fc.array(VERDICT, { minLength: base.verdicts.length, maxLength: base.verdicts.length }),
        fc.nat(),
        fc.constantFrom('MOCK_LOCATION', 'IMPOSSIBLE_SPEED', 'CONSTANT_ACCURACY', 'OVERLAPPING_VISITS'),
        (vs, pick, flag) => {
          const verdicts = base.verdicts.map((v, i) => ({ ...v, ...vs[i]!, flags: [] as string[] }));
          const verified = verdicts.flatMap((v, i) => (v.status === 'verified' ? [i] : []));
          if (verified.length === 0) return;
          const i = verified[pick % verified.length]!;
          const m = managerOf.get(verdicts[i]!.visitId)!;
          const of = (input: unknown) => buildReport(input).managers.find((x) => x.managerId === m)!;
          const clean = of(withVerdicts(verdicts));
          const flagged = of(withVerdicts(verdicts.map((v, k) => (k === i ? { ...v, flags: [flag] } : v))));
          // the figures keep what the verdict says; the scorecard does not count the visit as proven
          expect(flagged.verified).toBe(clean.verified);
          expect(flagged.flaggedVerified).toBe(1);
          expect(flagged.kpis.verification!).toBeLessThan(clean.kpis.verification!);
          expect(flagged.score!).toBeLessThanOrEqual(clean.score!);
        },
      ),
      { seed: SEED, numRuns: 40 },
    );
  });

  it('two managers’ order does not depend on a third manager’s data', () => {
    const [a, b, c] = base.managers.map((m) => m.id);
    fc.assert(
      fc.property(
        fc.array(VERDICT, { minLength: base.verdicts.length, maxLength: base.verdicts.length }),
        fc.array(VERDICT, { minLength: base.verdicts.length, maxLength: base.verdicts.length }),
        fc.boolean(),
        (mine, theirs, dropTheirVisits) => {
          const verdicts = base.verdicts.map((v, i) => ({ ...v, ...mine[i]! }));
          const before = scores(withVerdicts(verdicts));
          // Change everything of manager c: his verdicts, or drop his visits altogether.
          const changed = dropTheirVisits
            ? {
                ...base,
                visits: base.visits.filter((v) => v.managerId !== c),
                verdicts: verdicts.filter((v) => managerOf.get(v.visitId) !== c),
                contradictions: base.contradictions.filter((x) =>
                  [x.visitId, ...(x.visitIds ?? [])].every((id) => id === undefined || managerOf.get(id) !== c),
                ),
              }
            : withVerdicts(verdicts.map((v, i) => (managerOf.get(v.visitId) === c ? { ...v, ...theirs[i]! } : v)));
          const after = scores(changed);
          const order = (s: Map<string, number | null>) => Math.sign((s.get(a!) ?? -1) - (s.get(b!) ?? -1));
          expect(order(after)).toBe(order(before));
          expect([after.get(a!), after.get(b!)]).toEqual([before.get(a!), before.get(b!)]);
        },
      ),
      { seed: SEED, numRuns: 60 },
    );
  });

  it('counts a visit undecided for lack of precision neither verified nor failed, unless the host says failed', () => {
    const m1 = base.visits.filter((v) => v.managerId === 'M1').map((v) => v.id);
    const allVerified = base.verdicts.map((v) =>
      m1.includes(v.visitId) ? { ...v, status: 'verified', reasons: [] } : v,
    );
    const coarse = allVerified.map((v, i) =>
      m1.includes(v.visitId) && i % 3 === 0 ? { ...v, status: 'unverifiable', reasons: ['ACCURACY_TOO_COARSE'] } : v,
    );
    const neutral = buildReport(withVerdicts(coarse)).managers.find((m) => m.managerId === 'M1')!;
    expect(neutral.undecidedPrecision).toBeGreaterThan(0);
    expect(neutral.kpis.verification).toBe(1);
    const failed = buildReport({ ...withVerdicts(coarse), undecidedPrecision: 'failed' }).managers.find(
      (m) => m.managerId === 'M1',
    )!;
    expect(failed.kpis.verification!).toBeLessThan(1);
    expect(neutral.fixesBySource.gnss + neutral.fixesBySource.wifi + neutral.fixesBySource.cell).toBe(2 * m1.length);
  });

  it('counts an incomplete visit (no end fix) as not verified, unless the host says neutral; lists it apart', () => {
    const m1 = base.visits.filter((v) => v.managerId === 'M1').map((v) => v.id);
    const dropped = new Set(m1.filter((_, i) => i % 3 === 0));
    const verdicts = base.verdicts.map((v) =>
      !m1.includes(v.visitId)
        ? v
        : dropped.has(v.visitId)
          ? { ...v, status: 'incomplete', reasons: ['NO_END_FIX'], distanceM: { start: 3, end: null }, dwellS: null }
          : { ...v, status: 'verified', reasons: [] },
    );
    const input = {
      ...base,
      visits: base.visits.map((v) => (dropped.has(v.id) ? { ...v, end: undefined } : v)),
      verdicts,
    };
    const failed = buildReport(input);
    const m = failed.managers.find((x) => x.managerId === 'M1')!;
    expect(failed.incompleteVisits).toBe('failed');
    expect(m.incomplete).toBe(dropped.size);
    expect(m.kpis.verification).toBe((m1.length - dropped.size) / m1.length);
    expect(m.fixesBySource.gnss + m.fixesBySource.wifi + m.fixesBySource.cell).toBe(2 * m1.length - dropped.size);
    const neutral = buildReport({ ...input, incompleteVisits: 'neutral' });
    expect(neutral.managers.find((x) => x.managerId === 'M1')!.kpis.verification).toBe(1);
    expect(neutral.totals.incomplete).toBe(dropped.size);
  });
});
