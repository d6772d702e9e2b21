import {
  BeatplanError,
  checklistIssues,
  parseOrThrow,
  type BeatplanIssue,
  type InspectionChecklistInput,
  type InspectionRecordInput,
  type InspectionChannel,
  type TimestampInput,
  type VisitConfirmation,
  type VisitInput,
  issueReason,
} from '@beatplan/core';
import type { VisitStatus, VisitVerdict } from '@beatplan/geofence';
import { CrossCheckInputSchema } from './internal/cross-check-input.js';
import { summarizeByManager, type AgreementCounts, type ManagerAgreement } from './internal/agreement-counts.js';

/** Input of {@link crossCheck}. */
export interface CrossCheckInput {
  /** The period of the manager's visits that the inspection covers, `[from, to)`. */
  period: { from: TimestampInput; to: TimestampInput };
  /** The inspection records (one per inspected retailer and inspection). */
  records: readonly InspectionRecordInput[];
  /** The managers' visits (any; only those in the period at inspected retailers are read). */
  visits: readonly VisitInput[];
  /** Geofence verdicts; every read visit needs one (matched by `visitId`). */
  verdicts: readonly Pick<VisitVerdict, 'visitId' | 'status'>[];
  /** Optional: who manages each retailer (attributes a record to a manager even with no visit). */
  retailers?: readonly { id: string; managerId?: string }[];
  /** Optional: verdicts on the inspectors' own fixes (`visitId` = record id, see `recordInspection`). */
  recordVerdicts?: readonly Pick<VisitVerdict, 'visitId' | 'status'>[];
  /**
   * The checklist the records were made under (default: the four seed items, `DEFAULT_CHECKLIST`); every
   * record must fit it (`checklistIssues`). Without `managerVisitConfirmed` the retailer's word is not
   * asked: no record can agree or contradict, see {@link crossCheck}.
   */
  checklist?: InspectionChecklistInput;
}

/**
 * The outcome of one record: `agree_visited` (confirmed, a verified visit), `agree_not_visited`
 * (denied, no verified visit), `denied_verified`, `confirmed_unverified`, `confirmed_absent` (the
 * three contradictions), `unsure` (the retailer could not say), `inspection_unverified` (the
 * inspector's own fix was not verified: the record is not used), `not_asked` (the checklist in force
 * does not ask `managerVisitConfirmed`: the retailer's word is not there to compare).
 */
export type CrossCheckOutcome =
  | 'agree_visited'
  | 'agree_not_visited'
  | 'denied_verified'
  | 'confirmed_unverified'
  | 'confirmed_absent'
  | 'unsure'
  | 'inspection_unverified'
  | 'not_asked';

/** Contradiction codes, see {@link crossCheck}. */
export type ContradictionCode = 'VERIFIED_VISIT_DENIED' | 'CONFIRMED_VISIT_NOT_VERIFIED' | 'CONFIRMED_VISIT_ABSENT';

/** One visit read for a record. */
export interface CheckedVisit {
  visitId: string;
  managerId: string;
  status: VisitStatus;
}

/** The comparison for one record. */
export interface RecordCheck {
  recordId: string;
  retailerId: string;
  /** The manager the record is attributed to (the retailer's, else the one with most visits), or null. */
  managerId: string | null;
  /** The retailer's `managerVisitConfirmed`; null when the checklist in force does not ask it. */
  answer: VisitConfirmation | null;
  /** How the inspection was made: on site, or by telephone (counted apart, see {@link CrossCheckReport}). */
  channel: InspectionChannel;
  outcome: CrossCheckOutcome;
  /** The visits at the retailer in the period, by start time. */
  visits: CheckedVisit[];
  /** The status of the inspector's fix, when `recordVerdicts` were given. */
  inspectionFix: VisitStatus | null;
}

/** A contradiction between the retailer's answer and the verified visits. */
export interface Contradiction {
  code: ContradictionCode;
  recordId: string;
  retailerId: string;
  managerId: string | null;
  /** The channel of the record that found it (a telephone answer weighs less than one on site). */
  channel: InspectionChannel;
  /** The visits concerned (the denied verified visits, or the unverified ones; none when absent). */
  visitIds: string[];
  message: string;
}

/** The result of {@link crossCheck}. */
export interface CrossCheckReport {
  period: { from: number; to: number };
  records: RecordCheck[];
  contradictions: Contradiction[];
  /** Counts of the on-site records per manager. */
  byManager: ManagerAgreement[];
  /** Counts of the on-site records. */
  totals: AgreementCounts;
  /** The telephone checks, counted apart: per manager and in total. */
  phone: { byManager: ManagerAgreement[]; totals: AgreementCounts };
}

