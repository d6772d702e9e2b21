export {
  drawSample,
  type DrawInputsOption,
  type DrawSampleOptions,
  type InspectionHistoryEntry,
} from './draw-sample.js';
export { redrawSample } from './redraw-sample.js';
export { adjustSample, type AdjustSampleInput } from './adjust-sample.js';
export {
  SampleSpecSchema,
  STRATUM_FIELDS,
  type SampleSpec,
  type SampleSpecInput,
  type StratumField,
} from './sample-spec.js';
export {
  applyAdjustments,
  InspectionPlanSchema,
  SAMPLE_ALGORITHM,
  SampleAdjustmentSchema,
  type InspectionPlan,
  type SampleAdjustment,
} from './inspection-plan.js';
export {
  routeInspection,
  type InspectionDay,
  type InspectionProgress,
  type InspectionRoute,
  type InspectionStop,
  type RouteInspectionOptions,
} from './route-inspection.js';
export { recordInspection, type RecordedInspection } from './record-inspection.js';
export {
  crossCheck,
  type AgreementCounts,
  type CheckedVisit,
  type Contradiction,
  type ContradictionCode,
  type CrossCheckInput,
  type CrossCheckOutcome,
  type CrossCheckReport,
  type ManagerAgreement,
  type RecordCheck,
} from './cross-check.js';
export { verificationRates } from './verification-rates.js';
// The checklist lives in core (the reports read it too); re-exported here, where inspections are recorded.
export {
  ANSWER_TYPES,
  checkAnswers,
  checklistIssues,
  DEFAULT_CHECKLIST,
  InspectionChecklistSchema,
  isSeedItemId,
  SEED_ITEMS,
  type ChecklistItem,
  type InspectionChecklist,
  type InspectionChecklistInput,
  type SeedItem,
  type SeedItemId,
} from '@beatplan/core';
