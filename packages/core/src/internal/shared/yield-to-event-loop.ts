/**
 * Lets the event loop run (timers, I/O, an AbortController's abort) between chunks of work:
 * `setImmediate` where it exists (Node; not clamped to 1 ms like `setTimeout(0)`), a MessageChannel in
 * browsers and workers, `setTimeout` elsewhere. Shared by core, territory and (copied) @beatplan/tsp.
 *
 * @example
 * let turns = 0;
 * setImmediate(() => turns++);
 * await yieldToEventLoop(); // the callback queued before has run
 */
export const yieldToEventLoop: () => Promise<void> =
  typeof setImmediate === 'function'
    ? () => new Promise((resolve) => setImmediate(resolve))
    : typeof MessageChannel === 'function'
      ? () =>
          new Promise((resolve) => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => {
              channel.port1.close();
              resolve();
            };
            channel.port2.postMessage(null);
          })
      : () => new Promise((resolve) => setTimeout(resolve, 0));
