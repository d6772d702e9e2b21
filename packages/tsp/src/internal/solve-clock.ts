// The one stop rule of `solve` (README "Anytime"): every stage works in chunks and, between chunks,
// asks the clock. An AbortSignal throws ABORTED wherever it is seen; a time limit that runs out
// makes the stage return the best route it knows, or, before any route exists, throws TIME_LIMIT.
import { type SolveStage, tspReason } from '../generated/shared/tsp-reasons.js';
import { TspError } from '../errors.js';

/** What a chunked stage yields between chunks: the async `solve` may then return to the event loop. */
export type Pause = 'yield';

/** Target work per chunk, in cost-matrix cells (about a millisecond of simple work per chunk). */
export const CHUNK_CELLS = 1 << 17;

/** Rows of an n-column matrix per chunk of about {@link CHUNK_CELLS} cells. */
export function rowsPerChunk(n: number): number {
  return Math.max(1, Math.floor(CHUNK_CELLS / Math.max(1, n)));
}

/** The time limit and the AbortSignal of one solve. */
export class SolveClock {
  readonly t0: number;
  readonly deadline: number;
  readonly timeLimitMs: number | undefined;
  readonly signal: AbortSignal | undefined;

  constructor(t0: number, timeLimitMs?: number, signal?: AbortSignal) {
    this.t0 = t0;
    this.timeLimitMs = timeLimitMs;
    this.deadline = timeLimitMs === undefined ? Infinity : t0 + timeLimitMs;
    this.signal = signal;
  }

  /** Milliseconds since the solve began. */
  elapsedMs(): number {
    return performance.now() - this.t0;
  }

  /** Throws `ABORTED` when the signal fired; then true when the time limit has run out. */
  expired(): boolean {
    if (this.signal?.aborted) throw new TspError('ABORTED', [{ path: [], ...tspReason('tsp.solve_aborted') }]);
    return performance.now() >= this.deadline;
  }

  /** For stages before any route exists: throws `ABORTED`, or `TIME_LIMIT` naming the stage. */
  check(stage: SolveStage): void {
    if (this.expired())
      throw new TspError('TIME_LIMIT', [
        {
          path: ['options', 'timeLimitMs'],
          value: this.timeLimitMs,
          ...tspReason('tsp.time_ran_out', { stage }),
        },
      ]);
  }
}

/** A clock that never stops (for internal callers that need no limit). */
export const UNLIMITED = new SolveClock(0);