export type { AgreementCounts, ManagerAgreement };

const CODE_OF: Partial<Record<CrossCheckOutcome, ContradictionCode>> = {
  denied_verified: 'VERIFIED_VISIT_DENIED',
  confirmed_unverified: 'CONFIRMED_VISIT_NOT_VERIFIED',
  confirmed_absent: 'CONFIRMED_VISIT_ABSENT',
};

function outcomeOf(
  answer: VisitConfirmation | undefined,
  visits: CheckedVisit[],
  fix: VisitStatus | null,
): CrossCheckOutcome {
  if (fix !== null && fix !== 'verified') return 'inspection_unverified';
  if (answer === undefined) return 'not_asked';
  if (answer === 'unsure') return 'unsure';
  const verified = visits.some((v) => v.status === 'verified');
  if (answer === 'yes') return verified ? 'agree_visited' : visits.length ? 'confirmed_unverified' : 'confirmed_absent';
  return verified ? 'denied_verified' : 'agree_not_visited';
}

/**
 * Cross-checks inspections against the managers' verified visits: the two-way confirmation of a
 * visit. For each record, the visits at its retailer whose start fix lies in the period are read
 * with their geofence verdicts, and the retailer's answer (`managerVisitConfirmed`) is compared:
 *
 * | answer | visits in the period | outcome |
 * | --- | --- | --- |
 * | yes | ≥ 1 verified | agree_visited |
 * | yes | some, none verified | **CONFIRMED_VISIT_NOT_VERIFIED** (visitIds: the unverified ones) |
 * | yes | none | **CONFIRMED_VISIT_ABSENT** |
 * | no | ≥ 1 verified | **VERIFIED_VISIT_DENIED** (visitIds: the verified ones) |
 * | no | none verified (rejected, unverifiable, incomplete or none) | agree_not_visited |
 * | unsure | any | unsure (counted, neither agreement nor contradiction) |
 *
 * An `incomplete` visit (a start fix, no end fix) is read as not verified: a retailer who confirms it
 * gives CONFIRMED_VISIT_NOT_VERIFIED listing it with its status, so a reviewer sees that the visit
 * happened and only its end fix is missing. Visits are read by their start fix, which every visit has.
 *
 * With `recordVerdicts`, an on-site record whose inspector fix is not `verified` is
 * `inspection_unverified` and counts for nothing else. A telephone check (`channel: 'phone'`) has no
 * fix: its outcome comes from the answer alone, and it is counted apart (`phone`), never in `totals`
 * or `byManager`; its contradictions are listed with `channel: 'phone'`. A record belongs to the retailer's manager (from `retailers`), else
 * to the manager with the most visits there in the period (ties: smallest id), else to none.
 * Agreement counts per manager: `agreement = agreements / (agreements + contradictions)` (null when 0).
 *
 * The records must fit the `checklist` (default the four seed items). When it does not ask
 * `managerVisitConfirmed` (a provincial checklist without it), the cross-check still decides what needs
 * no answer — `inspection_unverified` from the inspector's fix, and lists each record's visits with
 * their verdicts — and counts every other record `not_asked` (`answer` null): no agreement, no
 * contradiction, `agreement` null. The counts then carry `notAsked` (only then, so the output under the
 * default checklist is unchanged); telephone checks stay counted apart in `phone`.
 *
 * @param input - see {@link CrossCheckInput}.
 * @returns records (input order), contradictions (record order), per-manager counts (by id), totals.
 * @throws {BeatplanError} `INVALID_INPUT` listing every problem (bad record, visit or verdict, duplicate
 *   ids, a read visit without a verdict, a record without a fix verdict when `recordVerdicts` is given,
 *   a record that does not fit the checklist: paths `records[i].<item>` or `records[i].answers…`).
 * @example
 * // not run: `records`, `visits` and `verdicts` stand for the period's data
 * const report = crossCheck({ period: { from: '2025-03-01T00:00:00+08:00', to: '2025-03-08T00:00:00+08:00' }, records, visits, verdicts });
 * report.contradictions; // [{ code: 'VERIFIED_VISIT_DENIED', retailerId: 'R3', visitIds: ['V12'], … }]
 */
