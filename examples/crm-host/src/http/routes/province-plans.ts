import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as z from 'zod';
import type { Repository } from '../../db/repository.js';
import { splitProvince } from '../../planning/split-province.js';
import type { ProvinceQueue } from '../../queue/province-queue.js';
import { ErrorSchema, PlanBodySchema } from '../api-schemas.js';
import { requireRole } from '../auth.js';
import { notFound } from '../http-error.js';

const errors = { 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 422: ErrorSchema };
const DroppedSchema = z.array(z.object({ retailerId: z.string(), date: z.string().optional(), reason: z.string() }));
const RunStartedSchema = z.object({
  runId: z.string(),
  /** Territory jobs queued: one per manager. */
  jobs: z.number(),
  territories: z.number(),
  /** Retailers the partition left out (each job's own drops are in its result). */
  dropped: DroppedSchema,
  balanced: z.boolean(),
});
const RunStateSchema = z.object({
  runId: z.string(),
  createdAt: z.number(),
  jobs: z.number(),
  /** Jobs whose day plans are stored. */
  stored: z.number(),
  done: z.boolean(),
  results: z.array(
    z.object({
      managerId: z.string(),
      plans: z.number(),
      dropped: DroppedSchema,
      /** The worker that stored it. */
      worker: z.string(),
      storedAt: z.number(),
    }),
  ),
});

/**
 * Province planning over the queue (admin), registered when the host has a queue (`--queue`):
 * `POST /province-plans` partitions the province in this process, stores the territories and the
 * run, queues one job per territory and answers 202 at once; workers (`npm run worker`, any number,
 * anywhere) plan the territories and store their day plans. `GET /province-plans/:runId` shows how
 * far it is.
 */
export function provincePlanRoutes(
  repo: Repository,
  queue: ProvinceQueue,
  now: () => number,
  utcOffsetMinutes: number,
): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/province-plans',
      { schema: { body: PlanBodySchema, response: { 202: RunStartedSchema, ...errors } } },
      async (request, reply) => {
        requireRole(request, 'admin');
        const { startDate, weeks, seed } = request.body;
        const [retailers, managers] = await Promise.all([repo.listRetailers(), repo.listManagers()]);
        const beat = { startDate, weeks, seed, utcOffsetMinutes };
        const runId = `run-${randomUUID()}`;
        const split = splitProvince(retailers, managers, { runId, beat });
        await repo.startPlanningRun(
          { id: runId, createdAt: now(), spec: beat, jobs: split.jobs.length },
          { territories: split.territories, assignment: split.assignment },
        );
        await queue.enqueue(split.jobs);
        return reply.code(202).send({
          runId,
          jobs: split.jobs.length,
          territories: split.territories.length,
          dropped: split.dropped,
          balanced: split.balanced,
        });
      },
    );

    app.get(
      '/province-plans/:runId',
      { schema: { params: z.strictObject({ runId: z.string() }), response: { 200: RunStateSchema, ...errors } } },
      async (request) => {
        requireRole(request, 'admin');
        const run = await repo.getPlanningRun(request.params.runId);
        if (!run) throw notFound(`planning run ${request.params.runId}`);
        const results = await repo.listPlanningResults(run.id);
        return {
          runId: run.id,
          createdAt: run.createdAt,
          jobs: run.jobs,
          stored: results.length,
          done: results.length === run.jobs,
          results: results.map(({ runId: _, ...r }) => r),
        };
      },
    );
  };
}
