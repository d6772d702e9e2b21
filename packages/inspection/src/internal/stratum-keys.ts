import { BeatplanError, type BeatplanIssue, type Retailer } from '@beatplan/core';
import type { SampleSpec, StratumField } from '../sample-spec.js';
import type { DrawInputs } from './draw-options.js';

/** The stratum of a retailer without a value for the field. */
export const NONE = '(none)';
/** The one stratum of an unstratified sample. */
export const ALL = '*';

/**
 * The stratum key of every retailer (same order). Composite keys join the parts with `|`.
 * @throws {BeatplanError} INVALID_INPUT when `territory`/`custom` lacks its option, a retailer lies
 *   in two territories, or the key function returns something other than a non-empty string.
 */
export function stratumKeys(retailers: readonly Retailer[], spec: SampleSpec, inputs: DrawInputs): string[] {
  if (spec.stratifyBy === undefined) return retailers.map(() => ALL);
  const fields: StratumField[] = Array.isArray(spec.stratifyBy) ? spec.stratifyBy : [spec.stratifyBy];
  const issues: BeatplanIssue[] = [];
  let territoryOf: Map<string, string> | null = null;
  if (fields.includes('territory')) {
    if (!inputs.territories)
      issues.push({ path: ['options', 'territories'], message: 'stratifying by territory needs the territories' });
    else {
      territoryOf = new Map();
      inputs.territories.forEach((t, i) =>
        t.retailerIds.forEach((id, j) => {
          const other = territoryOf!.get(id);
          if (other !== undefined)
            issues.push({
              path: ['options', 'territories', i, 'retailerIds', j],
              message: `retailer is already in territory ${JSON.stringify(other)}`,
              value: id,
            });
          else territoryOf!.set(id, t.id);
        }),
      );
    }
  }
  if (fields.includes('custom') && !inputs.key)
    issues.push({ path: ['options', 'key'], message: 'stratifying by "custom" needs the key function' });
  if (issues.length) throw new BeatplanError('INVALID_INPUT', issues);

  const keys = retailers.map((r, i) =>
    fields
      .map((f) => {
        if (f === 'territory') return territoryOf!.get(r.id) ?? NONE;
        if (f === 'custom') {
          const k = inputs.key!(r);
          if (typeof k !== 'string' || k === '')
            issues.push({
              path: ['retailers', i],
              message: 'the key function must return a non-empty string',
              value: k,
            });
          return String(k);
        }
        const v = r[f === 'manager' ? 'managerId' : f];
        return v === undefined ? NONE : String(v);
      })
      .join('|'),
  );
  if (issues.length) throw new BeatplanError('INVALID_INPUT', issues);
  return keys;
}
