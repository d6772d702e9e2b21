import { BeatplanError } from '@beatplan/core';
import { wrapProvider, type PositionProvider } from '@beatplan/positioning';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { thrown } from '../test/helpers.js';

const ANSWER = { lng: 116.4, lat: 39.9, accuracyM: 500 };
const NOW = 1740963600000;

/** A fake provider answering from a script: a value, an Error to throw, or 'hang' (never settles, until aborted). */
function fake(script: (unknown | Error | 'hang')[]) {
  const calls: { at: number; signal: AbortSignal }[] = [];
  const provider: PositionProvider<{ cellId: number }> = {
    name: 'fake-carrier',
    locate(_request, { signal }) {
      calls.push({ at: Date.now(), signal });
      const step = script[Math.min(calls.length - 1, script.length - 1)];
      if (step === 'hang') return new Promise(() => {});
      if (step instanceof Error) return Promise.reject(step);
      return Promise.resolve(step);
    },
  };
  return { provider, calls };
}

/** Starts a call and captures its outcome so that no rejection goes unhandled while timers advance. */
function start<T>(p: Promise<T>): { outcome: Promise<{ ok: true; value: T } | { ok: false; error: BeatplanError }> } {
  return {
    outcome: p.then(
      (value) => ({ ok: true as const, value }),
      (error: BeatplanError) => ({ ok: false as const, error }),
    ),
  };
}

