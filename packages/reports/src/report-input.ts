import {
  COST_SOURCE_KINDS,
  UtcOffsetMinutesSchema,
  CustomerManagerSchema,
  customReason,
  DEFAULT_CHECKLIST,
  IdSchema,
  InspectionChecklistSchema,
  InspectionRecordSchema,
  LocalDateSchema,
  PolygonGeometrySchema,
  RetailerSchema,
  VisitPlanSchema,
  VisitSchema,
} from '@beatplan/core';
import * as z from 'zod';
import { ScorecardWeightsSchema } from './scorecard.js';
import { TrendOptionsSchema } from './trend.js';
import { DecisionOptionsSchema } from './decision.js';

/**
 * A visit verdict as `@beatplan/geofence` returns it: `{ visitId, status, reasons, distanceM, dwellS,
 * confidence, flags }` (`dwellS` null for an `incomplete` visit, one without its end fix). Reason and flag codes are kept as plain strings; other fields are ignored, so
 * geofence's `verdicts` can be passed as they are.
 *
 * @example
 * VisitVerdictInputSchema.parse({ visitId: 'V1', status: 'verified', reasons: [], distanceM: { start: 4.2, end: 6 }, dwellS: 900, confidence: 0.97, flags: [] });
 */
export const VisitVerdictInputSchema = z.object({
  visitId: IdSchema,
  status: z.enum(['verified', 'rejected', 'unverifiable', 'incomplete'], {
    error: 'status must be one of "verified", "rejected", "unverifiable", "incomplete"',
  }),
  reasons: z.array(z.string({ error: 'reason must be a string' }), { error: 'reasons must be an array of strings' }),
  distanceM: z.object(
    { start: z.number().min(0).nullable(), end: z.number().min(0).nullable() },
    { error: 'distanceM must be { start, end }' },
  ),
  dwellS: z.number({ error: 'dwellS must be a finite number of seconds, or null (no end fix)' }).nullable(),
  confidence: z
    .number({ error: 'confidence must be a number from 0 to 1' })
    .min(0, { error: 'confidence must be from 0 to 1' })
    .max(1, { error: 'confidence must be from 0 to 1' }),
  flags: z.array(z.string({ error: 'flag must be a string' }), { error: 'flags must be an array of strings' }),
});
/** A verdict, see {@link VisitVerdictInputSchema}. */
export type VisitVerdictInput = z.infer<typeof VisitVerdictInputSchema>;

/**
 * One contradiction found by an inspection cross-check, in a plain shape: `retailerId`; `kind` (a short
 * code such as `VISIT_DENIED` — a verified visit the retailer denies — or `VISIT_NOT_VERIFIED` — a
 * visit the retailer confirms that was not verified); optional `managerId` (default: the retailer's
 * manager), `inspectionId`, `visitId` or `visitIds` (as `@beatplan/inspection`'s `crossCheck` gives
 * them), `message`. Other fields are ignored.
 *
 * @example
 * ContradictionInputSchema.parse({ retailerId: 'R7', managerId: 'M2', kind: 'VISIT_DENIED', inspectionId: 'I3', visitId: 'V40' });
 */
export const ContradictionInputSchema = z.object({
  retailerId: IdSchema,
  kind: z.string({ error: 'kind must be a string' }).trim().min(1, { error: 'kind must not be empty' }).max(64),
  managerId: IdSchema.optional(),
  inspectionId: IdSchema.optional(),
  visitId: IdSchema.optional(),
  visitIds: z.array(IdSchema, { error: 'visitIds must be an array of ids' }).optional(),
  message: z.string({ error: 'message must be a string' }).max(2000).optional(),
});
/** A contradiction, see {@link ContradictionInputSchema}. */
export type ContradictionInput = z.infer<typeof ContradictionInputSchema>;

/**
 * A territory to draw on the map: `id`, `managerId`, `retailerIds`, optional `name`, `region`, and
 * `polygon` (a GeoJSON Polygon in WGS84, e.g. the `hull` of `@beatplan/territory`'s
 * `measureCompactness`). Without `polygon`, the report draws the convex hull of its retailers.
 *
 * @example
 * ReportTerritorySchema.parse({ id: 'T1', managerId: 'M1', retailerIds: ['R1', 'R2', 'R3'] });
 */
export const ReportTerritorySchema = z.strictObject({
  id: IdSchema,
  managerId: IdSchema,
  retailerIds: z.array(IdSchema, { error: 'retailerIds must be an array of ids' }),
  name: z
    .string({ error: 'name must be a string' })
    .trim()
    .min(1, { error: 'name must not be empty' })
    .max(200)
    .optional(),
  region: z
    .string({ error: 'region must be a string' })
    .trim()
    .min(1, { error: 'region must not be empty' })
    .max(200)
    .optional(),
  polygon: PolygonGeometrySchema.optional(),
});
/** A territory of the report, see {@link ReportTerritorySchema}. */
export type ReportTerritory = z.infer<typeof ReportTerritorySchema>;

