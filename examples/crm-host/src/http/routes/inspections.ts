import {
  IdSchema,
  InspectionRecordSchema,
  LocalDateSchema,
  CoordinatesSchema,
  WEEKDAYS,
  type InspectionChecklist,
} from '@beatplan/core';
import {
  adjustSample,
  crossCheck,
  drawSample,
  recordInspection,
  routeInspection,
  SampleSpecSchema,
} from '@beatplan/inspection';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { randomUUID } from 'node:crypto';
import * as z from 'zod';
import type { InspectionPlanRow, Repository } from '../../db/repository.js';
import { CrossCheckQuerySchema, ErrorSchema } from '../api-schemas.js';
import { requireRole } from '../auth.js';
import { HttpError, notFound } from '../http-error.js';
import { hashPayload } from '../tokens.js';

const errors = { 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema, 422: ErrorSchema };
const Params = z.strictObject({ planId: IdSchema });
const PlanAnswer = z.object({
  id: z.string(),
  inspectorId: z.string(),
  plan: z.object({ retailerIds: z.array(z.string()), seed: z.number() }).loose(),
  route: z.unknown().nullable(),
  createdAt: z.number(),
});
const DrawBody = z.strictObject({
  spec: SampleSpecSchema,
  seed: z.number().int().min(0),
  inspectorId: IdSchema.optional(),
});
const AdjustBody = z.strictObject({
  add: z.array(IdSchema).max(10_000).optional(),
  remove: z.array(IdSchema).max(10_000).optional(),
  reason: z.string().trim().min(1).max(2000),
});
const RouteBody = z.strictObject({
  base: CoordinatesSchema,
  date: LocalDateSchema,
  maxDays: z.number().int().min(1).max(31).optional(),
  maxStopsPerDay: z.number().int().min(1).optional(),
  workingDays: z.array(z.enum(WEEKDAYS)).min(1).optional(),
  seed: z.number().int().optional(),
});

/**
 * Inspections: draw a seeded sample, adjust it by hand, route it, record on site (or by phone), cross-check
 * against the managers' verified visits. Records are checked against the host's `checklist` (a record
 * that does not fit it is 422, naming the item); the cross-check reads them under it. An inspector sees
 * only the plans he owns (others: 404); an admin sees all and may draw for an inspector.
 */
