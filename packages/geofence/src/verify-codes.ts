/**
 * Why a visit is not `verified`: a closed set, listed in canonical order (a verdict lists its reasons
 * in this order; new codes are appended, so a code's bit in `VerdictColumns.reasons` never moves).
 * Each code rejects the visit (the evidence shows the policy was not met), makes it unverifiable
 * (the evidence cannot decide) or incomplete (the visit lacks its end fix):
 *
 * | code | effect | meaning |
 * | --- | --- | --- |
 * | `OUT_OF_RANGE` | rejected | a fix lies more than 5 standard errors outside the fence |
 * | `TOO_SHORT` | rejected | dwell (end − start) below `minDwellS` |
 * | `TOO_LONG` | rejected | dwell above `maxDwellS` (an *end visit* pressed hours later) |
 * | `NO_RETAILER_LOCATION` | unverifiable | the retailer has neither a location nor a geofence |
 * | `END_BEFORE_START` | unverifiable | the end fix is earlier than the start fix by more than `clockSkewToleranceS` |
 * | `MOCK_LOCATION` | unverifiable | a fix says the device mocked its location (unless `acceptMockLocations`) |
 * | `ACCURACY_TOO_COARSE` | unverifiable | undecided for lack of precision: a fix's 95 % radius exceeds its source's `maxAccuracyM` (e.g. an 800 m cell fix), or the fixes are too coarse to prove a visit anywhere in the fence at the policy's `strictness` |
 * | `AMBIGUOUS_POSITION` | unverifiable | the fixes prove neither that the manager was inside nor that he was outside |
 * | `NO_END_FIX` | incomplete | the visit has a start fix and no end fix: judged on its start evidence only |
 */
export const REASON_CODES = [
  'OUT_OF_RANGE',
  'TOO_SHORT',
  'TOO_LONG',
  'NO_RETAILER_LOCATION',
  'END_BEFORE_START',
  'MOCK_LOCATION',
  'ACCURACY_TOO_COARSE',
  'AMBIGUOUS_POSITION',
  'NO_END_FIX',
] as const;

/** A reason code, see {@link REASON_CODES}. */
export type ReasonCode = (typeof REASON_CODES)[number];

/**
 * The status each reason leads to. A verdict is `rejected` when any of its reasons rejects (a start
 * fix 5 σ outside the fence rejects a visit even without its end fix), else `incomplete` when it has
 * `NO_END_FIX`, else `unverifiable` when it has reasons, else `verified`.
 */
export const REASON_EFFECT: Readonly<Record<ReasonCode, 'rejected' | 'unverifiable' | 'incomplete'>> = Object.freeze({
  OUT_OF_RANGE: 'rejected',
  TOO_SHORT: 'rejected',
  TOO_LONG: 'rejected',
  NO_RETAILER_LOCATION: 'unverifiable',
  END_BEFORE_START: 'unverifiable',
  MOCK_LOCATION: 'unverifiable',
  ACCURACY_TOO_COARSE: 'unverifiable',
  AMBIGUOUS_POSITION: 'unverifiable',
  NO_END_FIX: 'incomplete',
});

/**
 * Signals for human review (spoofing, fraud, broken devices): a closed set, in canonical order.
 * Flags never change a verdict's status by themselves; where a signal also decides the status it is
 * a reason too (`MOCK_LOCATION`, `END_BEFORE_START`).
 *
 * | code | raised by | meaning |
 * | --- | --- | --- |
 * | `MOCK_LOCATION` | one visit | a fix carries `mock: true` |
 * | `IMPOSSIBLE_SPEED` | a manager's day | two consecutive fixes are farther apart, beyond both 95 % radii, than `maxSpeedKmh` allows |
 * | `REPEATED_COORDINATES` | the batch | a GNSS fix has exactly the same coordinates as a GNSS fix at a different retailer |
 * | `CONSTANT_ACCURACY` | a manager's day | ≥ `minConstantAccuracyFixes` GNSS fixes of the day all report the same accuracy |
 * | `END_BEFORE_START` | one visit | the end fix is earlier than the start fix by more than `clockSkewToleranceS` |
 * | `CLOCK_SKEW` | one visit | the end fix is earlier than the start fix, within `clockSkewToleranceS` |
 * | `OVERLAPPING_VISITS` | a manager's day | the visit overlaps another visit of the same manager by more than `clockSkewToleranceS` |
 */
export const FLAG_CODES = [
  'MOCK_LOCATION',
  'IMPOSSIBLE_SPEED',
  'REPEATED_COORDINATES',
  'CONSTANT_ACCURACY',
  'END_BEFORE_START',
  'CLOCK_SKEW',
  'OVERLAPPING_VISITS',
] as const;

/** A flag code, see {@link FLAG_CODES}. */
export type FlagCode = (typeof FLAG_CODES)[number];

/** The statuses of a verdict, see `VisitVerdict` (code k in `VerdictColumns.status` is `VISIT_STATUSES[k]`). */
export const VISIT_STATUSES = ['verified', 'rejected', 'unverifiable', 'incomplete'] as const;

/** A verdict status: `verified`, `rejected`, `unverifiable` or `incomplete`. */
export type VisitStatus = (typeof VISIT_STATUSES)[number];
