import { BeatplanError, issueReason } from '@beatplan/core';

/**
 * Throws the `INTERNAL` error for a read outside a batch's evidence or tables: every index a pass
 * reads was written by an earlier pass of the same batch, so reaching this is a bug in geofence,
 * never a problem of the input. Reads check their value against `undefined` and call this
 * (`ev.fixLng[k] ?? failEvidence('fixLng', k)`), so that a bug fails loudly instead of turning into
 * NaN verdicts. The reason is core's `core.checked_missing` (as `getKnown`'s).
 */
export function failEvidence(what: string, index: number): never {
  throw new BeatplanError('INTERNAL', [
    {
      path: [],
      value: index,
      ...issueReason('core.checked_missing', { what: `geofence ${what}`, key: String(index) }),
    },
  ]);
}
