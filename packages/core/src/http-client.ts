import * as z from 'zod';
import { BeatplanError, type BeatplanErrorCode } from './beatplan-error.js';
import { bodyExcerpt, parseRetryAfterMs, redactText, redactUrl } from './internal/http-text.js';
import { readBodyText } from './internal/read-body-text.js';
import { RequestGate } from './internal/request-gate.js';
import { parseOrThrow } from './parse-or-throw.js';
import { type AttemptVerdict, type RetryEvent, RetryPolicySchema, withRetries } from './with-retries.js';
import { issueReason } from './issue-reason.js';

/**
 * Options of {@link createHttpClient}: the retry policy of {@link RetryPolicySchema} (timeout per
 * attempt, retries, back-off, jitter seed, `maxRetryAfterMs`) and:
 *
 * | field | default | meaning |
 * | --- | --- | --- |
 * | `name` | required | the service, in every error (`'osrm'`, `'amap'`) |
 * | `maxConcurrent` | 4 | requests in flight at once (a request waiting for a slot is not timed) |
 * | `minIntervalMs` | 0 | least spacing between request starts, ms (a service's requests-per-second limit) |
 * | `maxResponseBytes` | 67108864 | a longer body fails with PROVIDER_RESPONSE_INVALID (64 MiB) |
 * | `secrets` | `[]` | strings never shown (API keys): removed from every message; query parameters named like a key (`key`, `ak`, `api_key`, `token`, …) are masked anyway |
 * | `headers` | `{}` | sent with every request |
 *
 * @example
 * HttpClientOptionsSchema.parse({ name: 'osrm' }).maxConcurrent; // 4
 */
export const HttpClientOptionsSchema = z.strictObject({
  ...RetryPolicySchema.shape,
  name: z.string({ error: 'name must be a text' }).min(1, { error: 'name must not be empty' }),
  maxConcurrent: z.number().int().min(1, { error: 'maxConcurrent must be an integer ≥ 1' }).default(4),
  minIntervalMs: z.number().min(0, { error: 'minIntervalMs must be ≥ 0 ms' }).default(0),
  maxResponseBytes: z
    .number()
    .int()
    .min(1, { error: 'maxResponseBytes must be an integer ≥ 1' })
    .default(64 * 2 ** 20),
  secrets: z.array(z.string(), { error: 'secrets must be a list of texts' }).default([]),
  headers: z.record(z.string(), z.string(), { error: 'headers must map names to texts' }).default({}),
});

/** Options of {@link createHttpClient} as written (plus the functions, which no schema checks). */
export type HttpClientOptions = z.input<typeof HttpClientOptionsSchema> & {
  /** The fetch to use (default: the global `fetch`, undici on Node). */
  fetch?: typeof fetch;
  /** The jitter source (overrides `seed`). */
  random?: () => number;
  /** Called before each wait between attempts: `{ attempt, delayMs, reason }` (reason without secrets). */
  onRetry?: (event: RetryEvent & { request: string }) => void;
};

/** One request. */
export interface HttpRequest {
  url: string;
  /** Default `'GET'`. */
  method?: 'GET' | 'POST';
  /** Sent as is (a POST body); pair it with a `content-type` header. */
  body?: string;
  headers?: Record<string, string>;
  /** Names the request in errors, e.g. `'osrm table block 3 of 8'`. Default: `<name> <METHOD> request`. */
  label?: string;
}

/** A response as read: status, headers and the whole body as text. */
export interface HttpResponse {
  status: number;
  headers: Headers;
  text: string;
}

/** A response that is a failure: whether to try again (and when), and why. */
export interface HttpFailure {
  retry: boolean;
  /** One line, e.g. `HTTP 400 InvalidQuery: Query string malformed close to position 28`. */
  message: string;
  /** Wait at least this long before the next attempt, ms (from `Retry-After` or the service's own header). */
  retryAfterMs?: number;
  /** For `retry: false`: the error code (default `PROVIDER_UNAVAILABLE`). */
  code?: BeatplanErrorCode;
}

/** Per-call options of {@link HttpClient.request}. */
export interface HttpCallOptions {
  signal?: AbortSignal | undefined;
  /** Says which responses are failures (default {@link checkHttpStatus}); undefined = a good answer. */
  check?: (response: HttpResponse) => HttpFailure | undefined;
}

/** A client made by {@link createHttpClient}. */
export interface HttpClient {
  readonly name: string;
  /** Sends the request (retrying as the policy says); resolves with the first good response. */
  request(request: HttpRequest, options?: HttpCallOptions): Promise<HttpResponse>;
  /** The same, and parses the body as JSON (`PROVIDER_RESPONSE_INVALID` when it is not). */
  requestJson(request: HttpRequest, options?: HttpCallOptions): Promise<{ response: HttpResponse; body: unknown }>;
  /** Removes the client's secrets from a text (for adapters' own messages). */
  redact(text: string): string;
}

/** Statuses worth another attempt: timeouts, too early/too many, and the transient 5xx. */
const RETRY_STATUSES: ReadonlySet<number> = new Set([408, 425, 429, 500, 502, 503, 504]);

/**
 * The default verdict on a response: 2xx is good; 408, 425, 429, 500, 502, 503 and 504 may be retried
 * (honouring `Retry-After`, seconds or an HTTP date); any other status is refused at once.
 *
 * @param response - the response.
 * @param now - clock for an HTTP-date `Retry-After`, epoch ms. Default `Date.now()`.
 * @returns undefined for a good response, else the failure.
 * @throws never.
 * @example
 * checkHttpStatus({ status: 429, headers: new Headers({ 'retry-after': '2' }), text: '' });
 * // { retry: true, message: 'HTTP 429', retryAfterMs: 2000 }
 */
