export {
  BEATPLAN_ERROR_CODES,
  BeatplanError,
  isBeatplanError,
  ISSUES_IN_MESSAGE,
  MAX_ISSUES,
  toBeatplanError,
  type BeatplanErrorCode,
  type BeatplanErrorLike,
  type BeatplanErrorOptions,
  type BeatplanIssue,
  type IssueReason,
  type IssueReasonKey,
  type KeyedReason,
  type ReasonParam,
  type SchemaReason,
} from './beatplan-error.js';
export {
  customReason,
  issueReason,
  reasonWithData,
  type ReasonedMessage,
  type ReasonKey,
  type ReasonWithData,
} from './issue-reason.js';
export {
  describeErrorCode,
  formatErrorMessage,
  formatIssue,
  formatReason,
  type LocaleOptions,
} from './format-issue.js';
export { DEFAULT_LOCALE, LOCALES, LocaleSchema, type Locale } from './schemas/locale.js';
export {
  createTranslator,
  defineCatalogues,
  type DateFormatOptions,
  type Message,
  type MessageCatalogue,
  type MessageCatalogues,
  type MessageParams,
  type TextFormat,
  type Translation,
  type Translator,
} from './create-translator.js';
export { IssueList } from './issue-list.js';
export { fromZodError, parseOrThrow, tryParse, type TryParseResult } from './parse-or-throw.js';

export { CRS_VALUES, CrsSchema, WGS84_ALIASES, type Crs } from './schemas/crs.js';
export { CoordinatesSchema, LatSchema, LngSchema, type Coordinates } from './schemas/coordinates.js';
export {
  MAX_TIMESTAMP_MS,
  MIN_TIMESTAMP_MS,
  TimestampSchema,
  type Timestamp,
  type TimestampInput,
} from './schemas/timestamp.js';
export {
  FixSourceSchema,
  PositionFixSchema,
  type FixSource,
  type PositionFix,
  type PositionFixInput,
} from './schemas/position-fix.js';
export {
  PolygonGeometrySchema,
  PositionSchema,
  type PolygonGeometry,
  type Position,
} from './schemas/polygon-geometry.js';

export {
  bd09ToGcj02,
  bd09ToWgs84,
  convertCoordinates,
  convertLngLat,
  gcj02ToBd09,
  gcj02ToWgs84,
  isOutsideChina,
  toWgs84,
  wgs84ToBd09,
  wgs84ToGcj02,
} from './convert-crs.js';
export { convertGeometryCrs, type ConvertibleGeometry } from './convert-geometry-crs.js';
export { EARTH_RADIUS_M, distanceM, haversineCosM, haversineM } from './distance-m.js';
export { locationOutsideGeofenceM } from './location-outside-geofence-m.js';
export { DEFAULT_ACCURACY_CONFIDENCE, convertAccuracy, normalizeAccuracy } from './normalize-accuracy.js';

export { IdSchema, type Id } from './schemas/id.js';
export {
  TimeIntervalSchema,
  WEEKDAYS,
  WeeklyHoursSchema,
  type TimeInterval,
  type Weekday,
  type WeeklyHours,
} from './schemas/weekly-hours.js';
export {
  MAX_ATTRIBUTES,
  MAX_LOCATION_OUTSIDE_GEOFENCE_M,
  RetailerClassSchema,
  RetailerSchema,
  SegmentSchema,
  VISITS_PER_FOUR_WEEKS,
  VisitFrequencySchema,
  type Retailer,
  type RetailerClass,
  type RetailerInput,
  type Segment,
  type VisitFrequency,
} from './schemas/retailer.js';
export { CustomerManagerSchema, type CustomerManager } from './schemas/customer-manager.js';
export { VisitSchema, type Visit, type VisitInput } from './schemas/visit.js';
export {
  LocalDateSchema,
  PlannedStopSchema,
  VisitPlanSchema,
  type PlannedStop,
  type VisitPlan,
  type VisitPlanInput,
} from './schemas/visit-plan.js';
export { TerritorySchema, type Territory } from './schemas/territory.js';
export {
  ChecklistAnswerSchema,
  InspectionChannelSchema,
  InspectionRecordSchema,
  type ChecklistAnswer,
  type InspectionChannel,
  VisitConfirmationSchema,
  type InspectionRecord,
  type InspectionRecordInput,
  type VisitConfirmation,
} from './schemas/inspection-record.js';
export {
  ANSWER_TYPES,
  DEFAULT_CHECKLIST,
  InspectionChecklistSchema,
  isSeedItemId,
  SEED_ITEMS,
  type ChecklistItem,
  type InspectionChecklist,
  type InspectionChecklistInput,
  type SeedItem,
  type SeedItemId,
} from './schemas/inspection-checklist.js';
export { checkAnswers, checklistIssues } from './check-answers.js';

