import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Repository, Role, User } from '../db/repository.js';
import { HttpError } from './http-error.js';
import { hashToken } from './tokens.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The authenticated user (null on public routes). */
    user: User | null;
  }
  interface FastifyContextConfig {
    /** No token needed (OpenAPI, the phone page's static files, health). */
    public?: boolean;
  }
}

/**
 * The onRequest hook: reads `Authorization: Bearer <token>`, looks up the token's SHA-256 and sets
 * `request.user`. 401 `UNAUTHENTICATED` (no token), `INVALID_TOKEN` (unknown), `TOKEN_REVOKED`.
 */
export function authenticate(repo: Repository) {
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    if (request.routeOptions.config.public) return;
    const header = request.headers.authorization;
    const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match?.[1]) throw new HttpError(401, 'UNAUTHENTICATED', 'send Authorization: Bearer <token>');
    const found = await repo.findToken(hashToken(match[1]));
    if (!found) throw new HttpError(401, 'INVALID_TOKEN', 'unknown token');
    if (found.revokedAt !== null)
      throw new HttpError(
        401,
        'TOKEN_REVOKED',
        `this token was revoked at ${new Date(found.revokedAt).toISOString()}; sign in again (queued fixes are kept)`,
      );
    request.user = found.user;
  };
}

/** The request's user if it has one of the roles; else 403 `FORBIDDEN`. */
export function requireRole(request: FastifyRequest, ...roles: Role[]): User {
  const user = request.user;
  if (!user) throw new HttpError(401, 'UNAUTHENTICATED', 'send Authorization: Bearer <token>');
  if (!roles.includes(user.role))
    throw new HttpError(403, 'FORBIDDEN', `this needs the role ${roles.join(' or ')} (you are ${user.role})`);
  return user;
}
