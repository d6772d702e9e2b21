import { BeatplanError, dataRecord, IdSchema, issueReason, parseOrThrow, type BeatplanIssue } from '@beatplan/core';
import type { VisitVerdict } from '@beatplan/geofence';
import * as z from 'zod';
import { VerdictStatusSchema } from './internal/cross-check-input.js';

const InputSchema = z.strictObject({
  visits: z.array(z.looseObject({ id: IdSchema, managerId: IdSchema }), {
    error: 'visits must be an array of { id, managerId }',
  }),
  verdicts: z.array(VerdictStatusSchema, { error: 'verdicts must be an array of geofence verdicts' }),
});

/**
 * The verification rate of each manager: verified visits / visits with a verdict, 4 decimals, for
 * the `weighting.verificationRates` of a sample spec. Visits without a verdict are not counted; an
 * `incomplete` visit (no end fix) counts as not verified, like `rejected` and `unverifiable`: what
 * was not proven is what an inspection should look at.
 *
 * @param visits - the visits (`id`, `managerId` are read; a core `Visit` is one).
 * @param verdicts - geofence verdicts (`visitId`, `status` are read).
 * @returns `{ managerId: rate }`, keys sorted (a null-prototype object: any id is a key).
 * @throws {BeatplanError} `INVALID_INPUT` for a malformed visit or verdict, or a duplicate visit id.
 * @example
 * verificationRates(
 *   [{ id: 'V1', managerId: 'M1' }, { id: 'V2', managerId: 'M1' }, { id: 'V3', managerId: 'M2' }],
 *   [{ visitId: 'V1', status: 'verified' }, { visitId: 'V2', status: 'incomplete' }, { visitId: 'V3', status: 'verified' }],
 * ); // { M1: 0.5, M2: 1 }
 */
export function verificationRates(
  visits: readonly { id: string; managerId: string }[],
  verdicts: readonly Pick<VisitVerdict, 'visitId' | 'status'>[],
): Record<string, number> {
  const x = parseOrThrow(InputSchema, { visits, verdicts }, []);
  const status = new Map(x.verdicts.map((v) => [v.visitId, v.status]));
  const counts = new Map<string, { n: number; ok: number }>();
  const seen = new Set<string>();
  const issues: BeatplanIssue[] = [];
  x.visits.forEach((v, i) => {
    if (seen.has(v.id)) issues.push({ path: ['visits', i, 'id'], value: v.id, ...issueReason('inspection.id_twice') });
    seen.add(v.id);
    const s = status.get(v.id);
    if (s === undefined) return;
    const c = counts.get(v.managerId) ?? { n: 0, ok: 0 };
    c.n++;
    if (s === 'verified') c.ok++;
    counts.set(v.managerId, c);
  });
  if (issues.length) throw new BeatplanError('INVALID_INPUT', issues);
  return dataRecord(
    [...counts]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([m, c]) => [m, Math.round((c.ok / c.n) * 10_000) / 10_000]),
  );
}