export function crossCheck(input: CrossCheckInput): CrossCheckReport {
  const x = parseOrThrow(CrossCheckInputSchema, input, []);
  const issues: BeatplanIssue[] = [];
  const dup = (list: { id: string }[], name: string) => {
    const seen = new Set<string>();
    list.forEach((v, i) => {
      if (seen.has(v.id)) issues.push({ path: [name, i, 'id'], value: v.id, ...issueReason('inspection.id_twice') });
      seen.add(v.id);
    });
  };
  dup(x.records, 'records');
  dup(x.visits, 'visits');
  x.records.forEach((r, i) => issues.push(...checklistIssues(r, x.checklist, ['records', i])));
  const asked = x.checklist.some((item) => item.id === 'managerVisitConfirmed');
  const statusOf = new Map(x.verdicts.map((v) => [v.visitId, v.status]));
  const fixStatusOf = x.recordVerdicts ? new Map(x.recordVerdicts.map((v) => [v.visitId, v.status])) : null;
  const managerOfRetailer = new Map(
    (x.retailers ?? []).flatMap((r) => (r.managerId ? [[r.id, r.managerId] as const] : [])),
  );
  const inspected = new Set(x.records.map((r) => r.retailerId));
  // each visit with its start (epoch ms), by retailer
  const visitsAt = new Map<string, { visit: CheckedVisit; at: number }[]>();
  x.visits.forEach((v, i) => {
    if (!inspected.has(v.retailerId) || v.start.at < x.period.from || v.start.at >= x.period.to) return;
    const status = statusOf.get(v.id);
    if (status === undefined) {
      issues.push({
        path: ['visits', i, 'id'],
        ...issueReason('inspection.no_verdict'),
        value: v.id,
      });
      return;
    }
    visitsAt.set(v.retailerId, [
      ...(visitsAt.get(v.retailerId) ?? []),
      { visit: { visitId: v.id, managerId: v.managerId, status }, at: v.start.at },
    ]);
  });
  x.records.forEach((r, i) => {
    if (fixStatusOf && r.channel === 'on_site' && !fixStatusOf.has(r.id))
      issues.push({
        path: ['records', i, 'id'],
        ...issueReason('inspection.record_no_fix_verdict'),
        value: r.id,
      });
  });
  if (issues.length) throw new BeatplanError('INVALID_INPUT', issues);

  const records: RecordCheck[] = [];
  const contradictions: Contradiction[] = [];
  for (const r of x.records) {
    const visits = [...(visitsAt.get(r.retailerId) ?? [])]
      .sort((a, b) => a.at - b.at || (a.visit.visitId < b.visit.visitId ? -1 : 1))
      .map(({ visit }) => visit);
    const managerId = managerOfRetailer.get(r.retailerId) ?? busiestManager(visits);
    const fix = r.channel === 'phone' ? null : (fixStatusOf?.get(r.id) ?? null);
    const outcome = outcomeOf(r.managerVisitConfirmed, visits, fix);
    records.push({
      recordId: r.id,
      retailerId: r.retailerId,
      managerId,
      answer: r.managerVisitConfirmed ?? null,
      channel: r.channel,
      outcome,
      visits,
      inspectionFix: fix,
    });
    const code = CODE_OF[outcome];
    if (code) {
      const visitIds = visits
        .filter((v) => (code === 'VERIFIED_VISIT_DENIED' ? v.status === 'verified' : v.status !== 'verified'))
        .map((v) => v.visitId);
      const message =
        code === 'VERIFIED_VISIT_DENIED'
          ? `retailer ${r.retailerId} says the manager did not visit, but ${visitIds.length} verified visit(s) claim he did: ${visitIds.join(', ')}`
          : code === 'CONFIRMED_VISIT_NOT_VERIFIED'
            ? `retailer ${r.retailerId} confirms the manager's visit, but none of its ${visitIds.length} visit(s) in the period was verified: ${visits.map((v) => `${v.visitId} ${v.status}`).join(', ')}`
            : `retailer ${r.retailerId} confirms the manager's visit, but no visit was reported in the period`;
      const channel = r.channel;
      contradictions.push({ code, recordId: r.id, retailerId: r.retailerId, managerId, channel, visitIds, message });
    }
  }
  const { byManager, totals } = summarizeByManager(
    records.filter((r) => r.channel === 'on_site'),
    asked,
  );
  const phone = summarizeByManager(
    records.filter((r) => r.channel === 'phone'),
    asked,
  );
  return { period: { from: x.period.from, to: x.period.to }, records, contradictions, byManager, totals, phone };
}

function busiestManager(visits: CheckedVisit[]): string | null {
  const n = new Map<string, number>();
  for (const v of visits) n.set(v.managerId, (n.get(v.managerId) ?? 0) + 1);
  let best: { m: string; k: number } | null = null;
  for (const [m, k] of n) if (best === null || k > best.k || (k === best.k && m < best.m)) best = { m, k };
  return best === null ? null : best.m;
}