/**
 * One manager's workload before or after a re-partition: `managerId`, `workloadMinutes` (weekly minutes,
 * ≥ 0), optional `retailers`. Other fields are ignored, so `@beatplan/territory`'s `stats` can be passed.
 */
export const WorkloadFigureSchema = z.object({
  managerId: IdSchema,
  workloadMinutes: z
    .number({ error: 'workloadMinutes must be a finite number of minutes' })
    .min(0, { error: 'workloadMinutes must be at least 0' }),
  retailers: z.number().int().min(0).optional(),
});
/** See {@link WorkloadFigureSchema}. */
export type WorkloadFigure = z.infer<typeof WorkloadFigureSchema>;

/** Workload figures before and after a re-partition, and optionally how many retailers moved. */
export const RepartitionSchema = z.strictObject({
  label: z.string().trim().min(1).max(200).optional(),
  before: z
    .array(WorkloadFigureSchema, { error: 'before must be an array of { managerId, workloadMinutes }' })
    .min(1, { error: 'before must not be empty' }),
  after: z
    .array(WorkloadFigureSchema, { error: 'after must be an array of { managerId, workloadMinutes }' })
    .min(1, { error: 'after must not be empty' }),
  moved: z.number().int().min(0).optional(),
});
/** See {@link RepartitionSchema}. */
export type Repartition = z.infer<typeof RepartitionSchema>;

/** The report period: local dates, both inclusive. */
export const ReportPeriodSchema = z
  .strictObject({ from: LocalDateSchema, to: LocalDateSchema })
  .refine((p) => p.from <= p.to, { ...customReason('reports.period_order'), path: ['to'] });

/** Metres and seconds of one closed route on the routes' cost source. */
const RouteFigureSchema = z.strictObject({
  distanceM: z.number().min(0),
  durationS: z.number().min(0),
});

/** One manager-day of {@link ReportRoutes}. */
const ReportRouteDaySchema = z.strictObject({
  managerId: IdSchema,
  date: LocalDateSchema,
  /** Base → the planned retailers in plan order → base; null without a plan that day, or when a leg has no route. */
  planned: RouteFigureSchema.nullable(),
  /** Base → each visited retailer in visit start order → base; null without visits, or when a leg has no route. */
  travelled: RouteFigureSchema.nullable(),
  /** Legs with no route on the source, by retailer id (`'base'` for the manager's base). */
  unreachable: z.array(z.strictObject({ from: z.string(), to: z.string() })),
});

/**
 * Road (or any `TravelCosts`) figures of a report's routes, as `measureReportRoutes` returns them
 * and `buildReport` takes them (input field `routes`): the cost source, and per manager and local date
 * the planned and the travelled closed route. Both go through retailer locations (the travelled one
 * through the retailers visited, in visit order), not through the visits' position fixes: a fix is off
 * by up to hundreds of metres, and a road route through a fix on the wrong side of a river would
 * invent a detour that nobody drove.
 *
 * @example
 * ReportRoutesSchema.parse({ costSource: { kind: 'roads', source: 'road-graph:car' }, days: [] });
 */
export const ReportRoutesSchema = z.strictObject({
  costSource: z.strictObject({
    kind: z.enum(COST_SOURCE_KINDS),
    source: z.string().min(1),
  }),
  days: z.array(ReportRouteDaySchema),
});

/** See {@link ReportRoutesSchema}. */
export type ReportRoutes = z.infer<typeof ReportRoutesSchema>;
/** One manager-day of {@link ReportRoutes}. */
export type ReportRouteDay = z.infer<typeof ReportRouteDaySchema>;

