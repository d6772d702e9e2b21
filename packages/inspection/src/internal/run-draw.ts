import {
  BeatplanError,
  localDateOf,
  parseOrThrow,
  RetailerSchema,
  type BeatplanIssue,
  type Retailer,
} from '@beatplan/core';
import * as z from 'zod';
import { SAMPLE_ALGORITHM, type InspectionPlan } from '../inspection-plan.js';
import type { SampleSpec } from '../sample-spec.js';
import { allocateByWeight, allocateProportional } from './allocate.js';
import type { DrawInputs } from './draw-options.js';
import { fnv1a64Hex } from './fnv1a64.js';
import { stratumKeys } from './stratum-keys.js';
import { weightedSample } from './weighted-sample.js';

const RetailersSchema = z.array(RetailerSchema, { error: 'retailers must be an array of retailers' });

/** Parses the retailers and rejects duplicate ids (every duplicate listed). */
export function parseRetailers(retailers: unknown): Retailer[] {
  const parsed = parseOrThrow(RetailersSchema, retailers, ['retailers']);
  const seen = new Set<string>();
  const issues: BeatplanIssue[] = [];
  parsed.forEach((r, i) => {
    if (seen.has(r.id))
      issues.push({ path: ['retailers', i, 'id'], message: 'retailer id appears twice', value: r.id });
    seen.add(r.id);
  });
  if (issues.length) throw new BeatplanError('INVALID_INPUT', issues);
  return parsed;
}

function excludedIds(spec: SampleSpec, inputs: DrawInputs): Set<string> {
  const out = new Set<string>();
  const since = spec.excludeInspectedSince;
  if (since === undefined) return out;
  if (!inputs.history)
    throw new BeatplanError('INVALID_INPUT', [
      { path: ['options', 'history'], message: 'excludeInspectedSince needs the inspection history' },
    ]);
  for (const h of inputs.history) {
    const recent = typeof since === 'number' ? h.at >= since : localDateOf(h.at, spec.utcOffsetMinutes) >= since;
    if (recent) out.add(h.retailerId);
  }
  return out;
}

function weightOf(r: Retailer, spec: SampleSpec): number {
  if (!spec.weighting) return 1;
  const rates = spec.weighting.verificationRates;
  const rate = r.managerId !== undefined && Object.hasOwn(rates, r.managerId) ? rates[r.managerId] : undefined;
  return 1 + spec.weighting.alpha * (1 - (rate ?? 1));
}

/**
 * The draw itself, on parsed retailers and a parsed spec. Deterministic: the same retailers (in any
 * order), spec, seed and inputs give the same plan.
 */
export function runDraw(
  retailers: readonly Retailer[],
  spec: SampleSpec,
  seed: number,
  inputs: DrawInputs,
): InspectionPlan {
  const keys = stratumKeys(retailers, spec, inputs);
  const excluded = excludedIds(spec, inputs);
  const rows = retailers
    .map((r, i) => ({ id: r.id, stratum: keys[i]!, weight: weightOf(r, spec), excluded: excluded.has(r.id) }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  // Fingerprint: everything the draw reads, canonicalised (sorted by id, one line per retailer).
  const canonical = `${SAMPLE_ALGORITHM.name}/${SAMPLE_ALGORITHM.version}\n${rows.map((r) => `${r.id}\t${r.stratum}\t${r.weight}\t${r.excluded ? 1 : 0}`).join('\n')}`;
  const fingerprint = `fnv1a64:${fnv1a64Hex(canonical)}`;

  const strataMap = new Map<string, { all: number; eligible: typeof rows }>();
  for (const r of rows) {
    const s = strataMap.get(r.stratum) ?? { all: 0, eligible: [] };
    s.all++;
    if (!r.excluded) s.eligible.push(r);
    strataMap.set(r.stratum, s);
  }
  const strataKeys = [...strataMap.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const eligible = strataKeys.map((k) => strataMap.get(k)!.eligible.length);
  const totalEligible = eligible.reduce((a, b) => a + b, 0);

  let requested: (number | null)[];
  let allocation: number[];
  if (spec.size !== undefined) {
    if (spec.size > totalEligible) {
      throw new BeatplanError('INVALID_INPUT', [
        {
          path: ['spec', 'size'],
          message: `size exceeds the ${totalEligible} eligible retailers (${rows.length - totalEligible} of ${rows.length} excluded as inspected recently)`,
          value: spec.size,
        },
      ]);
    }
    requested = strataKeys.map(() => null);
    // with weighting, strata get sizes by their summed weights: a manager with a low verification
    // rate gets more of the sample, not only other retailers within his own share
    allocation = spec.weighting
      ? allocateByWeight(
          strataKeys.map((k) => strataMap.get(k)!.eligible.reduce((sum, r) => sum + r.weight, 0)),
          eligible,
          spec.size,
        )
      : allocateProportional(eligible, spec.size);
  } else {
    const per = spec.sizePerStratum!;
    if (typeof per !== 'number') {
      const unknown = Object.keys(per).filter((k) => !strataMap.has(k));
      if (unknown.length) {
        throw new BeatplanError(
          'INVALID_INPUT',
          unknown.map((k) => ({
            path: ['spec', 'sizePerStratum', k],
            message: `no retailer is in this stratum (strata: ${strataKeys.slice(0, 10).join(', ')}${strataKeys.length > 10 ? ', …' : ''})`,
            value: per[k],
          })),
        );
      }
    }
    requested = strataKeys.map((k) => (typeof per === 'number' ? per : Object.hasOwn(per, k) ? (per[k] ?? 0) : 0));
    allocation = requested.map((n, h) => Math.min(n!, eligible[h]!));
  }

  const drawn: InspectionPlan['drawn'] = [];
  strataKeys.forEach((key, h) => {
    const candidates = strataMap.get(key)!.eligible;
    const weightById = new Map(candidates.map((c) => [c.id, c.weight]));
    for (const id of weightedSample(candidates, allocation[h]!, seed))
      drawn.push({ retailerId: id, stratum: key, weight: weightById.get(id)! });
  });

  return {
    type: 'beatplan.inspection-plan',
    algorithm: { ...SAMPLE_ALGORITHM },
    seed,
    spec,
    fingerprint,
    population: { total: rows.length, excluded: rows.filter((r) => r.excluded).length, eligible: totalEligible },
    strata: strataKeys.map((key, h) => ({
      key,
      population: strataMap.get(key)!.all,
      eligible: eligible[h]!,
      requested: requested[h]!,
      drawn: allocation[h]!,
    })),
    drawn,
    adjustments: [],
    retailerIds: drawn.map((d) => d.retailerId),
  };
}
