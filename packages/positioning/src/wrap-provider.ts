import {
  BeatplanError,
  fromZodError,
  FixSourceSchema,
  isBeatplanError,
  RetryPolicySchema,
  withRetries,
  type AttemptVerdict,
  type BeatplanErrorCode,
  type FixSource,
  type PositionFix,
  type RetryPolicyInput,
  issueReason,
  customReason,
} from '@beatplan/core';
import * as z from 'zod';
import { ProviderEstimateSchema as InternalProviderEstimateSchema, toProviderFix } from './internal/provider-fix.js';

/**
 * A positioning service a host can ask (a carrier's cell-location web service, a WiFi location API,
 * the device itself). `locate` must stop work when `signal` fires, and resolve with an answer that
 * {@link ProviderEstimateSchema} accepts; it may throw anything on failure (a network error, an HTTP
 * status) — `wrapProvider` decides what to retry.
 */
export interface PositionProvider<TRequest = unknown> {
  /** Shown in error messages. */
  readonly name?: string;
  locate(request: TRequest, context: { signal: AbortSignal }): Promise<unknown>;
}

/**
 * What a provider must answer: a position fix in which `source` (default: the wrapper's `source`)
 * and `at` (default: the time of the answer) may be left out. Strict: unknown fields are errors.
 *
 * @example
 * ProviderEstimateSchema.parse({ lng: 116.4, lat: 39.9, accuracyM: 800 });
 */
export const ProviderEstimateSchema = InternalProviderEstimateSchema;

/** A provider's answer as accepted, see {@link ProviderEstimateSchema}. */
export type ProviderEstimate = z.input<typeof ProviderEstimateSchema>;

const fn = (name: string) =>
  z.custom<(...args: never[]) => unknown>(
    (v) => typeof v === 'function',
    customReason('positioning.must_be_function', { name }),
  );

const WrapOptionsSchema = z.strictObject({
  ...RetryPolicySchema.shape,
  random: fn('random').optional(),
  now: fn('now').optional(),
  isRetryable: fn('isRetryable').optional(),
  source: FixSourceSchema.optional(),
});

/**
 * Options of {@link wrapProvider}: the retry policy of core's `RetryPolicySchema` (the one set of
 * defaults for every remote call of beatplan) and:
 * - `timeoutMs`: per attempt, ms (default 5000);
 * - `retries`: further attempts after the first (default 2, so 3 attempts; at most 20);
 * - `baseDelayMs` (default 250), `maxDelayMs` (default 4000), `jitter` in [0, 1] (default 0.5): the
 *   wait before retry k (k = 0, 1, …) is `min(maxDelayMs, baseDelayMs · 2^k) · (1 − jitter + jitter · u)`,
 *   u uniform in [0, 1) from the random source;
 * - `random` (a function returning [0, 1)) or `seed` (an integer for the built-in mulberry32 PRNG);
 *   default `Math.random` (different clients should not retry in lock-step);
 * - `maxRetryAfterMs`: unused here (providers give no `Retry-After`), accepted for one policy shape;
 * - `now`: clock for answers without `at`, epoch ms (default `Date.now`);
 * - `source`: the source of answers without one (default `'cell'`);
 * - `isRetryable(error)`: whether a failed attempt may be retried. Default: everything except a
 *   BeatplanError with code INVALID_INPUT, UNSUPPORTED_CRS, NO_POSITION, PERMISSION_DENIED or
 *   PROVIDER_RESPONSE_INVALID, which are rethrown at once.
 */
export interface WrapProviderOptions extends RetryPolicyInput {
  random?: () => number;
  now?: () => number;
  source?: FixSource;
  isRetryable?: (error: unknown) => boolean;
}

/** A provider with timeouts, retries and validated, normalised answers. */
export interface ResilientProvider<TRequest> {
  readonly name: string;
  /** Asks the provider; resolves with a fix at 95 % accuracy. See {@link wrapProvider} for the errors. */
  locate(request: TRequest, context?: { signal?: AbortSignal }): Promise<PositionFix>;
}

const FINAL: readonly BeatplanErrorCode[] = [
  'INVALID_INPUT',
  'UNSUPPORTED_CRS',
  'NO_POSITION',
  'PERMISSION_DENIED',
  'PROVIDER_RESPONSE_INVALID',
];
const defaultRetryable = (e: unknown) => !(isBeatplanError(e) && FINAL.includes(e.code));

/**
 * Wraps a {@link PositionProvider} with a per-attempt timeout, retries with exponential back-off and
 * jitter, validation of the answer, and one clear error when it all fails.
 *
 * Each attempt gets its own AbortSignal, fired on timeout or when the caller's signal fires. The
 * answer is validated with {@link ProviderEstimateSchema} and returned as a `PositionFix` with
 * `accuracyM` at 95 % (`accuracyConfidence: 0.95`; an answer without `accuracyConfidence` is read at
 * core's default level for its source, 0.68).
 *
 * @param provider - the provider to wrap.
 * @param options - see {@link WrapProviderOptions}.
 * @returns `{ name, locate(request, { signal? }) }`.
 * @throws {BeatplanError} here: `INVALID_INPUT` for bad options. From `locate` (rejections):
 *   `PROVIDER_TIMEOUT` when every attempt timed out; `PROVIDER_UNAVAILABLE` when the attempts are used
 *   up and at least one failed otherwise (`issues` list each attempt's failure, `cause` the last
 *   error); `PROVIDER_RESPONSE_INVALID` for an answer that is not an estimate (not retried; `issues`
 *   say which field); `ABORTED` when the caller's signal fires; a non-retryable error unchanged.
 * @example
 * // not run: calls a positioning web service
 * const carrier = wrapProvider(
 *   { name: 'carrier', locate: async (req: { cellId: number }, { signal }) => (await fetch(`https://lbs.example/cell/${req.cellId}`, { signal })).json() },
 *   { timeoutMs: 3000, retries: 2, seed: 42 },
 * );
 * const fix = await carrier.locate({ cellId: 26543821 }); // { lng, lat, accuracyM (95 %), accuracyConfidence: 0.95, source: 'cell', at }
 */
export function wrapProvider<TRequest>(
  provider: PositionProvider<TRequest>,
  options: WrapProviderOptions = {},
): ResilientProvider<TRequest> {
  const o = parseOptions(options);
  if (provider === null || typeof provider !== 'object' || typeof provider.locate !== 'function') {
    throw new BeatplanError('INVALID_INPUT', [
      { path: ['provider', 'locate'], ...issueReason('positioning.provider_locate') },
    ]);
  }
  const name = provider.name ?? 'provider';
  const now = options.now ?? Date.now;
  const retryable = options.isRetryable ?? defaultRetryable;
  const classify = (e: unknown): AttemptVerdict => ({
    retry: retryable(e),
    message: e instanceof Error ? e.message : String(e),
  });

  return {
    name,
    async locate(request, context = {}) {
      const answer = await withRetries((_k, signal) => Promise.resolve(provider.locate(request, { signal })), {
        policy: o,
        subject: { name },
        classify,
        signal: context.signal,
        ...(options.random ? { random: options.random } : {}),
      });
      return toProviderFix(answer, name, o.source ?? 'cell', now);
    },
  };
}

function parseOptions(options: WrapProviderOptions): z.output<typeof WrapOptionsSchema> {
  const r = WrapOptionsSchema.safeParse(options, { reportInput: true });
  if (!r.success)
    throw new BeatplanError('INVALID_INPUT', fromZodError(r.error, ['options'], options), { cause: r.error });
  return r.data;
}
