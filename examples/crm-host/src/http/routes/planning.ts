import type { VisitPlan } from '@beatplan/core';
import { createSolverPool, type SolverPool } from '@beatplan/tsp/pool';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as z from 'zod';
import type { Repository } from '../../db/repository.js';
import { splitProvince } from '../../planning/split-province.js';
import { planTerritories } from '../../planning/territory-job.js';
import {
  ErrorSchema,
  ManagerParamsSchema,
  PlanBodySchema,
  RouteAnswerSchema,
  RouteQuerySchema,
} from '../api-schemas.js';
import { requireRole } from '../auth.js';
import { notFound } from '../http-error.js';
import { localDate, localDayStartMs } from '../local-day.js';

const errors = { 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 422: ErrorSchema };
const PlanAnswerSchema = z.object({
  territories: z.number(),
  plans: z.number(),
  stops: z.number(),
  /** Left out, with the reason: the partition's, then each manager's beats' (with `managerId`). */
  dropped: z.array(
    z.object({
      retailerId: z.string(),
      managerId: z.string().optional(),
      date: z.string().optional(),
      reason: z.string(),
    }),
  ),
  balanced: z.boolean(),
});

/**
 * Planning a period (admin) and today's route of a manager (that manager or an admin). `planWorkers`
 * worker threads (`@beatplan/tsp/pool`, started at the first plan and closed with the app) plan the
 * managers of `POST /plans`, whole managers in the threads; 0 plans them in the request's thread, one
 * territory after another. The plans are the same either way.
 */
export function planningRoutes(
  repo: Repository,
  now: () => number,
  utcOffsetMinutes: number,
  planWorkers: number,
): FastifyPluginAsyncZod {
  return async (app) => {
    let pool: SolverPool | undefined;
    app.addHook('onClose', async () => {
      await pool?.close();
    });
    app.post(
      '/plans',
      { schema: { body: PlanBodySchema, response: { 200: PlanAnswerSchema, ...errors } } },
      async (request) => {
        requireRole(request, 'admin');
        const { startDate, weeks, seed } = request.body;
        const [retailers, managers] = await Promise.all([repo.listRetailers(), repo.listManagers()]);
        const split = splitProvince(retailers, managers, {
          runId: 'in-process',
          beat: { startDate, weeks, seed, utcOffsetMinutes },
        });
        const plans: VisitPlan[] = [];
        const dropped = [...split.dropped];
        // in this process, on its worker threads; POST /province-plans spreads the territories over machines
        if (planWorkers > 0) pool ??= createSolverPool({ workers: planWorkers });
        for (const result of await planTerritories(split.jobs, pool ? { solver: pool } : {})) {
          plans.push(...result.plans);
          dropped.push(...result.dropped);
        }
        await repo.savePlanning({ territories: split.territories, assignment: split.assignment, plans });
        return {
          territories: split.territories.length,
          plans: plans.length,
          stops: plans.reduce((a, p) => a + p.stops.length, 0),
          dropped,
          balanced: split.balanced,
        };
      },
    );

    app.get(
      '/managers/:managerId/route',
      {
        schema: {
          params: ManagerParamsSchema,
          querystring: RouteQuerySchema,
          response: { 200: RouteAnswerSchema, ...errors },
        },
      },
      async (request) => {
        const user = requireRole(request, 'manager', 'admin');
        const { managerId } = request.params;
        if (user.role === 'manager' && user.managerId !== managerId) throw notFound(`manager ${managerId}`);
        const manager = await repo.getManager(managerId);
        if (!manager) throw notFound(`manager ${managerId}`);
        const date = request.query.date ?? localDate(now(), utcOffsetMinutes);
        const plan = await repo.getPlan(managerId, date);
        if (!plan) throw notFound(`a plan of ${managerId} on ${date}`);
        const dayStart = localDayStartMs(date, utcOffsetMinutes);
        const visits = await repo.listVisits(dayStart, dayStart + 86_400_000, managerId);
        const visitOf = new Map(visits.map((v) => [v.retailerId, v]));
        const stops = [];
        for (const s of plan.stops) {
          const r = await repo.getRetailer(s.retailerId);
          if (!r) continue;
          const v = visitOf.get(r.id);
          stops.push({
            retailerId: r.id,
            name: r.name,
            lng: r.location.lng,
            lat: r.location.lat,
            arrival: s.arrival,
            departure: s.departure,
            visitId: v?.id ?? null,
            status: v ? (v.verdict?.status ?? 'started') : null,
          });
        }
        return {
          managerId,
          date,
          base: { lng: manager.base.lng, lat: manager.base.lat },
          distanceM: plan.distanceM,
          durationS: plan.durationS,
          stops,
        };
      },
    );
  };
}
