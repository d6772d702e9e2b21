import { FixSourceSchema, IdSchema, LocalDateSchema, PositionFixSchema, TimestampSchema } from '@beatplan/core';
import { VisitVerdictInputSchema } from '@beatplan/reports';
import * as z from 'zod';

// The API's request and response schemas, built from the library's zod schemas: a fix is core's
// PositionFixSchema, a verdict is the reports package's VisitVerdictInputSchema, ids are IdSchema.

/**
 * A verdict as the host answers it: the reports package's verdict shape plus geofence's `precision`
 * (the fix source that proved a verified visit, null otherwise), which the reports schema ignores.
 */
const VerdictSchema = VisitVerdictInputSchema.extend({ precision: FixSourceSchema.nullable().optional() });

/** Every error answer: a stable code, a message, and for bad input every problem found. */
export const ErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  issues: z
    .array(z.object({ path: z.array(z.union([z.string(), z.number()])), message: z.string() }).loose())
    .optional(),
  omittedIssues: z.number().optional(),
});

/** POST /visits/start: the client makes the visit id (a UUID), so a retry is recognised. */
export const StartVisitBodySchema = z.strictObject({ visitId: IdSchema, retailerId: IdSchema, fix: PositionFixSchema });
/** POST /visits/:visitId/end. */
export const EndVisitBodySchema = z.strictObject({ fix: PositionFixSchema });
export const VisitParamsSchema = z.strictObject({ visitId: IdSchema });

/** A visit as the API shows it. */
export const VisitAnswerSchema = z.object({
  visitId: IdSchema,
  retailerId: IdSchema,
  managerId: IdSchema,
  state: z.enum(['started', 'ended']),
  start: z.object({ at: z.number(), lng: z.number(), lat: z.number(), accuracyM: z.number() }).loose(),
  end: z.object({ at: z.number(), lng: z.number(), lat: z.number(), accuracyM: z.number() }).loose().nullable(),
  verdict: VerdictSchema.nullable(),
});

export const UserBodySchema = z.strictObject({
  id: IdSchema,
  name: z.string().trim().min(1).max(200),
  role: z.enum(['admin', 'manager', 'inspector']),
  managerId: IdSchema.optional(),
});
export const UserAnswerSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(['admin', 'manager', 'inspector']),
  managerId: z.string().nullable(),
});
export const TokenAnswerSchema = z.object({ user: UserAnswerSchema, token: z.string() });

export const PlanBodySchema = z.strictObject({
  startDate: LocalDateSchema,
  weeks: z.number().int().min(1).max(4).default(1),
  seed: z.number().int().min(0).default(1),
});
export const RouteQuerySchema = z.strictObject({ date: LocalDateSchema.optional() });
export const ManagerParamsSchema = z.strictObject({ managerId: IdSchema });

/** A stop of today's route, with what the phone needs to draw and press. */
export const RouteStopSchema = z.object({
  retailerId: IdSchema,
  name: z.string(),
  lng: z.number(),
  lat: z.number(),
  arrival: z.number(),
  departure: z.number(),
  visitId: z.string().nullable(),
  status: z.string().nullable(),
});
export const RouteAnswerSchema = z.object({
  managerId: IdSchema,
  date: LocalDateSchema,
  base: z.object({ lng: z.number(), lat: z.number() }),
  distanceM: z.number(),
  durationS: z.number(),
  stops: z.array(RouteStopSchema),
});

export const PeriodQuerySchema = z.strictObject({
  from: LocalDateSchema,
  to: LocalDateSchema,
  format: z.enum(['json', 'csv', 'html']).default('json'),
  table: z.string().optional(),
});

export const CrossCheckQuerySchema = z.strictObject({ from: TimestampSchema, to: TimestampSchema });
