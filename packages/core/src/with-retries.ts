import * as z from 'zod';
import { BeatplanError, type BeatplanErrorCode, type BeatplanIssue, isBeatplanError } from './beatplan-error.js';
import { seededRandom } from './internal/shared/seeded-random.js';
import { issueReason, type ReasonedMessage } from './issue-reason.js';

/**
 * The retry policy shared by every remote call of beatplan (positioning providers, the HTTP client,
 * the road-service adapters). The only place of its defaults:
 *
 * | field | default | meaning |
 * | --- | --- | --- |
 * | `timeoutMs` | 5000 | per attempt, ms (a queue wait for a concurrency slot is not counted) |
 * | `retries` | 2 | further attempts after the first (so 3 attempts); at most 20 |
 * | `baseDelayMs`, `maxDelayMs` | 250, 4000 | back-off before retry k: `min(maxDelayMs, baseDelayMs · 2^k)` … |
 * | `jitter` | 0.5 | … `· (1 − jitter + jitter · u)`, u uniform in [0, 1) from `seed` (mulberry32) or `Math.random` |
 * | `seed` | none | an integer: the jitter becomes reproducible (tests); none = `Math.random` |
 * | `maxRetryAfterMs` | 60000 | a `Retry-After` longer than this ends the retries at once (PROVIDER_UNAVAILABLE) |
 *
 * @example
 * RetryPolicySchema.parse({}); // { timeoutMs: 5000, retries: 2, baseDelayMs: 250, maxDelayMs: 4000, jitter: 0.5, maxRetryAfterMs: 60000 }
 */
export const RetryPolicySchema = z.object({
  timeoutMs: z.number().int().positive({ error: 'timeoutMs must be a positive integer of ms' }).default(5000),
  retries: z
    .number()
    .int({ error: 'retries must be an integer ≥ 0' })
    .min(0, { error: 'retries must be an integer ≥ 0' })
    .max(20, { error: 'retries must be at most 20' })
    .default(2),
  baseDelayMs: z.number().min(0, { error: 'baseDelayMs must be ≥ 0 ms' }).default(250),
  maxDelayMs: z.number().min(0, { error: 'maxDelayMs must be ≥ 0 ms' }).default(4000),
  jitter: z
    .number()
    .min(0, { error: 'jitter must be within [0, 1]' })
    .max(1, { error: 'jitter must be within [0, 1]' })
    .default(0.5),
  seed: z.number().int({ error: 'seed must be an integer' }).optional(),
  maxRetryAfterMs: z.number().min(0, { error: 'maxRetryAfterMs must be ≥ 0 ms' }).default(60_000),
});

/** A parsed retry policy (every default applied), see {@link RetryPolicySchema}. */
export type RetryPolicy = z.output<typeof RetryPolicySchema>;
/** Retry policy options as a caller writes them (all optional), see {@link RetryPolicySchema}. */
export type RetryPolicyInput = z.input<typeof RetryPolicySchema>;

/** How {@link withRetries} should treat a failed attempt. */
export interface AttemptVerdict {
  /** Whether another attempt may follow. When false, `error` (or the thrown value) is rethrown at once. */
  retry: boolean;
  /** One line for the attempt's issue, without secrets (`HTTP 503`, `ECONNRESET`). */
  message: string;
  /** The server asked to wait this long before the next attempt (`Retry-After`), ms. */
  retryAfterMs?: number;
  /** For `retry: false`: the error to throw instead of the value that was thrown. */
  error?: unknown;
}

/** One retry, reported to `onRetry` before its wait. */
export interface RetryEvent {
  /** The 0-based attempt that failed. */
  attempt: number;
  /** The wait before the next attempt, ms (back-off, or the server's `Retry-After` when longer). */
  delayMs: number;
  /** Why the attempt failed (the verdict's message, or `no answer in … ms`). */
  reason: string;
}

/** Options of {@link withRetries}. */
export interface WithRetriesOptions {
  /** The parsed policy (see {@link RetryPolicySchema}). */
  policy: RetryPolicy;
  /** What is being asked, for error messages: `name`, and the `path`/`value` of the first issue. */
  subject: { name: string; path?: (string | number)[]; value?: unknown };
  /** Decides on a thrown value. Default: everything may be retried, message = its `message`. */
  classify?: (error: unknown) => AttemptVerdict;
  /** The caller's signal: ABORTED at once when it fires (during an attempt, a wait or a queue). */
  signal?: AbortSignal | undefined;
  /** The jitter source (overrides `policy.seed`). */
  random?: () => number;
  /** Waits before an attempt for a slot (a concurrency limit); resolves with its release function. Not timed. */
  acquire?: (signal: AbortSignal | undefined) => Promise<() => void>;
  /** Called before each wait between attempts (for logs and tests; never given secrets). */
  onRetry?: (event: RetryEvent) => void;
}

