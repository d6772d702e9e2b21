import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as z from 'zod';
import type { Repository } from '../../db/repository.js';
import { ErrorSchema, TokenAnswerSchema, UserAnswerSchema, UserBodySchema } from '../api-schemas.js';
import { requireRole } from '../auth.js';
import { HttpError, notFound } from '../http-error.js';
import { issueToken } from '../tokens.js';

const errors = { 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema, 422: ErrorSchema };
const Params = z.strictObject({ userId: z.string().min(1).max(128) });

/** Users and tokens (admin only), and `GET /me`. There are no passwords: a token is the credential. */
export function userRoutes(repo: Repository, now: () => number): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/me', { schema: { response: { 200: UserAnswerSchema, ...errors } } }, async (request) => {
      const user = requireRole(request, 'admin', 'manager', 'inspector');
      return { id: user.id, name: user.name, role: user.role, managerId: user.managerId };
    });

    app.post(
      '/users',
      { schema: { body: UserBodySchema, response: { 201: TokenAnswerSchema, ...errors } } },
      async (request, reply) => {
        requireRole(request, 'admin');
        const b = request.body;
        if ((b.role === 'manager') !== (b.managerId !== undefined))
          throw new HttpError(422, 'FORBIDDEN', 'a manager user needs managerId, other roles must not have one');
        if (b.managerId !== undefined && !(await repo.getManager(b.managerId)))
          throw notFound(`manager ${b.managerId}`);
        if (await repo.getUser(b.id)) throw new HttpError(409, 'ALREADY_EXISTS', `user ${b.id} exists`);
        const user = { id: b.id, name: b.name, role: b.role, managerId: b.managerId ?? null, createdAt: now() };
        await repo.createUser(user);
        const token = await issueToken(repo, user.id, now());
        return reply.code(201).send({ user, token });
      },
    );

    app.post(
      '/users/:userId/tokens',
      { schema: { params: Params, response: { 201: TokenAnswerSchema, ...errors } } },
      async (request, reply) => {
        requireRole(request, 'admin');
        const user = await repo.getUser(request.params.userId);
        if (!user) throw notFound(`user ${request.params.userId}`);
        return reply.code(201).send({ user, token: await issueToken(repo, user.id, now()) });
      },
    );

    app.post(
      '/users/:userId/revoke',
      { schema: { params: Params, response: { 200: z.object({ revoked: z.number() }), ...errors } } },
      async (request) => {
        requireRole(request, 'admin');
        const user = await repo.getUser(request.params.userId);
        if (!user) throw notFound(`user ${request.params.userId}`);
        return { revoked: await repo.revokeTokens(user.id, now()) };
      },
    );
  };
}
