import { BeatplanError, issueReason, type BeatplanIssue, type Retailer } from '@beatplan/core';
import type { SampleSpec, StratumField } from '../sample-spec.js';
import type { DrawInputs } from './draw-options.js';

/** The stratum of a retailer without a value for the field. */
export const NONE = '(none)';
/** The one stratum of an unstratified sample. */
export const ALL = '*';

/**
 * Every retailer with its stratum key (same order). Composite keys join the parts with `|`.
 * @throws {BeatplanError} INVALID_INPUT when `territory`/`custom` lacks its option, a retailer lies
 *   in two territories, or the key function returns something other than a non-empty string.
 */
export function stratumKeys(
  retailers: readonly Retailer[],
  spec: SampleSpec,
  inputs: DrawInputs,
): { r: Retailer; stratum: string }[] {
  if (spec.stratifyBy === undefined) return retailers.map((r) => ({ r, stratum: ALL }));
  const fields: StratumField[] = Array.isArray(spec.stratifyBy) ? spec.stratifyBy : [spec.stratifyBy];
  const issues: BeatplanIssue[] = [];
  // filled only when stratifying by territory
  const territoryOf = new Map<string, string>();
  if (fields.includes('territory')) {
    if (!inputs.territories)
      issues.push({ path: ['options', 'territories'], ...issueReason('inspection.needs_territories') });
    else {
      inputs.territories.forEach((t, i) =>
        t.retailerIds.forEach((id, j) => {
          const other = territoryOf.get(id);
          if (other !== undefined)
            issues.push({
              path: ['options', 'territories', i, 'retailerIds', j],
              ...issueReason('inspection.already_in_territory', { territory: JSON.stringify(other) }),
              value: id,
            });
          else territoryOf.set(id, t.id);
        }),
      );
    }
  }
  const customKey = inputs.key;
  if (fields.includes('custom') && !customKey)
    issues.push({ path: ['options', 'key'], ...issueReason('inspection.needs_key') });
  if (issues.length) throw new BeatplanError('INVALID_INPUT', issues);

  const keys = retailers.map((r, i) => ({
    r,
    stratum: fields
      .map((f) => {
        if (f === 'territory') return territoryOf.get(r.id) ?? NONE;
        if (f === 'custom') {
          // customKey is there: its absence was an issue above
          const k = customKey?.(r);
          if (typeof k !== 'string' || k === '')
            issues.push({
              path: ['retailers', i],
              ...issueReason('inspection.key_non_empty'),
              value: k,
            });
          return String(k);
        }
        const v = r[f === 'manager' ? 'managerId' : f];
        return v === undefined ? NONE : String(v);
      })
      .join('|'),
  }));
  if (issues.length) throw new BeatplanError('INVALID_INPUT', issues);
  return keys;
}
