import {
  BeatplanError,
  InspectionRecordSchema,
  parseOrThrow,
  type InspectionRecord,
  type InspectionRecordInput,
} from '@beatplan/core';
import { verifyVisit, type VerifyPolicyInput, type VerifyRetailerInput, type VisitVerdict } from '@beatplan/geofence';

/** What {@link recordInspection} returns. */
export interface RecordedInspection {
  /** The validated record (times in epoch ms). */
  record: InspectionRecord;
  /**
   * The geofence verdict on the inspector's fix: was the inspector at the retailer. `visitId` is the
   * record's id; `dwellS` is 0 (one fix).
   */
  fixVerdict: VisitVerdict;
  /** Seconds from the fix to the record's `at` (negative: the fix was taken after the record). */
  fixAgeS: number;
}

/**
 * Builds and validates what an inspector recorded on site (prices tagged, policy material displayed,
 * satisfaction 1–5, whether the manager's visits happened by the retailer's account, notes) and
 * verifies the inspector's own position fix against the retailer's place with
 * `@beatplan/geofence`'s `verifyVisit`, exactly like a manager's visit: the fix is both the start
 * and the end of a zero-length visit, checked with the given policy but `minDwellS: 0` (one fix
 * has no dwell). So an inspection recorded away from the shop is `rejected`, one with a coarse or
 * mocked fix `unverifiable`.
 *
 * @param input - an `InspectionRecord` as core's `InspectionRecordSchema` accepts it.
 * @param retailer - the inspected retailer (a core `Retailer`, or `{ id, location }`).
 * @param options - `policy`: the geofence policy (default: geofence's defaults).
 * @returns `{ record, fixVerdict, fixAgeS }`.
 * @throws {BeatplanError} `INVALID_INPUT` listing every problem of the record (paths `record…`) or the
 *   retailer/policy; `UNKNOWN_REFERENCE` when `record.retailerId` is not the retailer's id.
 * @example
 * const { record, fixVerdict } = recordInspection({
 *   id: 'I1', retailerId: 'R1', inspectorId: 'X1', at: '2025-03-05T10:00:00+08:00',
 *   fix: { lng: 116.404, lat: 39.915, accuracyM: 6, source: 'gnss', at: '2025-03-05T09:59:30+08:00' },
 *   pricesTagged: true, policyMaterialDisplayed: false, satisfaction: 4, managerVisitConfirmed: 'yes',
 * }, { id: 'R1', location: { lng: 116.404, lat: 39.915 } });
 * fixVerdict.status; // 'verified'
 */
export function recordInspection(
  input: InspectionRecordInput,
  retailer: VerifyRetailerInput,
  options: { policy?: VerifyPolicyInput } = {},
): RecordedInspection {
  const record = parseOrThrow(InspectionRecordSchema, input, ['record']);
  const retailerId = (retailer as { id?: unknown } | null)?.id;
  if (typeof retailerId === 'string' && retailerId !== record.retailerId) {
    throw new BeatplanError('UNKNOWN_REFERENCE', [
      {
        path: ['record', 'retailerId'],
        message: `the record is for another retailer than the one given (${JSON.stringify(retailerId)})`,
        value: record.retailerId,
      },
    ]);
  }
  const fixVerdict = verifyVisit(
    retailer,
    { id: record.id, managerId: record.inspectorId, retailerId: record.retailerId, start: record.fix, end: record.fix },
    { ...options.policy, minDwellS: 0, maxDwellS: 86_400 },
  );
  return { record, fixVerdict, fixAgeS: (record.at - record.fix.at) / 1000 };
}
