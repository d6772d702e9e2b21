import { BeatplanError } from '@beatplan/core';

/** The ABORTED error for a fired signal. */
export function abortedError(signal: AbortSignal): BeatplanError {
  return new BeatplanError('ABORTED', 'the operation was aborted', { cause: signal.reason });
}

/** Waits `ms` (with the global, fake-timer-friendly `setTimeout`); rejects ABORTED when `signal` fires first. */
export function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortedError(signal));
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortedError(signal!));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