const TIMED_OUT = Symbol('timed out');

/**
 * The ABORTED error for a fired signal (with the signal's reason as `cause`).
 *
 * @param signal - the signal that fired.
 * @returns a `BeatplanError` of code `ABORTED`.
 * @throws never.
 * @example
 * const ctrl = new AbortController();
 * ctrl.abort(new Error('user left'));
 * abortedError(ctrl.signal).code; // 'ABORTED'
 */
export function abortedError(signal: AbortSignal): BeatplanError {
  return new BeatplanError('ABORTED', [{ path: [], ...issueReason('core.aborted') }], { cause: signal.reason });
}

/**
 * Throws {@link abortedError} when the signal has fired: the one way beatplan checks a signal between
 * chunks of work (travel-cost matrices, extract parsing, route searches in JS).
 *
 * @param signal - the caller's signal, if any.
 * @throws {BeatplanError} `ABORTED` (with the signal's reason as `cause`).
 * @example
 * throwIfAborted(undefined); // fine
 * const ctrl = new AbortController();
 * ctrl.abort();
 * try {
 *   throwIfAborted(ctrl.signal);
 * } catch (e) {
 *   isBeatplanError(e, 'ABORTED'); // true
 * }
 */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortedError(signal);
}

/**
 * Waits `ms` with the global (fake-timer-friendly) `setTimeout`; rejects ABORTED when `signal` fires first.
 *
 * @param ms - the wait, ms.
 * @param signal - the caller's signal, if any.
 * @throws {BeatplanError} `ABORTED` (as a rejection).
 * @example
 * await sleepMs(10, undefined);
 */
export function sleepMs(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortedError(signal));
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      if (signal) reject(abortedError(signal));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * The back-off before retry `k` (0-based): `min(maxDelayMs, baseDelayMs · 2^k) · (1 − jitter + jitter · u)`.
 *
 * @param policy - the parsed policy.
 * @param k - the number of the failed attempt (0 for the first).
 * @param u - a uniform number in [0, 1).
 * @returns the wait, ms.
 * @throws never.
 * @example
 * backoffDelayMs(RetryPolicySchema.parse({ baseDelayMs: 200 }), 1, 0); // 200 (400 · 0.5)
 */
export function backoffDelayMs(policy: RetryPolicy, k: number, u: number): number {
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** k) * (1 - policy.jitter + policy.jitter * u);
}

const defaultClassify = (error: unknown): AttemptVerdict => ({
  retry: true,
  message: error instanceof Error ? error.message : String(error),
});

/**
 * Runs `attempt` with a per-attempt timeout, retries with exponential back-off and jitter, honours a
 * server's `Retry-After` (via the verdict), and fails with one clear error naming the subject.
 *
 * Each attempt gets its own AbortSignal, fired on timeout or when the caller's signal fires; the attempt
 * is abandoned then even if it ignores its signal.
 *
 * @param attempt - `(k, signal) => Promise<T>`, k the 0-based attempt number.
 * @param options - see {@link WithRetriesOptions}.
 * @returns the first attempt's value that resolves.
 * @throws {BeatplanError} `PROVIDER_TIMEOUT` when every attempt timed out; `PROVIDER_UNAVAILABLE` when the
 *   attempts are used up and one failed otherwise, or a `Retry-After` exceeds `maxRetryAfterMs` (first issue
 *   names the subject, then one issue per attempt; `cause` = the last error); `ABORTED` when the caller's
 *   signal fires; a non-retryable failure as its verdict says.
 * @example
 * const policy = RetryPolicySchema.parse({ retries: 1, seed: 1 });
 * const v = await withRetries(async () => 42, { policy, subject: { name: 'answer service' } }); // 42
 */