export function checkHttpStatus(response: HttpResponse, now: number = Date.now()): HttpFailure | undefined {
  const { status } = response;
  if (status >= 200 && status < 300) return undefined;
  const excerpt = bodyExcerpt(response.text, []);
  const message = excerpt ? `HTTP ${status}: ${excerpt}` : `HTTP ${status}`;
  if (!RETRY_STATUSES.has(status)) return { retry: false, message };
  const retryAfterMs = parseRetryAfterMs(response.headers.get('retry-after'), now);
  return retryAfterMs === undefined ? { retry: true, message } : { retry: true, message, retryAfterMs };
}

/** A failure found by a check, carried out of an attempt to the retry loop. */
class FailedResponse extends Error {
  constructor(readonly failure: HttpFailure) {
    super(failure.message);
  }
}

/**
 * Makes the one HTTP client of beatplan (positioning's provider adapters and the road-service adapters
 * use it): a timeout per attempt, a concurrency limit and optional request spacing, retries with
 * exponential back-off and seeded jitter, `Retry-After` (seconds or HTTP date) honoured on 429/503,
 * AbortSignal, a response size limit, and typed errors that name the failed request without its secrets.
 * Works wherever `fetch` exists (Node 20's undici, browsers).
 *
 * @param options - see {@link HttpClientOptionsSchema}; `fetch`, `random`, `onRetry` beside it.
 * @returns `{ name, request, requestJson, redact }`.
 * @throws {BeatplanError} here: `INVALID_INPUT` for bad options. From `request` (rejections):
 *   `PROVIDER_TIMEOUT` (every attempt timed out), `PROVIDER_UNAVAILABLE` (attempts used up, a refused
 *   request, or a `Retry-After` beyond `maxRetryAfterMs`), `PROVIDER_RESPONSE_INVALID` (a body over
 *   `maxResponseBytes`; from `requestJson` also a body that is not JSON), `ABORTED`. The first issue has
 *   path `['request']` and the request line (`GET https://…?key=***`) as value; one issue per attempt follows.
 * @example
 * // not run: calls an OSRM server
 * const http = createHttpClient({ name: 'osrm', timeoutMs: 10_000, retries: 3, maxConcurrent: 2, seed: 1 });
 * const { body } = await http.requestJson({ url: 'http://127.0.0.1:5000/table/v1/driving/13.38,52.51;13.39,52.52' });
 */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const { fetch: fetchFn, random, onRetry, ...rest } = options;
  const o = parseOrThrow(HttpClientOptionsSchema, rest, ['options']);
  const doFetch = fetchFn ?? globalThis.fetch;
  const gate = new RequestGate(o.maxConcurrent, o.minIntervalMs);
  const redact = (text: string) => redactText(text, o.secrets);

  const request = async (req: HttpRequest, call: HttpCallOptions = {}): Promise<HttpResponse> => {
    const method = req.method ?? 'GET';
    const line = `${method} ${redactUrl(req.url, o.secrets)}`;
    const name = req.label ?? `${o.name} ${method} request`;
    const check = call.check ?? ((r: HttpResponse) => checkHttpStatus(r));
    const attempt = async (_k: number, signal: AbortSignal): Promise<HttpResponse> => {
      const init: RequestInit = { method, headers: { ...o.headers, ...req.headers }, signal };
      if (req.body !== undefined) init.body = req.body;
      const res = await doFetch(req.url, init);
      const text = await readBodyText(res, o.maxResponseBytes, line);
      const response = { status: res.status, headers: res.headers, text };
      const failure = check(response);
      if (failure) throw new FailedResponse({ ...failure, message: redact(failure.message) });
      return response;
    };
    const classify = (e: unknown): AttemptVerdict => {
      if (e instanceof FailedResponse) {
        const f = e.failure;
        if (f.retry)
          return f.retryAfterMs === undefined ? f : { retry: true, message: f.message, retryAfterMs: f.retryAfterMs };
        const error = new BeatplanError(f.code ?? 'PROVIDER_UNAVAILABLE', [
          { path: ['request'], value: line, ...issueReason('core.request_refused', { name, detail: f.message }) },
        ]);
        return { retry: false, message: f.message, error };
      }
      if (e instanceof BeatplanError) return { retry: false, message: e.message };
      return { retry: true, message: redact(describeNetworkError(e)) };
    };
    return withRetries(attempt, {
      policy: o,
      subject: { name, path: ['request'], value: line },
      classify,
      signal: call.signal,
      acquire: (signal) => gate.acquire(signal),
      ...(random ? { random } : {}),
      ...(onRetry ? { onRetry: (event: RetryEvent) => onRetry({ ...event, request: line }) } : {}),
    });
  };

  return {
    name: o.name,
    request,
    async requestJson(req, call) {
      const response = await request(req, call);
      try {
        return { response, body: JSON.parse(response.text) as unknown };
      } catch (e) {
        const line = `${req.method ?? 'GET'} ${redactUrl(req.url, o.secrets)}`;
        throw new BeatplanError(
          'PROVIDER_RESPONSE_INVALID',
          [
            {
              path: ['request'],
              ...issueReason('core.body_not_json', {
                name: req.label ?? o.name,
                excerpt: bodyExcerpt(response.text, o.secrets),
              }),
              value: line,
            },
          ],
          { cause: e },
        );
      }
    },
    redact,
  };
}

/** `fetch failed (ECONNREFUSED)`: undici hides the reason in `cause`. */
function describeNetworkError(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  const cause = (e as { cause?: unknown }).cause;
  const code = cause && typeof cause === 'object' && 'code' in cause ? String((cause as { code: unknown }).code) : '';
  return code ? `${e.message} (${code})` : e.message;
}
