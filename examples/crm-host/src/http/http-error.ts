/** Codes of the host's own HTTP errors (the library's BeatplanError codes come as they are). */
export type HttpErrorCode =
  | 'UNAUTHENTICATED'
  | 'INVALID_TOKEN'
  | 'TOKEN_REVOKED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'IDEMPOTENCY_CONFLICT'
  | 'VISIT_NOT_STARTED'
  | 'FIX_IN_FUTURE'
  | 'FIX_TOO_OLD'
  | 'ALREADY_EXISTS';

/** An error answered as `{ code, message }` with its HTTP status. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: HttpErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** 404 for a resource that does not exist or belongs to someone else (no difference is revealed). */
export const notFound = (what: string): HttpError => new HttpError(404, 'NOT_FOUND', `${what} not found`);