/**
 * Everything a report is made of, as plain data (records of `@beatplan/core` plus the plain shapes
 * above). Arrays other than `retailers` and `managers` default to empty.
 *
 * - `title` (default `"beatplan report"`), `period` (`{ from, to }` local dates, inclusive; default:
 *   the span of the dates found in the data; records outside it are left out).
 * - `utcOffsetMinutes` (default 480 = UTC+8, core's `UtcOffsetMinutesSchema`): the local time zone; a visit belongs to the local date of its
 *   start fix, an inspection to the local date of its `at`.
 * - `weights`: scorecard weights, see `DEFAULT_SCORECARD_WEIGHTS`.
 * - `whatIf` (default none, at most 10): alternative weights `{ label?, weights }` to recompute the
 *   scorecard with (the named weights replace the report's, the others stay); see `Report.whatIf`.
 * - `undecidedPrecision` (default `'neutral'`): how the scorecard counts a visit *undecided for lack of
 *   precision* (verdict `unverifiable` whose only reason is `ACCURACY_TOO_COARSE`: fixes too coarse to
 *   prove a visit, e.g. cell-tower positions indoors): `'neutral'` counts it neither verified nor
 *   failed (left out of the `verification` and `timeOnSite` KPIs), `'failed'` as not verified.
 * - `incompleteVisits` (default `'failed'`): how the scorecard counts an `incomplete` visit (a start fix
 *   and no end fix: the manager did not press *end visit*, or the phone died): `'failed'` as not
 *   verified, `'neutral'` neither verified nor failed. The default differs from `undecidedPrecision`'s
 *   on purpose: a manager cannot make an indoor cell fix precise, but sending the end fix is his own
 *   step, and counting incomplete visits neutral would let him drop any doubtful visit from his score
 *   by not ending it. A host whose phones lose end fixes for reasons outside the manager's control
 *   chooses `'neutral'`. Either way the report counts them per manager (`incomplete`).
 * - `retailers`, `managers`, `plans` (core `VisitPlan`s), `visits` (core `Visit`s), `verdicts` (one per
 *   visit at most; a visit without a verdict counts as not verified), `inspections` (core
 *   `InspectionRecord`s), `contradictions`, `territories`, `repartition`.
 * - `checklist` (default the four seed items, core's `DEFAULT_CHECKLIST`): the inspection checklist the
 *   `inspections` were made under (core's `InspectionChecklistSchema`). Every inspection must fit it
 *   (core's `checklistIssues`: a seed item it asks present, one it leaves out absent; `INVALID_INPUT`
 *   naming the record and the item otherwise). A seed item it leaves out is reported as not asked
 *   (`KpiFigures.notAsked`) and left out of its rate and of the inspection score, never scored as 0 or
 *   "no"; without `managerVisitConfirmed`, the `integrity` KPI has no inspection to rest on.
 * - `routes` (optional, see {@link ReportRoutesSchema}): the route figures of this same input measured
 *   on a road graph or another travel source by `measureReportRoutes`. With them the report adds the
 *   planned and travelled route metres and seconds per manager, and `distanceRatio` and the `route` KPI
 *   compare those (else the straight lines). They must cover exactly the manager-days of the period.
 * - `previous` (default none, at most 60): earlier reports of the same managers, as their JSON (`Report`,
 *   e.g. what `beatplan report --json` wrote last week; see `PreviousReportSchema` for what is read), in
 *   any order: the report's `trend` follows every manager over those periods and its own (see
 *   `TrendReport`). Periods must not overlap and must end before the report's own starts
 *   (`INVALID_INPUT` naming both). `buildTrendReport` cuts one data set into weeks or months instead.
 * - `trend`: the thresholds of the trend's changes, see `TrendOptionsSchema`.
 * - `decision`: the settings of the decision analysis (hex size, speed, coverage-gap distance), see
 *   `DecisionOptionsSchema` and `Report.decision`.
 *
 * Unknown top-level fields are rejected.
 *
 * @example
 * ReportInputSchema.parse({ retailers: [], managers: [] }).plans; // []
 */
export const ReportInputSchema = z.strictObject({
  title: z
    .string({ error: 'title must be a string' })
    .trim()
    .min(1, { error: 'title must not be empty' })
    .max(200)
    .optional(),
  period: ReportPeriodSchema.optional(),
  utcOffsetMinutes: UtcOffsetMinutesSchema,
  weights: ScorecardWeightsSchema.optional(),
  whatIf: z
    .array(
      z.strictObject({
        label: z.string({ error: 'label must be a string' }).trim().min(1).max(100).optional(),
        weights: ScorecardWeightsSchema,
      }),
      { error: 'whatIf must be an array of { label?, weights }' },
    )
    .max(10, { error: 'whatIf has at most 10 alternatives' })
    .default([]),
  undecidedPrecision: z
    .enum(['neutral', 'failed'], { error: 'undecidedPrecision must be "neutral" or "failed"' })
    .default('neutral'),
  incompleteVisits: z
    .enum(['neutral', 'failed'], { error: 'incompleteVisits must be "neutral" or "failed"' })
    .default('failed'),
  retailers: z.array(RetailerSchema, { error: 'retailers must be an array' }),
  managers: z.array(CustomerManagerSchema, { error: 'managers must be an array' }),
  plans: z.array(VisitPlanSchema, { error: 'plans must be an array' }).default([]),
  visits: z.array(VisitSchema, { error: 'visits must be an array' }).default([]),
  verdicts: z.array(VisitVerdictInputSchema, { error: 'verdicts must be an array' }).default([]),
  inspections: z.array(InspectionRecordSchema, { error: 'inspections must be an array' }).default([]),
  checklist: InspectionChecklistSchema.default(() => [...DEFAULT_CHECKLIST]),
  contradictions: z.array(ContradictionInputSchema, { error: 'contradictions must be an array' }).default([]),
  territories: z.array(ReportTerritorySchema, { error: 'territories must be an array' }).default([]),
  repartition: RepartitionSchema.optional(),
  routes: ReportRoutesSchema.optional(),
  previous: z
    .array(z.unknown(), { error: 'previous must be an array of earlier reports (their JSON)' })
    .max(60, { error: 'previous has at most 60 earlier reports' })
    .default([]),
  trend: TrendOptionsSchema.prefault({}),
  decision: DecisionOptionsSchema.prefault({}),
});

/** The parsed report input (times in epoch ms, defaults applied). */
export type ReportInput = z.output<typeof ReportInputSchema>;
/** The report input as accepted (times may be ISO strings, arrays may be absent). */
export type ReportInputData = z.input<typeof ReportInputSchema>;