export async function withRetries<T>(
  attempt: (k: number, signal: AbortSignal) => Promise<T>,
  options: WithRetriesOptions,
): Promise<T> {
  const { policy, subject, signal } = options;
  const classify = options.classify ?? defaultClassify;
  const random = options.random ?? (policy.seed !== undefined ? seededRandom(policy.seed) : Math.random);
  const failures: BeatplanIssue[] = [];
  let last: unknown;
  let allTimedOut = true;
  for (let k = 0; k <= policy.retries; k++) {
    if (signal?.aborted) throw abortedError(signal);
    let verdict: AttemptVerdict;
    let timedOut = false;
    try {
      return await runAttempt(attempt, k, policy.timeoutMs, signal, options.acquire);
    } catch (e) {
      if (signal?.aborted) throw abortedError(signal);
      if (isBeatplanError(e, 'ABORTED')) throw e;
      if (e === TIMED_OUT) {
        timedOut = true;
        verdict = { retry: true, message: issueReason('core.no_answer_in', { ms: policy.timeoutMs }).message };
      } else {
        verdict = classify(e);
        if (!verdict.retry) throw verdict.error ?? e;
        allTimedOut = false;
        last = e;
      }
    }
    failures.push({ path: ['attempts', k], ...attemptReason(verdict, timedOut, policy.timeoutMs) });
    if (k === policy.retries) break;
    let delayMs = backoffDelayMs(policy, k, random());
    if (verdict.retryAfterMs !== undefined) {
      if (verdict.retryAfterMs > policy.maxRetryAfterMs) {
        const waitS = Math.ceil(verdict.retryAfterMs / 1000);
        const why = issueReason('core.retry_after_too_long', {
          name: subject.name,
          waitS,
          maxMs: policy.maxRetryAfterMs,
        });
        throw finalError('PROVIDER_UNAVAILABLE', subject, why, failures, last);
      }
      delayMs = Math.max(delayMs, verdict.retryAfterMs);
    }
    options.onRetry?.({ attempt: k, delayMs, reason: verdict.message });
    await sleepMs(delayMs, signal);
  }
  const attempts = policy.retries + 1;
  if (allTimedOut) {
    const why = issueReason('core.no_answer_after', { name: subject.name, ms: policy.timeoutMs, attempts });
    throw finalError('PROVIDER_TIMEOUT', subject, why, failures, undefined);
  }
  const why = issueReason('core.unavailable_after', { name: subject.name, attempts });
  throw finalError('PROVIDER_UNAVAILABLE', subject, why, failures, last);
}

/** An attempt's issue: `no answer in … ms` when it timed out, else `failed: <the verdict's message>`. */
function attemptReason(verdict: AttemptVerdict, timedOut: boolean, timeoutMs: number): ReasonedMessage {
  return timedOut || verdict.message.startsWith('no answer in ')
    ? issueReason('core.no_answer_in', { ms: timeoutMs })
    : issueReason('core.attempt_failed', { detail: verdict.message });
}

function finalError(
  code: BeatplanErrorCode,
  subject: WithRetriesOptions['subject'],
  why: ReasonedMessage,
  failures: BeatplanIssue[],
  cause: unknown,
): BeatplanError {
  const head: BeatplanIssue = { path: subject.path ?? [], ...why };
  if ('value' in subject) head.value = subject.value;
  return new BeatplanError(code, [head, ...failures], cause === undefined ? {} : { cause });
}

async function runAttempt<T>(
  attempt: (k: number, signal: AbortSignal) => Promise<T>,
  k: number,
  timeoutMs: number,
  outer: AbortSignal | undefined,
  acquire: WithRetriesOptions['acquire'],
): Promise<T> {
  const release = acquire ? await acquire(outer) : undefined;
  try {
    // the caller may have aborted while this attempt waited for its slot: an 'abort' listener added
    // now would never fire
    if (outer?.aborted) throw abortedError(outer);
    return await new Promise<T>((resolve, reject) => {
      const ctrl = new AbortController();
      const onAbort = () => {
        cleanup();
        ctrl.abort(outer?.reason);
        if (outer) reject(abortedError(outer));
      };
      const timer = setTimeout(() => {
        cleanup();
        ctrl.abort(new Error(`no answer in ${timeoutMs} ms`));
        reject(TIMED_OUT);
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        outer?.removeEventListener('abort', onAbort);
      };
      outer?.addEventListener('abort', onAbort, { once: true });
      Promise.resolve()
        .then(() => attempt(k, ctrl.signal))
        .then(
          (v) => {
            cleanup();
            resolve(v);
          },
          (e: unknown) => {
            cleanup();
            reject(e);
          },
        );
    });
  } finally {
    release?.();
  }
}
