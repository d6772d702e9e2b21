import type { Visit } from '@beatplan/core';
import type { PlannedDay } from '../planned-day.js';
import type { VerificationResult, VisitVerdict } from '../verification-result.js';
import { flagList, reasonList, statusOf } from './code-masks.js';
import { createEvidence } from './evidence.js';
import { findRepeatedCoordinates } from './find-repeated-coordinates.js';
import { flagDay } from './flag-day.js';
import { groupDays } from './group-days.js';
import { judgeVisit } from './judge-visit.js';
import type { RetailerIndex } from './retailer-index.js';
import { summarizeDays } from './summarize-days.js';

/**
 * The verification pipeline on trusted input (parsed visits, known references): judge each visit,
 * add the batch and day flags, summarise, and write the verdicts in input order.
 */
export function assessBatch(index: RetailerIndex, visits: readonly Visit[], fenceOf: Int32Array, planned: readonly PlannedDay[]): VerificationResult {
  const policy = index.policy;
  const n = visits.length;
  const ev = createEvidence(n);
  ev.fence.set(fenceOf);
  for (let i = 0; i < n; i++) judgeVisit(ev, i, visits[i]!, index.fences[fenceOf[i]!]!, policy);
  findRepeatedCoordinates(ev);
  const groups = groupDays(visits, ev.fixAt, policy.utcOffsetMinutes * 60_000);
  for (const g of groups) flagDay(g, ev, policy);
  const verdicts: VisitVerdict[] = [];
  for (let i = 0; i < n; i++) {
    const ds = ev.distanceStart[i]!;
    const de = ev.distanceEnd[i]!;
    verdicts.push({
      visitId: visits[i]!.id,
      status: statusOf(ev.reasons[i]!),
      reasons: reasonList(ev.reasons[i]!),
      distanceM: { start: ds === ds ? ds : null, end: de === de ? de : null },
      dwellS: ev.dwellS[i]!,
      confidence: ev.confidence[i]!,
      flags: flagList(ev.flags[i]!),
    });
  }
  return { verdicts, summary: summarizeDays(groups, visits, ev, planned, index) };
}
