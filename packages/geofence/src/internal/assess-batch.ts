import type { Visit } from '@beatplan/core';
import type { VerificationResult, VerificationSummary, VisitVerdict } from '../verification-result.js';
import type { ResolvedPlan } from './check-references.js';
import { flagList, reasonList, statusOf } from './code-masks.js';
import { beginScratch } from './scratch.js';
import { createEvidence, FIX_SOURCES, type BatchKeys, type Evidence } from './evidence.js';
import { fillFromVisits } from './fill-evidence.js';
import { findRepeatedCoordinates } from './find-repeated-coordinates.js';
import { flagDay } from './flag-day.js';
import { groupDays } from './group-days.js';
import { failEvidence } from './evidence-bug.js';
import { fenceOfVisit, fixProbabilities, judgeFixes, judgeVisit } from './judge-visit.js';
import type { RetailerIndex } from './retailer-index.js';
import { summarizeDays } from './summarize-days.js';

/**
 * The verification pipeline on filled evidence (trusted: parsed, references known): judge each
 * visit, add the batch and day flags, and summarise. Verdicts are left in `ev`.
 */
export function judgeBatch(
  index: RetailerIndex,
  ev: Evidence,
  keys: BatchKeys,
  plans: readonly ResolvedPlan[],
): VerificationSummary {
  const { policy, fences } = index;
  judgeFixes(ev, fences, policy);
  fixProbabilities(ev, fences, policy);
  for (let i = 0; i < ev.n; i++) judgeVisit(ev, i, fenceOfVisit(ev, fences, i), policy);
  findRepeatedCoordinates(ev);
  const groups = groupDays(keys, ev.fixAt, policy.utcOffsetMinutes);
  for (const g of groups) flagDay(g, ev, policy);
  return summarizeDays(groups, ev, plans, index);
}

/** `precision` of a verdict by its code in `Evidence.precision` (0: none, 1 + source code). */
const PRECISIONS = [null, ...FIX_SOURCES] as const;

/** The verdict objects of judged evidence, in visit order. */
export function verdictObjects(ev: Evidence, ids: readonly string[]): VisitVerdict[] {
  const verdicts: VisitVerdict[] = new Array(ev.n);
  let i = 0;
  for (const id of ids) {
    verdicts[i] = verdictObject(ev, i, id);
    i++;
  }
  return verdicts;
}

/** The verdict object of visit `i`. */
export function verdictObject(
  ev: Pick<Evidence, 'reasons' | 'flags' | 'distanceStart' | 'distanceEnd' | 'dwellS' | 'confidence' | 'precision'>,
  i: number,
  visitId: string,
): VisitVerdict {
  const ds = ev.distanceStart[i] ?? failEvidence('distanceStart', i);
  const de = ev.distanceEnd[i] ?? failEvidence('distanceEnd', i);
  const reasons = ev.reasons[i] ?? failEvidence('reasons', i);
  const dwellS = ev.dwellS[i] ?? failEvidence('dwellS', i);
  return {
    visitId,
    status: statusOf(reasons),
    reasons: reasonList(reasons),
    distanceM: { start: Number.isNaN(ds) ? null : ds, end: Number.isNaN(de) ? null : de },
    dwellS: Number.isNaN(dwellS) ? null : dwellS,
    confidence: ev.confidence[i] ?? failEvidence('confidence', i),
    flags: flagList(ev.flags[i] ?? failEvidence('flags', i)),
    precision: PRECISIONS[ev.precision[i] ?? failEvidence('precision', i)] ?? null,
  };
}

/** The object path: parsed visits in, verdict objects out (`verifyDay`, `verifyParsed`, `verifyVisit`). */
export function assessBatch(
  index: RetailerIndex,
  visits: readonly Visit[],
  fenceOf: Int32Array,
  plans: readonly ResolvedPlan[],
): VerificationResult {
  beginScratch();
  const ev = createEvidence(visits.length);
  const keys = fillFromVisits(ev, visits, fenceOf);
  const summary = judgeBatch(index, ev, keys, plans);
  return { verdicts: verdictObjects(ev, keys.ids), summary };
}
