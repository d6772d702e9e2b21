import { readFileSync } from 'node:fs';
import { buildReport } from '@beatplan/reports';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

// The "needs attention" list on the small-city fixture (3 managers, 23 visits, 3 contradictions).
const base = JSON.parse(readFileSync(new URL('../../test/in/small-city.json', import.meta.url), 'utf8')) as {
  plans: { managerId: string; date: string; stops: { retailerId: string }[] }[];
  visits: { id: string; managerId: string; retailerId: string; start: { at: string } }[];
  verdicts: { visitId: string; status: string; reasons: string[]; flags: string[] }[];
  contradictions: unknown[];
};
const dayOf = (visitId: string) => visitId.split('-').slice(2, 5).join('-');
// one verdict per visit (the fixture leaves one visit without a verdict: it gets a verified one here)
const verdictOf = new Map(base.verdicts.map((v) => [v.visitId, v]));
const full = base.visits.map(
  (v) =>
    verdictOf.get(v.id) ?? {
      visitId: v.id,
      status: 'verified',
      reasons: [],
      distanceM: { start: 3, end: 3 },
      dwellS: 600,
      confidence: 0.9,
      flags: [],
    },
);

describe('needs attention', () => {
  it('puts a manager-day of flagged visits first, names every visit and gives each its evidence', () => {
    const spoofed = base.visits.filter((v) => v.managerId === 'M3' && dayOf(v.id) === '2025-03-04').map((v) => v.id);
    expect(spoofed.length).toBeGreaterThan(1);
    const verdicts = full.map((v) =>
      spoofed.includes(v.visitId) ? { ...v, flags: [...v.flags, 'CONSTANT_ACCURACY'] } : v,
    );
    const { attention } = buildReport({ ...base, verdicts });
    const first = attention.items[0]!;
    expect(first).toMatchObject({ kind: 'flagged_day', severity: 'high', managerId: 'M3', dates: ['2025-03-04'] });
    expect([...first.visitIds].sort()).toEqual([...spoofed].sort());
    expect(first.codes).toContainEqual({ code: 'CONSTANT_ACCURACY', count: spoofed.length });
    const status = new Map(verdicts.map((v) => [v.visitId, v.status]));
    expect(first.verifiedVisits).toBe(spoofed.filter((id) => status.get(id) === 'verified').length);
    // every named visit has one evidence row that points back to the items naming it
    const named = new Set(attention.items.flatMap((i) => i.visitIds));
    expect(attention.visits.map((v) => v.visitId).sort()).toEqual([...named].sort());
    for (const row of attention.visits)
      for (const i of row.items) expect(attention.items[i]!.visitIds).toContain(row.visitId);
    expect(attention.visits.find((v) => v.visitId === spoofed[0])!.start).toMatch(/^2025-03-04T\d\d:\d\d:00\+08:00$/);
  });

  it('orders items by severity and names every unproven visit, flagged visit and missed stop exactly once per kind', () => {
    const VERDICT = fc.record({
      status: fc.constantFrom('verified', 'rejected', 'unverifiable', 'incomplete'),
      reasons: fc.constantFrom([], ['OUT_OF_RANGE'], ['TOO_SHORT'], ['ACCURACY_TOO_COARSE'], ['NO_END_FIX']),
      flags: fc.constantFrom([], [], ['IMPOSSIBLE_SPEED'], ['MOCK_LOCATION', 'CONSTANT_ACCURACY']),
    });
    fc.assert(
      fc.property(
        fc.array(VERDICT, { minLength: full.length, maxLength: full.length }),
        fc.array(fc.boolean(), { minLength: base.visits.length, maxLength: base.visits.length }),
        (vs, keep) => {
          const visits = base.visits.filter((_, i) => keep[i]);
          const kept = new Set(visits.map((v) => v.id));
          const verdicts = full.map((v, i) => ({ ...v, ...vs[i]! })).filter((v) => kept.has(v.visitId));
          const contradictions = (base.contradictions as { visitId?: string }[]).filter(
            (c) => c.visitId === undefined || kept.has(c.visitId),
          );
          const { attention } = buildReport({ ...base, visits, verdicts, contradictions });
          const rank = { high: 0, medium: 1, low: 2 };
          const sev = attention.items.map((i) => rank[i.severity]);
          expect(sev).toEqual([...sev].sort((a, b) => a - b));
          const inKind = (kind: string) => attention.items.filter((i) => i.kind === kind).flatMap((i) => i.visitIds);
          const flagged = verdicts.filter((v) => v.flags.length > 0).map((v) => v.visitId);
          const unproven = verdicts
            .filter((v) => v.status !== 'verified' && v.flags.length === 0)
            .map((v) => v.visitId);
          expect(inKind('flagged_day').sort()).toEqual([...flagged].sort());
          expect(inKind('unproven_visits').sort()).toEqual([...unproven].sort());
          const visited = new Set(visits.map((v) => `${v.managerId} ${dayOf(v.id)} ${v.retailerId}`));
          const missed = base.plans.flatMap((p) =>
            p.stops
              .filter((s) => !visited.has(`${p.managerId} ${p.date} ${s.retailerId}`))
              .map((s) => `${p.managerId} ${p.date} ${s.retailerId}`),
          );
          const listed = attention.items
            .filter((i) => i.kind === 'missed_stops')
            .flatMap((i) => i.retailerIds.map((r) => `${i.managerId} ${i.dates[0]} ${r}`));
          expect(listed.sort()).toEqual(missed.sort());
        },
      ),
      { seed: 20261207, numRuns: 40 },
    );
  });

  it('lists a visit without a verdict as not checked', () => {
    const { attention } = buildReport(base);
    const item = attention.items.find((i) => i.codes.some((c) => c.code === 'NO_VERDICT'));
    expect(item).toMatchObject({ kind: 'unproven_visits', managerId: 'M3', visitIds: ['V-M3-2025-03-04-2'] });
    expect(attention.visits.find((v) => v.visitId === 'V-M3-2025-03-04-2')?.status).toBe('no_verdict');
  });

  it('is empty when every visit is verified without a flag, nothing is contradicted and every stop is visited', () => {
    const visited = new Set(base.visits.map((v) => `${v.managerId} ${dayOf(v.id)} ${v.retailerId}`));
    const plans = base.plans.map((p) => ({
      ...p,
      stops: p.stops.filter((s) => visited.has(`${p.managerId} ${p.date} ${s.retailerId}`)),
    }));
    const verdicts = full.map((v) => ({ ...v, status: 'verified', reasons: [], flags: [] }));
    const { attention } = buildReport({ ...base, plans, verdicts, contradictions: [] });
    expect(attention).toEqual({ items: [], visits: [] });
  });
});