export function inspectionRoutes(
  repo: Repository,
  now: () => number,
  checklist: InspectionChecklist,
): FastifyPluginAsyncZod {
  return async (app) => {
    const own = async (request: { user: unknown }, planId: string): Promise<InspectionPlanRow> => {
      const user = requireRole(request as never, 'inspector', 'admin');
      const row = await repo.getInspectionPlan(planId);
      if (!row || (user.role === 'inspector' && row.inspectorId !== user.id))
        throw notFound(`inspection plan ${planId}`);
      return row;
    };

    app.post(
      '/inspections',
      { schema: { body: DrawBody, response: { 201: PlanAnswer, ...errors } } },
      async (request, reply) => {
        const user = requireRole(request, 'inspector', 'admin');
        const inspectorId = user.role === 'admin' ? (request.body.inspectorId ?? user.id) : user.id;
        if (user.role === 'inspector' && request.body.inspectorId !== undefined && request.body.inspectorId !== user.id)
          throw new HttpError(403, 'FORBIDDEN', 'an inspector draws only his own plans');
        const inspector = await repo.getUser(inspectorId);
        if (!inspector || inspector.role === 'manager') throw notFound(`inspector ${inspectorId}`);
        const [retailers, territories, records] = await Promise.all([
          repo.listRetailers(),
          repo.listTerritories(),
          repo.listInspectionRecords(),
        ]);
        const history = records.map((r) => ({ retailerId: r.recorded.record.retailerId, at: r.recorded.record.at }));
        const plan = drawSample(retailers, request.body.spec, { seed: request.body.seed, history, territories });
        const row = { id: randomUUID(), inspectorId, plan, route: null, createdAt: now() };
        await repo.createInspectionPlan(row);
        return reply.code(201).send(row);
      },
    );

    app.get(
      '/inspections/:planId',
      { schema: { params: Params, response: { 200: PlanAnswer, ...errors } } },
      (request) => own(request, request.params.planId),
    );

    app.post(
      '/inspections/:planId/adjust',
      { schema: { params: Params, body: AdjustBody, response: { 200: PlanAnswer, ...errors } } },
      async (request) => {
        const row = await own(request, request.params.planId);
        const user = requireRole(request, 'inspector', 'admin');
        const plan = adjustSample(row.plan, {
          ...request.body,
          by: `${user.name} (${user.id})`,
          at: now(),
        });
        await repo.updateInspectionPlan(row.id, plan, null);
        return { ...row, plan, route: null };
      },
    );

    app.post(
      '/inspections/:planId/route',
      { schema: { params: Params, body: RouteBody, response: { 200: PlanAnswer, ...errors } } },
      async (request) => {
        const row = await own(request, request.params.planId);
        const route = await routeInspection(row.plan, await repo.listRetailers(), request.body);
        await repo.updateInspectionPlan(row.id, row.plan, route);
        return { ...row, route };
      },
    );

    app.post(
      '/inspections/:planId/records',
      {
        schema: {
          params: Params,
          body: InspectionRecordSchema,
          response: { 200: z.unknown(), 201: z.unknown(), ...errors },
        },
      },
      async (request, reply) => {
        const row = await own(request, request.params.planId);
        const user = requireRole(request, 'inspector', 'admin');
        const body = request.body;
        if (user.role === 'inspector' && body.inspectorId !== user.id)
          throw new HttpError(403, 'FORBIDDEN', 'an inspector records under his own id');
        if (!row.plan.retailerIds.includes(body.retailerId)) throw notFound(`retailer ${body.retailerId} in this plan`);
        const hash = hashPayload(body);
        const existing = await repo.getInspectionRecord(body.id);
        if (existing) {
          if (existing.hash !== hash || existing.planId !== row.id)
            throw new HttpError(409, 'IDEMPOTENCY_CONFLICT', `record ${body.id} exists with other content`);
          return reply.code(200).send(existing.recorded);
        }
        const retailer = await repo.getRetailer(body.retailerId);
        if (!retailer) throw notFound(`retailer ${body.retailerId}`);
        const recorded = recordInspection(body, retailer, { checklist });
        if (!(await repo.insertInspectionRecord({ id: body.id, planId: row.id, recorded, hash })))
          throw new HttpError(409, 'IDEMPOTENCY_CONFLICT', `record ${body.id} was stored meanwhile`);
        return reply.code(201).send(recorded);
      },
    );

    app.get(
      '/inspections/:planId/cross-check',
      { schema: { params: Params, querystring: CrossCheckQuerySchema, response: { 200: z.unknown(), ...errors } } },
      async (request) => {
        const row = await own(request, request.params.planId);
        const { from, to } = request.query;
        const records = await repo.listInspectionRecords(row.id);
        const visits = (await repo.listVisits(from, to)).filter((v) => v.endFix && v.verdict);
        return crossCheck({
          period: { from, to },
          records: records.map((r) => r.recorded.record),
          visits: visits.map((v) => ({
            id: v.id,
            managerId: v.managerId,
            retailerId: v.retailerId,
            start: v.startFix,
            end: v.endFix ?? v.startFix,
          })),
          verdicts: visits.flatMap((v) => (v.verdict ? [v.verdict] : [])),
          retailers: (await repo.listRetailers()).map((r) => ({
            id: r.id,
            ...(r.managerId ? { managerId: r.managerId } : {}),
          })),
          recordVerdicts: records.flatMap((r) => (r.recorded.fixVerdict ? [r.recorded.fixVerdict] : [])),
          checklist,
        });
      },
    );
  };
}
