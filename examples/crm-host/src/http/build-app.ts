import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import {
  DEFAULT_CHECKLIST,
  InspectionChecklistSchema,
  isBeatplanError,
  parseOrThrow,
  type InspectionChecklistInput,
} from '@beatplan/core';
import type { VerifyPolicyInput } from '@beatplan/geofence';
import { defaultPoolWorkers } from '@beatplan/tsp/pool';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Repository } from '../db/repository.js';
import type { ProvinceQueue } from '../queue/province-queue.js';
import { authenticate } from './auth.js';
import { HttpError } from './http-error.js';
import { importRoutes } from './routes/imports.js';
import { inspectionRoutes } from './routes/inspections.js';
import { type PageConfig, pageRoutes } from './routes/page.js';
import { planningRoutes } from './routes/planning.js';
import { provincePlanRoutes } from './routes/province-plans.js';
import { reportRoutes } from './routes/reports.js';
import { userRoutes } from './routes/users.js';
import { visitRoutes } from './routes/visits.js';

/** The city's calendar: UTC+8 (China), the library's default too. */
export const DEFAULT_UTC_OFFSET_MINUTES = 480;

/** Options of {@link buildApp}. */
export interface AppOptions {
  repo: Repository;
  /** The server's clock, epoch ms (tests move it). Default `Date.now`. */
  now?: () => number;
  /** Requests per minute per client (token, else IP). Default 600; 0 turns the limit off (load tests). */
  rateLimitPerMinute?: number;
  /** Largest request body, bytes. Default 1 MiB; imports get `importBodyLimit`. */
  bodyLimit?: number;
  /** Largest import body (CSV/GeoJSON), bytes. Default 64 MiB. */
  importBodyLimit?: number;
  utcOffsetMinutes?: number;
  /**
   * The geofence policy for end-visit verdicts (geofence's `VerifyPolicySchema`; default: its defaults,
   * e.g. a visit counts from 5 minutes on site). A CRM sets its own; the browser test shortens the dwell.
   */
  verifyPolicy?: VerifyPolicyInput;
  /** Called before each retailer row is written (crash tests). */
  onImportRow?: (i: number) => void;
  logger?: boolean;
  /**
   * The province queue (`openProvinceQueue`): when given, `POST /province-plans` queues one planning
   * job per territory for the workers (`npm run worker`); without it those routes do not exist.
   */
  provinceQueue?: ProvinceQueue;
  /** The phone page's settings: a tile layer under the route (see `PageConfig`). Default none. */
  page?: PageConfig;
  /**
   * Worker threads that `POST /plans` plans the managers in (`@beatplan/tsp/pool`: whole managers, visit
   * days and routes, in the threads; started at the first plan, closed with the app). Default
   * `os.availableParallelism()`; 0 plans in the request's thread. The plans are the same either way.
   */
  planWorkers?: number;
  /**
   * The province's inspection checklist (core's `InspectionChecklistSchema`): the seed items it asks and
   * its own items. Records are checked against it when recorded, and the cross-check and the reports read
   * them under it (a seed item it leaves out is "not asked", never scored). Default the four seed items.
   * Validated when the app is built (a bad checklist throws `BeatplanError`).
   */
  inspectionChecklist?: InspectionChecklistInput;
  /** Serve HTTPS with this key and certificate (PEM), e.g. for phones on a LAN; see README "HTTPS". */
  https?: { key: string | Buffer; cert: string | Buffer };
}

/**
 * The CRM host's HTTP API: Fastify 5, every request and response through zod schemas (the library's
 * where it has them), OpenAPI at `/openapi.json`, tokens and roles, a rate limit and body limits.
 * Errors answer `{ code, message, issues? }`: 400 bad request shape, 401 token, 403 role, 404 not
 * found or not yours, 409 idempotency conflict, 413 body too large, 422 the library refused the data
 * (its `BeatplanError` code and every issue), 429 rate limit.
 */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { repo, now = Date.now, utcOffsetMinutes = DEFAULT_UTC_OFFSET_MINUTES } = options;
  const planWorkers = options.planWorkers ?? defaultPoolWorkers();
  if (!Number.isInteger(planWorkers) || planWorkers < 0 || planWorkers > 256)
    throw new RangeError(`planWorkers must be a whole number from 0 to 256, got ${planWorkers}`);
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? 1 << 20,
    ...(options.https ? { https: options.https } : {}),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const importLimit = options.importBodyLimit ?? 64 << 20;
  app.addContentTypeParser(
    ['text/csv', 'text/plain'],
    { parseAs: 'string', bodyLimit: importLimit },
    (_req, body, done) => done(null, body),
  );
  app.addContentTypeParser(
    'application/geo+json',
    { parseAs: 'string', bodyLimit: importLimit },
    (_req, body, done) => {
      try {
        done(null, JSON.parse(body as string));
      } catch (e) {
        done(Object.assign(e as Error, { statusCode: 400 }), undefined);
      }
    },
  );
  app.decorateRequest('user', null);
  app.setErrorHandler((error, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error))
      return reply.code(400).send({
        code: 'INVALID_REQUEST',
        message: `the request does not match its schema (${error.validationContext})`,
        issues: error.validation.map((v) => ({
          path: v.instancePath.split('/').filter(Boolean),
          message: v.message ?? 'invalid',
        })),
      });
    if (error instanceof HttpError)
      return reply.code(error.statusCode).send({ code: error.code, message: error.message });
    if (isBeatplanError(error))
      return reply.code(422).send({
        code: error.code,
        message: error.message.split('\n')[0] ?? error.code,
        issues: error.issues.map((i) => ({ ...i, value: i.value === undefined ? undefined : String(i.value) })),
        omittedIssues: error.omittedIssues,
      });
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    if (status >= 500) request.log.error(error);
    return reply.code(status).send({
      code: (error as { code?: string }).code ?? (status >= 500 ? 'INTERNAL' : 'BAD_REQUEST'),
      message: status >= 500 ? 'internal error' : (error as Error).message,
    });
  });

  await app.register(swagger, {
    openapi: {
      info: { title: 'beatplan CRM host', version: '0.1.0' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  const perMinute = options.rateLimitPerMinute ?? 600;
  if (perMinute > 0)
    await app.register(rateLimit, {
      max: perMinute,
      timeWindow: 60_000,
      keyGenerator: (request) => request.headers.authorization ?? request.ip,
    });
  app.addHook('onRequest', authenticate(repo));

  app.get('/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());
  app.get('/health', { config: { public: true }, schema: { hide: true } }, async () => ({ ok: true }));
  await app.register(userRoutes(repo, now));
  await app.register(importRoutes(repo, { ...(options.onImportRow ? { onImportRow: options.onImportRow } : {}) }));
  await app.register(planningRoutes(repo, now, utcOffsetMinutes, planWorkers));
  if (options.provinceQueue) await app.register(provincePlanRoutes(repo, options.provinceQueue, now, utcOffsetMinutes));
  await app.register(visitRoutes(repo, now, options.verifyPolicy ?? {}));
  await app.register(pageRoutes(options.page ?? {}));
  const checklist = parseOrThrow(InspectionChecklistSchema, options.inspectionChecklist ?? DEFAULT_CHECKLIST, [
    'inspectionChecklist',
  ]);
  await app.register(inspectionRoutes(repo, now, checklist));
  await app.register(reportRoutes(repo, now, utcOffsetMinutes, options.verifyPolicy ?? {}, checklist));
  return app;
}
