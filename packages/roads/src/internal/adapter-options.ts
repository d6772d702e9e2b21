import { HttpClientOptionsSchema, type RetryEvent } from '@beatplan/core';
import * as z from 'zod';

/**
 * The optional pair cache of a service adapter: an LRU of at most `maxPairs` pairs (default 100,000,
 * about 10 MB), keyed by the pair's two points rounded to `decimals` decimal degrees (default 5, ≈ 1.1 m)
 * in the coordinates sent to the service. `true` takes both defaults.
 */
export const PairCacheOptionsSchema = z.strictObject({
  maxPairs: z.number().int().min(1, { error: 'maxPairs must be an integer ≥ 1' }).default(100_000),
  decimals: z.number().int().min(0).max(7, { error: 'decimals must be an integer within [0, 7]' }).default(5),
});

/** Options every adapter shares: the HTTP client's (retry policy, concurrency, spacing, size limit, headers) and the cache. */
export const AdapterCommonSchema = z.strictObject({
  ...HttpClientOptionsSchema.omit({ name: true, secrets: true }).shape,
  baseUrl: z.url({ error: 'baseUrl must be an http(s) URL' }),
  cache: z
    .union([z.boolean(), PairCacheOptionsSchema])
    .optional()
    .transform((c) => (c === true ? PairCacheOptionsSchema.parse({}) : c === false ? undefined : c)),
});

/** Functions an adapter passes on to its HTTP client (no schema checks functions). */
export interface AdapterHooks {
  /** The fetch to use (default: the global `fetch`). */
  fetch?: typeof fetch;
  /** Called before each wait between attempts: `{ attempt, delayMs, reason, request }`, the key masked. */
  onRetry?: (event: RetryEvent & { request: string }) => void;
}

/** The common adapter options as a host writes them (see each adapter for its own fields). */
export type AdapterCommonOptions = z.input<typeof AdapterCommonSchema> & AdapterHooks;

/** `baseUrl` without its trailing slashes, so paths can be appended. */
export function trimBaseUrl(url: string): string {
  return url.replace(/\/+$/, '');
}
