import { abortedError, sleepMs } from '../with-retries.js';

/**
 * A concurrency limit with an optional minimum spacing between request starts (a service's QPS limit).
 * FIFO: slots go to waiters in arrival order. A waiter whose signal fires leaves the queue with ABORTED.
 *
 * Hand-written (30 lines) rather than `p-limit`: p-limit ≥ 4 is ESM-only and core also ships CJS, and
 * neither p-limit nor p-queue honours an AbortSignal per waiter.
 */
export class RequestGate {
  private active = 0;
  private readonly waiting: { grant: () => void; signal: AbortSignal | undefined; onAbort: () => void }[] = [];
  /** Start time of the last request let go (epoch ms); spacing is measured from the real starts. */
  private lastStartAt = Number.NEGATIVE_INFINITY;
  /** Waiters for the spacing take turns, in order: each turn ends when its request may start. */
  private turns: Promise<void> = Promise.resolve();

  constructor(
    private readonly maxConcurrent: number,
    private readonly minIntervalMs: number,
  ) {}

  /** Waits for a slot (and for the spacing); resolves with the function that gives the slot back. */
  async acquire(signal: AbortSignal | undefined): Promise<() => void> {
    if (signal?.aborted) throw abortedError(signal);
    if (this.active >= this.maxConcurrent) await this.queue(signal);
    else this.active++;
    if (this.minIntervalMs > 0) {
      const turn = this.turns.then(() => this.space(signal));
      this.turns = turn.catch(() => {});
      try {
        await turn;
      } catch (e) {
        this.release();
        throw e;
      }
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.release();
    };
  }

  /** Waits until `minIntervalMs` after the last start, then records this start (the caller sends at once). */
  private async space(signal: AbortSignal | undefined): Promise<void> {
    const wait = this.lastStartAt + this.minIntervalMs - Date.now();
    if (wait > 0) await sleepMs(wait, signal);
    this.lastStartAt = Date.now();
  }

  private queue(signal: AbortSignal | undefined): Promise<void> {
    return new Promise((resolve, reject) => {
      const entry = {
        signal,
        grant: () => {
          signal?.removeEventListener('abort', entry.onAbort);
          resolve();
        },
        onAbort: () => {
          const i = this.waiting.indexOf(entry);
          if (i >= 0) this.waiting.splice(i, 1);
          if (signal) reject(abortedError(signal));
        },
      };
      signal?.addEventListener('abort', entry.onAbort, { once: true });
      this.waiting.push(entry);
    });
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next.grant();
    else this.active--;
  }
}
