import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  BeatplanError,
  backoffDelayMs,
  checkHttpStatus,
  createHttpClient,
  type RetryEvent,
  RetryPolicySchema,
} from '@beatplan/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rejected as failure } from '../test/helpers.js';

type Handler = (req: IncomingMessage, res: ServerResponse, n: number) => void;

/** A server on 127.0.0.1 (random port) whose answer to the n-th request of a path comes from a handler. */
let server: Server;
let base = '';
const handlers = new Map<string, Handler>();
const counts = new Map<string, number>();
let inFlight = 0;
let maxInFlight = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const n = (counts.get(path) ?? 0) + 1;
    counts.set(path, n);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    res.on('close', () => inFlight--);
    const h = handlers.get(path);
    if (h) h(req, res, n);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) =>
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));

describe('createHttpClient', () => {
  it('returns the parsed answer and keeps at most maxConcurrent requests in flight', async () => {
    handlers.set('/ok', (_req, res) => setTimeout(() => json(res, 200, { ok: true }), 20));
    maxInFlight = 0;
    const http = createHttpClient({ name: 'svc', maxConcurrent: 2, seed: 1 });
    const answers = await Promise.all(Array.from({ length: 6 }, () => http.requestJson({ url: `${base}/ok` })));
    expect(answers.map((a) => a.body)).toEqual(Array(6).fill({ ok: true }));
    expect(maxInFlight).toBe(2);
  });

  it('retries a 503 with back-off and jitter from the seed; the same seed gives the same waits', async () => {
    const waits = async (seed: number) => {
      handlers.set('/flaky', (_req, res, n) => (n % 3 === 0 ? json(res, 200, { n }) : json(res, 503, {})));
      const events: RetryEvent[] = [];
      const http = createHttpClient({ name: 'svc', seed, baseDelayMs: 5, onRetry: (e) => events.push(e) });
      const { body } = await http.requestJson({ url: `${base}/flaky` });
      expect(body).toMatchObject({ n: expect.any(Number) });
      return events.map((e) => e.delayMs);
    };
    counts.set('/flaky', 0);
    const a = await waits(7);
    counts.set('/flaky', 0);
    expect(await waits(7)).toEqual(a);
    expect(a).toHaveLength(2);
    counts.set('/flaky', 0);
    expect(await waits(8)).not.toEqual(a);
  });

  it('honours Retry-After in seconds on a 429 (waits at least that long)', async () => {
    handlers.set('/busy', (_req, res, n) =>
      n === 1 ? json(res, 429, {}, { 'retry-after': '1' }) : json(res, 200, {}),
    );
    const events: RetryEvent[] = [];
    const http = createHttpClient({ name: 'svc', seed: 1, baseDelayMs: 1, onRetry: (e) => events.push(e) });
    await http.request({ url: `${base}/busy` });
    expect(events.map((e) => [e.delayMs, e.reason])).toEqual([[1000, 'HTTP 429: {}']]);
  });

  it('reads Retry-After as an HTTP date too', () => {
    const now = Date.parse('2026-12-06T10:00:00Z');
    const res = { status: 503, text: '', headers: new Headers({ 'retry-after': 'Sun, 06 Dec 2026 10:00:30 GMT' }) };
    expect(checkHttpStatus(res, now)).toEqual({ retry: true, message: 'HTTP 503', retryAfterMs: 30_000 });
    expect(checkHttpStatus({ ...res, headers: new Headers({ 'retry-after': 'soon' }) }, now)).toEqual({
      retry: true,
      message: 'HTTP 503',
    });
    expect(checkHttpStatus({ ...res, status: 204 }, now)).toBeUndefined();
    expect(checkHttpStatus({ ...res, status: 404, text: 'no such path' }, now)).toEqual({
      retry: false,
      message: 'HTTP 404: no such path',
    });
  });

  it('a Retry-After beyond maxRetryAfterMs ends the retries at once (PROVIDER_UNAVAILABLE)', async () => {
    handlers.set('/later', (_req, res) => json(res, 429, {}, { 'retry-after': '3600' }));
    counts.set('/later', 0);
    const e = await failure(
      createHttpClient({ name: 'svc', seed: 1 }).request({ url: `${base}/later`, label: 'svc table' }),
    );
    expect(e.code).toBe('PROVIDER_UNAVAILABLE');
    expect(e.issues[0]?.message).toBe('svc table asked to retry after 3600 s, more than maxRetryAfterMs 60000 ms');
    expect(counts.get('/later')).toBe(1);
  });

  it('PROVIDER_TIMEOUT when every attempt is too slow, naming the request', async () => {
    handlers.set('/slow', (_req, res) => setTimeout(() => json(res, 200, {}), 2000));
    const e = await failure(
      createHttpClient({ name: 'svc', timeoutMs: 100, retries: 1, baseDelayMs: 1, seed: 1 }).request({
        url: `${base}/slow`,
        label: 'svc block 2 of 5',
      }),
    );
    expect(e.code).toBe('PROVIDER_TIMEOUT');
    expect(e.issues.map((i) => i.message)).toEqual([
      'svc block 2 of 5 did not answer in 100 ms (2 attempts)',
      'no answer in 100 ms',
      'no answer in 100 ms',
    ]);
    expect(e.issues[0]).toMatchObject({ path: ['request'], value: `GET ${base}/slow` });
  });

  it('a 400 is refused at once, with the body excerpt; the key never shows', async () => {
    handlers.set('/bad', (req, res) =>
      json(res, 400, { message: `bad key ${new URL(req.url ?? '', base).searchParams.get('key')}` }),
    );
    counts.set('/bad', 0);
    const http = createHttpClient({ name: 'svc', secrets: ['S3CRET-kéy'], seed: 1 });
    const e = await failure(http.request({ url: `${base}/bad?point=1,2&key=${encodeURIComponent('S3CRET-kéy')}` }));
    expect(counts.get('/bad')).toBe(1);
    expect(e.code).toBe('PROVIDER_UNAVAILABLE');
    expect(e.value).toBe(`GET ${base}/bad?point=1,2&key=***`);
    expect(e.message).toContain('svc GET request was refused: HTTP 400: {"message":"bad key ***"}');
    expect(JSON.stringify({ m: e.message, i: e.issues })).not.toContain('S3CRET');
  });

  it('PROVIDER_UNAVAILABLE after the retries when nothing listens (ECONNREFUSED in the issues)', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const e = await failure(
      createHttpClient({ name: 'svc', retries: 1, baseDelayMs: 1, seed: 1 }).request({
        url: `http://127.0.0.1:${port}/x`,
      }),
    );
    expect(e.code).toBe('PROVIDER_UNAVAILABLE');
    expect(e.issues.slice(1).map((i) => i.message)).toEqual([
      'failed: fetch failed (ECONNREFUSED)',
      'failed: fetch failed (ECONNREFUSED)',
    ]);
  });

  it('ABORTED when the caller’s signal fires during a back-off wait or an attempt', async () => {
    handlers.set('/down', (_req, res) => json(res, 503, {}));
    const http = createHttpClient({ name: 'svc', baseDelayMs: 10_000, seed: 1 });
    const ctrl = new AbortController();
    const p = failure(http.request({ url: `${base}/down` }, { signal: ctrl.signal }));
    setTimeout(() => ctrl.abort(new Error('user left')), 50);
    expect((await p).code).toBe('ABORTED');
    const ctrl2 = new AbortController();
    const p2 = failure(http.request({ url: `${base}/slow` }, { signal: ctrl2.signal }));
    setTimeout(() => ctrl2.abort(), 50);
    expect((await p2).code).toBe('ABORTED');
    // fired in the same tick, while the request waits for its concurrency slot (a regression: the
    // attempt used to start anyway, its listener added to a signal that had already fired)
    const ctrl3 = new AbortController();
    const p3 = failure(http.request({ url: `${base}/slow` }, { signal: ctrl3.signal }));
    ctrl3.abort();
    expect((await p3).code).toBe('ABORTED');
  });

  it('PROVIDER_RESPONSE_INVALID for a body over maxResponseBytes or one that is not JSON', async () => {
    handlers.set('/big', (_req, res) => res.writeHead(200).end('x'.repeat(5000)));
    handlers.set('/html', (_req, res) => res.writeHead(200).end('<html>maintenance</html>'));
    const http = createHttpClient({ name: 'svc', maxResponseBytes: 1000, seed: 1 });
    const big = await failure(http.request({ url: `${base}/big` }));
    expect(big.code).toBe('PROVIDER_RESPONSE_INVALID');
    expect(big.issues[0]?.message).toMatch(/exceeds maxResponseBytes 1000/);
    const html = await failure(http.requestJson({ url: `${base}/html`, label: 'svc matrix' }));
    expect(html.code).toBe('PROVIDER_RESPONSE_INVALID');
    expect(html.issues[0]?.message).toBe('svc matrix answered with a body that is not JSON: <html>maintenance</html>');
  });

  it('POSTs a body with the client’s and the request’s headers', async () => {
    handlers.set('/echo', (req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => json(res, 200, { body, a: req.headers['x-a'], b: req.headers['x-b'], m: req.method }));
    });
    const http = createHttpClient({ name: 'svc', headers: { 'x-a': '1' }, seed: 1 });
    const { body } = await http.requestJson({
      url: `${base}/echo`,
      method: 'POST',
      body: '{"q":1}',
      headers: { 'x-b': '2' },
    });
    expect(body).toEqual({ body: '{"q":1}', a: '1', b: '2', m: 'POST' });
  });

  it('starts requests at least minIntervalMs apart (a per-second quota)', async () => {
    handlers.set('/tick', (_req, res) => json(res, 200, {}));
    const starts: number[] = [];
    const recordingFetch: typeof fetch = (input, init) => {
      starts.push(Date.now()); // when the client lets the request go (the gate's clock)
      return fetch(input, init);
    };
    const http = createHttpClient({
      name: 'svc',
      minIntervalMs: 100,
      maxConcurrent: 4,
      seed: 1,
      fetch: recordingFetch,
    });
    await Promise.all(Array.from({ length: 4 }, () => http.request({ url: `${base}/tick` })));
    const gaps = starts.slice(1).map((t, i) => t - (starts[i] as number));
    expect(gaps).toHaveLength(3);
    for (const g of gaps) expect(g).toBeGreaterThanOrEqual(95); // the gate spaces its starts by 100 ms; ms rounding
  });

  it('bad options are INVALID_INPUT naming the field', () => {
    expect(() => createHttpClient({ name: 'svc', maxConcurrent: 0 })).toThrow(
      'options.maxConcurrent: maxConcurrent must be an integer ≥ 1, received 0',
    );
  });
});

describe('backoffDelayMs', () => {
  it('lies within [cap · (1 − jitter), cap] for cap = min(maxDelayMs, baseDelayMs · 2^k)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 60_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 20 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (baseDelayMs, maxDelayMs, jitter, k, u) => {
          const policy = RetryPolicySchema.parse({ baseDelayMs, maxDelayMs, jitter });
          const cap = Math.min(maxDelayMs, baseDelayMs * 2 ** k);
          const d = backoffDelayMs(policy, k, u);
          return d >= cap * (1 - jitter) - 1e-9 && d <= cap + 1e-9;
        },
      ),
    );
  });
});