export { formatOpeningHours, parseOpeningHours } from './opening-hours.js';
export { DEFAULT_UTC_OFFSET_MINUTES, UtcOffsetMinutesSchema } from './schemas/utc-offset.js';
export {
  addDays,
  dateOfDayNumber,
  datesOfPeriod,
  dayNumberOf,
  formatLocalDateTime,
  instantOf,
  localDateOf,
  localDayNumberOf,
  localSecondsOf,
  secondsOfTime,
  weekdayOf,
} from './local-calendar.js';
export {
  hoursOnDay,
  openingWindows,
  type HoursOnDayOptions,
  type OpeningWindowsOptions,
} from './opening-windows.js';
export {
  ATTRIBUTE_COLUMN_PREFIX,
  RETAILER_CSV_COLUMNS,
  importRetailersCsv,
  type ImportRetailersCsvOptions,
  type RetailerCsvColumn,
} from './import-retailers-csv.js';
export { TEXT_ENCODINGS, type TextEncodingName } from './internal/decode-text-bytes.js';
export { importRetailersGeoJson, type ImportRetailersGeoJsonOptions } from './import-retailers-geojson.js';
export { retailersToGeoJson, type RetailerFeature, type RetailerFeatureCollection } from './retailers-to-geojson.js';
export { retailersToCsv, type RetailersToCsvOptions } from './retailers-to-csv.js';
export { guardCsvFormula, unguardCsvFormula } from './csv-formula-guard.js';
export { seededRandom } from './internal/shared/seeded-random.js';
export { yieldToEventLoop } from './internal/shared/yield-to-event-loop.js';
export { wasmBlockedError } from './wasm-blocked-error.js';
export { measureSpread, type Spread } from './measure-spread.js';
export { getKnown } from './get-known.js';
export type { DroppedRetailer } from './dropped-retailer.js';
export { dropUnreachable, type UnreachableDrop } from './drop-unreachable.js';
export { dataRecord, dataRecordSchema } from './data-record.js';
export {
  MAX_TRAVEL_MATRIX_POINTS,
  assertTravelMatrixSize,
  SyncTravelCostsSchema,
  TravelCostsSchema,
  type SyncTravelCosts,
  type TravelCostMatrix,
  type TravelCosts,
  type TravelMatrixOptions,
  type UnreachablePair,
} from './travel-costs.js';
export {
  COST_SOURCE_KINDS,
  costSourceOf,
  type CostSource,
  type CostSourceKind,
} from './cost-source.js';
export {
  STRAIGHT_LINE_SOURCE,
  StraightLineOptionsSchema,
  straightLineCosts,
  type StraightLineOptions,
} from './straight-line-costs.js';
export {
  RetryPolicySchema,
  abortedError,
  backoffDelayMs,
  throwIfAborted,
  sleepMs,
  withRetries,
  type AttemptVerdict,
  type RetryEvent,
  type RetryPolicy,
  type RetryPolicyInput,
  type WithRetriesOptions,
} from './with-retries.js';
export {
  HttpClientOptionsSchema,
  checkHttpStatus,
  createHttpClient,
  type HttpCallOptions,
  type HttpClient,
  type HttpClientOptions,
  type HttpFailure,
  type HttpRequest,
  type HttpResponse,
} from './http-client.js';
