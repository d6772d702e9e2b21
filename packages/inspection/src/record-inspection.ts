import {
  BeatplanError,
  checklistIssues,
  DEFAULT_CHECKLIST,
  InspectionChecklistSchema,
  InspectionRecordSchema,
  parseOrThrow,
  type InspectionChecklistInput,
  type InspectionRecord,
  type InspectionRecordInput,
  issueReason,
} from '@beatplan/core';
import { verifyVisit, type VerifyPolicyInput, type VerifyRetailerInput, type VisitVerdict } from '@beatplan/geofence';

/** What {@link recordInspection} returns. */
export interface RecordedInspection {
  /** The validated record (times in epoch ms). */
  record: InspectionRecord;
  /**
   * The geofence verdict on the inspector's fix: was the inspector at the retailer. `visitId` is the
   * record's id; `dwellS` is 0 (one fix). `null` for a telephone check (it has no fix).
   */
  fixVerdict: VisitVerdict | null;
  /** Seconds from the fix to the record's `at` (negative: the fix was taken after the record); `null` by phone. */
  fixAgeS: number | null;
}

/**
 * Builds and validates what an inspector recorded on site (the checklist's answers: by default the four
 * seed items — prices tagged, policy material displayed, satisfaction 1–5, whether the manager's visits
 * happened by the retailer's account — and notes) and
 * verifies the inspector's own position fix against the retailer's place with
 * `@beatplan/geofence`'s `verifyVisit`, exactly like a manager's visit: the fix is both the start
 * and the end of a zero-length visit, checked with the given policy but `minDwellS: 0` (one fix
 * has no dwell). So an inspection recorded away from the shop is `rejected`, one with a coarse or
 * mocked fix `unverifiable`.
 *
 * @param input - an `InspectionRecord` as core's `InspectionRecordSchema` accepts it.
 * @param retailer - the inspected retailer (a core `Retailer`, or `{ id, location }`).
 * A telephone check (`channel: 'phone'`) has no fix: `fixVerdict` and `fixAgeS` are `null`. The record
 * is checked against the checklist in force (`checklist`, `InspectionChecklistSchema`; default the four
 * seed items, `DEFAULT_CHECKLIST`): it carries each seed item the checklist asks and no other, and its
 * `answers` answer the checklist's own items (every required one, each of its type and range); `answers`
 * without a checklist are an error.
 *
 * @param options - `policy`: the geofence policy (default: geofence's defaults); `checklist`.
 * @returns `{ record, fixVerdict, fixAgeS }`.
 * @throws {BeatplanError} `INVALID_INPUT` listing every problem of the record (paths `record…`: an on-site
 *   record without a fix, a phone record with one, a seed item the checklist asks missing or one it does
 *   not ask given, answers that do not fit the checklist) or the
 *   retailer/policy/checklist; `UNKNOWN_REFERENCE` when `record.retailerId` is not the retailer's id.
 * @example
 * const { record, fixVerdict } = recordInspection({
 *   id: 'I1', retailerId: 'R1', inspectorId: 'X1', at: '2025-03-05T10:00:00+08:00',
 *   fix: { lng: 116.404, lat: 39.915, accuracyM: 6, source: 'gnss', at: '2025-03-05T09:59:30+08:00' },
 *   pricesTagged: true, policyMaterialDisplayed: false, satisfaction: 4, managerVisitConfirmed: 'yes',
 * }, { id: 'R1', location: { lng: 116.404, lat: 39.915 } });
 * fixVerdict?.status; // 'verified'
 */
export function recordInspection(
  input: InspectionRecordInput,
  retailer: VerifyRetailerInput,
  options: { policy?: VerifyPolicyInput; checklist?: InspectionChecklistInput } = {},
): RecordedInspection {
  const record = parseOrThrow(InspectionRecordSchema, input, ['record']);
  const checklist =
    options.checklist === undefined
      ? DEFAULT_CHECKLIST
      : parseOrThrow(InspectionChecklistSchema, options.checklist, ['checklist']);
  let issues = checklistIssues(record, checklist, ['record']);
  // answers without a checklist: one issue saying so, not one per answer
  if (options.checklist === undefined && record.answers?.length)
    issues = [
      ...issues.filter((i) => i.path[1] !== 'answers'),
      { path: ['record', 'answers'], ...issueReason('inspection.answers_need_checklist') },
    ];
  if (issues.length) throw new BeatplanError('INVALID_INPUT', issues);
  const retailerId = (retailer as { id?: unknown } | null)?.id;
  if (typeof retailerId === 'string' && retailerId !== record.retailerId) {
    throw new BeatplanError('UNKNOWN_REFERENCE', [
      {
        path: ['record', 'retailerId'],
        ...issueReason('inspection.other_retailer', { id: JSON.stringify(retailerId) }),
        value: record.retailerId,
      },
    ]);
  }
  const fix = record.fix;
  if (record.channel === 'phone' || fix === undefined) return { record, fixVerdict: null, fixAgeS: null };
  const fixVerdict = verifyVisit(
    retailer,
    { id: record.id, managerId: record.inspectorId, retailerId: record.retailerId, start: fix, end: fix },
    { ...options.policy, minDwellS: 0, maxDwellS: 86_400 },
  );
  return { record, fixVerdict, fixAgeS: (record.at - fix.at) / 1000 };
}