describe('wrapProvider', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(NOW);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('returns the first good answer as a normalised fix (68 % assumed → 95 %, source cell, at = now)', async () => {
    const { provider, calls } = fake([ANSWER]);
    const fix = await wrapProvider(provider, { now: () => NOW }).locate({ cellId: 1 });
    expect(calls).toHaveLength(1);
    expect(fix).toMatchObject({ lng: 116.4, lat: 39.9, source: 'cell', at: NOW, accuracyConfidence: 0.95 });
    expect(fix.accuracyM).toBeCloseTo(500 * 1.6215, 1);
    const own = await wrapProvider(
      fake([{ ...ANSWER, accuracyConfidence: 0.95, source: 'wifi', at: '2025-03-03T08:00:00Z' }]).provider,
    ).locate({ cellId: 1 });
    expect(own).toMatchObject({ accuracyM: 500, source: 'wifi', at: Date.parse('2025-03-03T08:00:00Z') });
  });

  it('retries after failures with exponential back-off and jitter from the injected random source', async () => {
    const { provider, calls } = fake([new Error('HTTP 503'), new Error('ECONNRESET'), ANSWER]);
    const run = start(wrapProvider(provider, { random: () => 0, baseDelayMs: 200, jitter: 0.5 }).locate({ cellId: 1 }));
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(99); // first wait: 200 · 2^0 · (1 − 0.5 + 0.5 · 0) = 100 ms
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(200); // second wait: 200 · 2 · 0.5 = 200 ms
    expect(calls.map((c) => c.at - NOW)).toEqual([0, 100, 300]);
    expect((await run.outcome).ok).toBe(true);
  });

  it('the same seed gives the same back-off delays; the delay is capped at maxDelayMs', async () => {
    const delays = async (seed: number) => {
      vi.setSystemTime(NOW);
      const { provider, calls } = fake([new Error('down')]);
      const run = start(
        wrapProvider(provider, { seed, retries: 4, baseDelayMs: 1000, maxDelayMs: 3000 }).locate({ cellId: 1 }),
      );
      await vi.advanceTimersByTimeAsync(60_000);
      await run.outcome;
      return calls.map((c, i) => c.at - (calls[i - 1]?.at ?? NOW));
    };
    const a = await delays(7);
    expect(await delays(7)).toEqual(a);
    expect(await delays(8)).not.toEqual(a);
    a.slice(1).forEach((d, k) => {
      const cap = Math.min(3000, 1000 * 2 ** k);
      expect(d).toBeGreaterThanOrEqual(cap / 2);
      expect(d).toBeLessThanOrEqual(cap);
    });
  });

  it('PROVIDER_UNAVAILABLE after the retries, listing every attempt, with the last error as cause', async () => {
    const last = new Error('HTTP 502');
    const { provider, calls } = fake([new Error('HTTP 503'), new Error('HTTP 500'), last]);
    const run = start(wrapProvider(provider, { seed: 1 }).locate({ cellId: 1 }));
    await vi.advanceTimersByTimeAsync(10_000);
    const out = await run.outcome;
    expect(out.ok).toBe(false);
    const e = (out as { error: BeatplanError }).error;
    expect(calls).toHaveLength(3);
    expect(e.code).toBe('PROVIDER_UNAVAILABLE');
    expect(e.cause).toBe(last);
    expect(e.issues.map((i) => i.message)).toEqual([
      'fake-carrier is unavailable after 3 attempts',
      'failed: HTTP 503',
      'failed: HTTP 500',
      'failed: HTTP 502',
    ]);
  });

  it('PROVIDER_TIMEOUT when every attempt times out; each attempt’s signal is aborted', async () => {
    const { provider, calls } = fake(['hang']);
    const run = start(wrapProvider(provider, { timeoutMs: 1000, retries: 1, seed: 3 }).locate({ cellId: 1 }));
    await vi.advanceTimersByTimeAsync(999);
    expect(calls[0]?.signal.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(5000);
    const out = await run.outcome;
    expect(out.ok || out.error.code).toBe('PROVIDER_TIMEOUT');
    expect(calls).toHaveLength(2);
    expect(calls.every((c) => c.signal.aborted)).toBe(true);
  });

  it('PROVIDER_RESPONSE_INVALID for a malformed answer, at once and without retry', async () => {
    const { provider, calls } = fake([{ lng: 116.4, lat: 123, accuracyM: 'far', extra: 1 }]);
    const run = start(wrapProvider(provider).locate({ cellId: 1 }));
    await vi.advanceTimersByTimeAsync(0);
    const out = await run.outcome;
    expect(calls).toHaveLength(1);
    expect(out.ok || out.error.code).toBe('PROVIDER_RESPONSE_INVALID');
    expect(out.ok || out.error.issues.map((i) => i.path)).toEqual([
      [],
      ['response', 'lat'],
      ['response', 'accuracyM'],
      ['response', 'extra'],
    ]);
  });

  it('a non-retryable error (PERMISSION_DENIED) is rethrown at once; isRetryable can say otherwise', async () => {
    const denied = new BeatplanError('PERMISSION_DENIED', 'no consent');
    const a = fake([denied]);
    const out = await start(wrapProvider(a.provider).locate({ cellId: 1 })).outcome;
    expect(out.ok || out.error).toBe(denied);
    expect(a.calls).toHaveLength(1);
    const b = fake([new Error('HTTP 400'), ANSWER]);
    const out2 = await start(
      wrapProvider(b.provider, { isRetryable: (e) => !String(e).includes('400') }).locate({ cellId: 1 }),
    ).outcome;
    expect(out2.ok || out2.error.message).toBe('HTTP 400');
  });

  it('ABORTED when the caller’s signal fires during an attempt or a back-off wait', async () => {
    const ctrl = new AbortController();
    const { provider, calls } = fake(['hang']);
    const run = start(wrapProvider(provider).locate({ cellId: 1 }, { signal: ctrl.signal }));
    await vi.advanceTimersByTimeAsync(100);
    ctrl.abort(new Error('user left'));
    const out = await run.outcome;
    expect(out.ok || out.error.code).toBe('ABORTED');
    expect(calls[0]?.signal.aborted).toBe(true);

    const ctrl2 = new AbortController();
    const run2 = start(
      wrapProvider(fake([new Error('down')]).provider, { random: () => 1 }).locate(
        { cellId: 1 },
        { signal: ctrl2.signal },
      ),
    );
    await vi.advanceTimersByTimeAsync(10); // in the first 250 ms wait
    ctrl2.abort();
    expect(((await run2.outcome) as { error: BeatplanError }).error.code).toBe('ABORTED');
    ctrl2.abort();
    const out3 = await start(wrapProvider(fake([ANSWER]).provider).locate({ cellId: 1 }, { signal: ctrl2.signal }))
      .outcome;
    expect(out3.ok || out3.error.code).toBe('ABORTED');
  });

  it('rejects bad options and providers with INVALID_INPUT', () => {
    const { provider } = fake([ANSWER]);
    expect(thrown(() => wrapProvider(provider, { retries: -1 })).path).toEqual(['options', 'retries']);
    expect(thrown(() => wrapProvider(provider, { random: 5 as unknown as () => number })).path).toEqual([
      'options',
      'random',
    ]);
    expect(thrown(() => wrapProvider({} as PositionProvider)).code).toBe('INVALID_INPUT');
  });
});
