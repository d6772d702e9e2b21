import {
  BEATPLAN_ERROR_CODES,
  BeatplanError,
  type BeatplanErrorCode,
  type BeatplanIssue,
  ISSUES_IN_MESSAGE,
  isBeatplanError,
  MAX_ISSUES,
  parseOrThrow,
  RetailerSchema,
  toBeatplanError,
} from '@beatplan/core';
import { planWeeklyBeats } from '@beatplan/territory';
import { solveSync, TspError, type TspErrorCode } from '@beatplan/tsp';
import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { manager, retailer } from './helpers.js';

// The one error model across packages: core's BeatplanError and tsp's TspError (tsp depends on no
// other package) are built by the same code, have the same shape, and share one guard.
// Territory depends on both, so the cross-package checks live here.

const issue: fc.Arbitrary<BeatplanIssue> = fc.record(
  {
    path: fc.array(fc.oneof(fc.string({ maxLength: 8 }), fc.nat(99)), { maxLength: 4 }),
    message: fc.string({ minLength: 1, maxLength: 30 }),
    value: fc.oneof(fc.double(), fc.string(), fc.constant(null), fc.array(fc.nat())),
    row: fc.nat(1000),
  },
  { requiredKeys: ['path', 'message'] },
);
const TSP_CODES: TspErrorCode[] = [
  'INVALID_INPUT',
  'TSPLIB_PARSE',
  'TOO_LARGE',
  'TIME_LIMIT',
  'INFEASIBLE',
  'ABORTED',
  'INTERNAL',
];

describe('one error model', () => {
  it('TspError codes are core codes', () => {
    expectTypeOf<TspErrorCode>().toMatchTypeOf<BeatplanErrorCode>();
    for (const c of TSP_CODES) expect(BEATPLAN_ERROR_CODES).toContain(c);
  });

  it('TspError and BeatplanError give the same issues, counts and message for the same input', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...TSP_CODES),
        fc.array(issue, { maxLength: 12 }),
        fc.nat(5000),
        (code, issues, omitted) => {
          const a = new BeatplanError(code, issues, { omittedIssues: omitted });
          const b = new TspError(code, issues, { omittedIssues: omitted });
          expect(b.message).toBe(a.message);
          expect(b.issues).toEqual(a.issues);
          expect([b.path, b.value, b.omittedIssues]).toEqual([a.path, a.value, a.omittedIssues]);
          expect(a.issues.length).toBeGreaterThan(0); // never empty, never an empty message
          expect(a.message.length).toBeGreaterThan(0);
          // the count in "(and N more)" is true: every issue found minus those shown
          const total = Math.max(1, issues.length) + omitted;
          const shown = Math.min(a.issues.length, ISSUES_IN_MESSAGE);
          if (total > shown) expect(a.message.endsWith(`(and ${total - shown} more)`)).toBe(true);
          else expect(a.message).not.toMatch(/more\)$/);
        },
      ),
    );
  });

  it('keeps at most MAX_ISSUES and counts the rest (regression: 5, 20, 50 and 1000 were caps)', () => {
    const many = Array.from({ length: MAX_ISSUES + 500 }, (_, i) => ({ path: ['x', i], message: 'bad' }));
    for (const e of [new BeatplanError('INVALID_INPUT', many), new TspError('INVALID_INPUT', many)]) {
      expect(e.issues).toHaveLength(MAX_ISSUES);
      expect(e.omittedIssues).toBe(500);
      expect(e.message.endsWith(`(and ${MAX_ISSUES + 500 - ISSUES_IN_MESSAGE} more)`)).toBe(true);
    }
  });

  it('counts every bad cost of a matrix (regression: tsp kept 20 and said "(and 15 more)")', () => {
    const n = 40;
    const matrix = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 0 : Number.NaN)));
    let error: unknown;
    try {
      solveSync({ matrix });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TspError);
    const e = error as TspError;
    expect(e.issues.length + e.omittedIssues).toBe(n * (n - 1));
    expect(e.message.endsWith(`(and ${n * (n - 1) - ISSUES_IN_MESSAGE} more)`)).toBe(true);
  });

  it('never has an empty issue list or message (regression: new TspError(code, []) had the message "")', () => {
    const e = new TspError('INTERNAL', []);
    expect(e.issues).toEqual([{ path: [], message: 'internal' }]);
    expect(e.message).toBe('internal');
  });

  it('has one guard for both classes, and one conversion', () => {
    const t = new TspError('TOO_LARGE', [{ path: ['n'], message: 'too many nodes', value: 40 }]);
    expect(isBeatplanError(t)).toBe(true);
    expect(isBeatplanError(t, 'TOO_LARGE')).toBe(true);
    expect(isBeatplanError(t, 'INFEASIBLE')).toBe(false);
    expect(isBeatplanError(new RangeError('x'))).toBe(false);
    const b = toBeatplanError(t);
    expect(b).toBeInstanceOf(BeatplanError);
    expect(b).toMatchObject({ code: 'TOO_LARGE', issues: t.issues, message: t.message, cause: t });
    expect(toBeatplanError(new Error('disk full'))).toBeUndefined();
  });

  it('never lets zod wording through, in core or in tsp (regression: "Invalid input: expected number, received Infinity")', () => {
    const ZOD = /Invalid (input|option)|expected \w+, received|Unrecognized key|Too (small|big)/;
    const bad = fc.oneof(
      fc.constant(Number.POSITIVE_INFINITY),
      fc.constant(Number.NaN),
      fc.string(),
      fc.constant(null),
      fc.array(fc.double(), { maxLength: 3 }),
      fc.object({ maxDepth: 1 }),
    );
    const keys = [
      'start',
      'end',
      'seed',
      'method',
      'timeLimitMs',
      'maxKicks',
      'windows',
      'serviceS',
      'startAt',
      'endBy',
      'bogus',
    ];
    fc.assert(
      fc.property(fc.constantFrom(...keys), bad, (key, value) => {
        try {
          solveSync(
            {
              matrix: [
                [0, 1],
                [1, 0],
              ],
            },
            { [key]: value } as never,
          );
        } catch (e) {
          if (!isBeatplanError(e)) throw e;
          for (const i of e.issues) expect(i.message).not.toMatch(ZOD);
        }
      }),
    );
    fc.assert(
      fc.property(
        fc.constantFrom('serviceMinutes', 'location', 'segment', 'orderCount', 'openingHours', 'x'),
        bad,
        (key, value) => {
          try {
            parseOrThrow(RetailerSchema, { ...retailer('R1', 120.15, 30.27), [key]: value });
          } catch (e) {
            if (!isBeatplanError(e)) throw e;
            for (const i of e.issues) expect(i.message).not.toMatch(ZOD);
          }
        },
      ),
    );
  });

  it('planWeeklyBeats passes a solver error on as a BeatplanError with the TspError as cause (regression: TspError leaked)', async () => {
    const shops = Array.from({ length: 24 }, (_, i) =>
      retailer(`R${i}`, 120.15 + 0.001 * i, 30.27, { visitFrequency: 'weekly', serviceMinutes: 5 }),
    );
    const m = manager('M1', 120.15, 30.27, { workingHours: { mon: [{ from: '08:00', to: '20:00' }] } });
    const error = await planWeeklyBeats(m, shops, { startDate: '2025-03-03', weeks: 1, method: 'exact' }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(BeatplanError);
    expect(error).toMatchObject({ code: 'TOO_LARGE' });
    expect((error as BeatplanError).cause).toBeInstanceOf(TspError);
  });
});
