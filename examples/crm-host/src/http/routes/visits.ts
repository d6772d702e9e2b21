import type { PositionFix } from '@beatplan/core';
import { type VerifyPolicyInput, verifyVisit } from '@beatplan/geofence';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Repository, VisitRow } from '../../db/repository.js';
import {
  EndVisitBodySchema,
  ErrorSchema,
  StartVisitBodySchema,
  VisitAnswerSchema,
  VisitParamsSchema,
} from '../api-schemas.js';
import { requireRole } from '../auth.js';
import { HttpError, notFound } from '../http-error.js';
import { hashPayload } from '../tokens.js';

/** A fix more than this ahead of the server's clock is refused (`FIX_IN_FUTURE`). */
export const MAX_FIX_AHEAD_MS = 5 * 60_000;
/** A fix older than this when it arrives is refused (`FIX_TOO_OLD`): the phone queues a day offline. */
export const MAX_FIX_AGE_MS = 48 * 3_600_000;

const errors = { 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema, 422: ErrorSchema };

/** The API view of a stored visit. */
export function visitAnswer(v: VisitRow) {
  return {
    visitId: v.id,
    retailerId: v.retailerId,
    managerId: v.managerId,
    state: v.endFix ? ('ended' as const) : ('started' as const),
    start: v.startFix,
    end: v.endFix,
    verdict: v.verdict ? { ...v.verdict, reasons: [...v.verdict.reasons], flags: [...v.verdict.flags] } : null,
  };
}

function checkFixTime(fix: PositionFix, receivedAt: number): void {
  if (fix.at > receivedAt + MAX_FIX_AHEAD_MS)
    throw new HttpError(
      422,
      'FIX_IN_FUTURE',
      `the fix is dated ${new Date(fix.at).toISOString()}, more than ${MAX_FIX_AHEAD_MS / 60_000} min after the server's clock: check the phone's clock`,
    );
  if (fix.at < receivedAt - MAX_FIX_AGE_MS)
    throw new HttpError(
      422,
      'FIX_TOO_OLD',
      `the fix is dated ${new Date(fix.at).toISOString()}, more than ${MAX_FIX_AGE_MS / 3_600_000} h before it arrived: not accepted as evidence`,
    );
}

/**
 * Start and end of a visit, idempotent by the client's visit id: the same request again gets the same
 * answer (200) and stores nothing; another payload under the same id is 409 `IDEMPOTENCY_CONFLICT`.
 * Only a manager sends fixes, and only at his own retailers (others: 404).
 */
export function visitRoutes(repo: Repository, now: () => number, policy: VerifyPolicyInput): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/visits/start',
      {
        schema: { body: StartVisitBodySchema, response: { 200: VisitAnswerSchema, 201: VisitAnswerSchema, ...errors } },
      },
      async (request, reply) => {
        const user = requireRole(request, 'manager');
        const body = request.body;
        const hash = hashPayload(body);
        const replay = (v: VisitRow) => {
          if (v.managerId !== user.managerId || v.startHash !== hash)
            throw new HttpError(409, 'IDEMPOTENCY_CONFLICT', `visit ${v.id} was started with another request`);
          return reply.code(200).send(visitAnswer(v));
        };
        const existing = await repo.getVisit(body.visitId);
        if (existing) return replay(existing);
        const retailer = await repo.getRetailer(body.retailerId);
        if (!retailer || retailer.managerId !== user.managerId) throw notFound(`retailer ${body.retailerId}`);
        const receivedAt = now();
        checkFixTime(body.fix, receivedAt);
        const row: VisitRow = {
          id: body.visitId,
          managerId: retailer.managerId,
          retailerId: retailer.id,
          startFix: body.fix,
          startHash: hash,
          startReceivedAt: receivedAt,
          endFix: null,
          endHash: null,
          endReceivedAt: null,
          verdict: null,
        };
        if (!(await repo.insertVisit(row))) {
          const raced = await repo.getVisit(body.visitId);
          if (raced) return replay(raced);
        }
        return reply.code(201).send(visitAnswer(row));
      },
    );

    app.post(
      '/visits/:visitId/end',
      {
        schema: {
          params: VisitParamsSchema,
          body: EndVisitBodySchema,
          response: { 200: VisitAnswerSchema, 201: VisitAnswerSchema, ...errors },
        },
      },
      async (request, reply) => {
        const user = requireRole(request, 'manager');
        const visit = await repo.getVisit(request.params.visitId);
        if (!visit || visit.managerId !== user.managerId) throw notFound(`visit ${request.params.visitId}`);
        const hash = hashPayload(request.body);
        const replay = (v: VisitRow) => {
          if (v.endHash !== hash)
            throw new HttpError(409, 'IDEMPOTENCY_CONFLICT', `visit ${v.id} was already ended with another request`);
          return reply.code(200).send(visitAnswer(v));
        };
        if (visit.endHash !== null) return replay(visit);
        const receivedAt = now();
        checkFixTime(request.body.fix, receivedAt);
        const retailer = await repo.getRetailer(visit.retailerId);
        if (!retailer) throw notFound(`retailer ${visit.retailerId}`);
        const verdict = verifyVisit(
          retailer,
          {
            id: visit.id,
            managerId: visit.managerId,
            retailerId: visit.retailerId,
            start: visit.startFix,
            end: request.body.fix,
          },
          policy,
        );
        const stored = await repo.endVisit(visit.id, { fix: request.body.fix, hash, receivedAt, verdict });
        const now2 = await repo.getVisit(visit.id);
        if (!now2) throw notFound(`visit ${visit.id}`);
        if (!stored) return replay(now2);
        return reply.code(201).send(visitAnswer(now2));
      },
    );

    app.get(
      '/visits/:visitId',
      { schema: { params: VisitParamsSchema, response: { 200: VisitAnswerSchema, ...errors } } },
      async (request) => {
        const user = requireRole(request, 'manager', 'admin');
        const visit = await repo.getVisit(request.params.visitId);
        if (!visit || (user.role === 'manager' && visit.managerId !== user.managerId))
          throw notFound(`visit ${request.params.visitId}`);
        return visitAnswer(visit);
      },
    );
  };
}
