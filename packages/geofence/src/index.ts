export {
  FLAG_CODES,
  REASON_CODES,
  REASON_EFFECT,
  VISIT_STATUSES,
  type FlagCode,
  type ReasonCode,
  type VisitStatus,
} from './verify-codes.js';
export {
  DEFAULT_VERIFY_POLICY,
  VerifyPolicySchema,
  type VerifyPolicy,
  type VerifyPolicyInput,
} from './verify-policy.js';
export { VerifyRetailerSchema, type VerifyRetailer, type VerifyRetailerInput } from './verify-retailer.js';
export { PlannedDaySchema, type PlannedDay } from './planned-day.js';
export type {
  DaySummary,
  LenientVerificationResult,
  RejectedRecord,
  VerificationResult,
  VerificationSummary,
  VisitCounts,
  VisitVerdict,
} from './verification-result.js';
export { verifyVisit } from './verify-visit.js';
export { verifyDay, type VerifyDayOptions } from './verify-day.js';
export { compileRetailers, type RetailerFence, type RetailerIndex } from './compile-retailers.js';
export { verifyParsed, type VerifyOptions } from './verify-parsed.js';
export {
  CRS_CODES,
  FIX_SOURCE_CODES,
  flagCodes,
  reasonCodes,
  verdictAt,
  verifyColumns,
  visitsToColumns,
  type ColumnarVerificationResult,
  type FixColumns,
  type VerdictColumns,
  type VisitColumns,
} from './verify-columns.js';
export { releaseVerificationMemory, setVerificationMemoryLimit } from './release-verification-memory.js';
