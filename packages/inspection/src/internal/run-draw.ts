import {
  BeatplanError,
  localDateOf,
  parseOrThrow,
  RetailerSchema,
  type BeatplanIssue,
  type Retailer,
  issueReason,
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
      issues.push({ path: ['retailers', i, 'id'], value: r.id, ...issueReason('inspection.retailer_id_twice') });
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
      { path: ['options', 'history'], ...issueReason('inspection.needs_history') },
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
  const rows = keys
    .map(({ r, stratum }) => ({ id: r.id, stratum, weight: weightOf(r, spec), excluded: excluded.has(r.id) }))
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
  const strata = [...strataMap].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, s]) => ({ key, ...s }));
  const strataKeys = strata.map((s) => s.key);
  const totalEligible = strata.reduce((a, s) => a + s.eligible.length, 0);

  let sized: ((typeof strata)[number] & { requested: number | null; count: number })[];
  if (spec.size !== undefined) {
    if (spec.size > totalEligible) {
      throw new BeatplanError('INVALID_INPUT', [
        {
          path: ['spec', 'size'],
          ...issueReason('inspection.size_exceeds', {
            eligible: totalEligible,
            excluded: rows.length - totalEligible,
            total: rows.length,
          }),
          value: spec.size,
        },
      ]);
    }
    const capped = strata.map((s) => ({ ...s, requested: null, cap: s.eligible.length }));
    // with weighting, strata get sizes by their summed weights: a manager with a low verification
    // rate gets more of the sample, not only other retailers within his own share
    sized = spec.weighting
      ? allocateByWeight(
          capped.map((s) => ({ ...s, weight: s.eligible.reduce((sum, r) => sum + r.weight, 0) })),
          spec.size,
        )
      : allocateProportional(capped, spec.size);
  } else {
    // the schema gives exactly one of size and sizePerStratum
    const per = spec.sizePerStratum!;
    if (typeof per !== 'number') {
      const unknown = Object.keys(per).filter((k) => !strataMap.has(k));
      if (unknown.length) {
        throw new BeatplanError(
          'INVALID_INPUT',
          unknown.map((k) => ({
            path: ['spec', 'sizePerStratum', k],
            ...issueReason('inspection.empty_stratum', {
              strata: strataKeys.slice(0, 10),
              more: strataKeys.length > 10,
            }),
            value: per[k],
          })),
        );
      }
    }
    sized = strata.map((s) => {
      const n = typeof per === 'number' ? per : Object.hasOwn(per, s.key) ? (per[s.key] ?? 0) : 0;
      return { ...s, requested: n, count: Math.min(n, s.eligible.length) };
    });
  }

  const drawn: InspectionPlan['drawn'] = [];
  for (const { key, eligible: candidates, count } of sized) {
    for (const r of weightedSample(candidates, count, seed))
      drawn.push({ retailerId: r.id, stratum: key, weight: r.weight });
  }

  return {
    type: 'beatplan.inspection-plan',
    algorithm: { ...SAMPLE_ALGORITHM },
    seed,
    spec,
    fingerprint,
    population: { total: rows.length, excluded: rows.filter((r) => r.excluded).length, eligible: totalEligible },
    strata: sized.map((s) => ({
      key: s.key,
      population: s.all,
      eligible: s.eligible.length,
      requested: s.requested,
      drawn: s.count,
    })),
    drawn,
    adjustments: [],
    retailerIds: drawn.map((d) => d.retailerId),
  };
}
