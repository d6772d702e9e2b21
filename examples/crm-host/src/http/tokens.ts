import { createHash, randomBytes } from 'node:crypto';
import type { Repository } from '../db/repository.js';

/**
 * A new API token: `bpt_` + 32 random bytes (base64url). Shown once to whoever asked for it; only
 * its SHA-256 is stored. A salt or a slow hash adds nothing for 256 random bits (no dictionary to try).
 */
export function newToken(): string {
  return `bpt_${randomBytes(32).toString('base64url')}`;
}

/** SHA-256 of a token, hex: what the database keeps. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Creates a token for a user, stores its hash, returns the token (the only time it is seen). */
export async function issueToken(repo: Repository, userId: string, now = Date.now()): Promise<string> {
  const token = newToken();
  await repo.addToken(userId, hashToken(token), now);
  return token;
}

/** SHA-256 of a value's canonical JSON (keys sorted): the fingerprint of an idempotent request. */
export function hashPayload(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value), 'utf8').digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
