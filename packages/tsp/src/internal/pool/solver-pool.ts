import { tspReason } from '../../generated/shared/tsp-reasons.js';
import { availableParallelism } from 'node:os';
import { MessageChannel, type TransferListItem } from 'node:worker_threads';
import { Piscina } from 'piscina';
import * as z from 'zod';
import { TspError } from '../../errors.js';
import { zodIssues } from '../../generated/shared/zod-issues.js';
import type { RouteSolver } from '../../route-solver.js';
import type { SolveInput, SolveOptions, SolveProgress, SolveResult } from '../../solve.js';
import type { TaskRunner, TaskRunOptions } from '../../task-runner.js';
import { poolFailure } from './pool-failure.js';
import { errorFromData, type PoolAnswer, type PoolTask } from './pool-messages.js';

/**
 * The default number of worker threads: one per core the machine offers (`os.availableParallelism()`);
 * the calling thread mostly waits for the workers meanwhile (it builds the days' matrices).
 * @returns at least 1.
 * @example
 * defaultPoolWorkers(); // 2 on a 2-core machine
 */
export function defaultPoolWorkers(): number {
  return Math.max(1, availableParallelism());
}

const mb = (what: string) =>
  z
    .number()
    .positive({ error: `${what} must be a positive number of MiB` })
    .optional();

export const SolverPoolOptionsSchema = z.strictObject({
  workers: z
    .number()
    .int({ error: 'workers must be a whole number' })
    .min(1, { error: 'workers must be at least 1' })
    .max(256, { error: 'workers must be at most 256' })
    .default(defaultPoolWorkers),
  resourceLimits: z
    .strictObject({
      maxOldGenerationSizeMb: mb('maxOldGenerationSizeMb'),
      maxYoungGenerationSizeMb: mb('maxYoungGenerationSizeMb'),
      stackSizeMb: mb('stackSizeMb'),
    })
    .optional(),
});

/**
 * Options of `createSolverPool`.
 * - `workers` (default {@link defaultPoolWorkers}: `os.availableParallelism()`): worker threads, 1–256,
 *   started at once and kept until `close()`.
 * - `resourceLimits`: each worker's JavaScript heap limits in MiB (`maxOldGenerationSizeMb`,
 *   `maxYoungGenerationSizeMb`, `stackSizeMb`; Node's `Worker` resource limits). A worker that runs out
 *   fails its solve with `TOO_LARGE`, and a new worker takes its place.
 */
export type SolverPoolOptions = z.input<typeof SolverPoolOptionsSchema>;

/**
 * A set of worker threads that solve routes as `solve` does (see `createSolverPool`). Pass it as the
 * `solver` of `planWeeklyBeats` / `routeInspection` / `planManyBeats`, or call `solve` yourself. It is also
 * a {@link TaskRunner}: `runTask` runs whole jobs (a manager's plan) on the same threads.
 */
export interface SolverPool extends RouteSolver, TaskRunner {
  /** The number of worker threads. */
  readonly workers: number;
  /**
   * Solves one route in a worker thread: `solve`'s input, options, result and errors; queued while
   * every worker is busy. `signal` rejects with `ABORTED` (a queued route leaves the queue, a running
   * one stops with its worker, which is replaced); `onProgress` is called in this thread. A time
   * limit counts from when a worker starts the route.
   * @throws {TspError} as `solve`; also `TOO_LARGE` (the worker ran out of memory under
   *   `resourceLimits`), `INTERNAL` (the worker crashed), `ABORTED` (the pool was closed first),
   *   `INVALID_INPUT` (input or options that cannot be sent to a thread: functions other than `onProgress`).
   */
  solve(input: SolveInput, options?: SolveOptions): Promise<SolveResult>;
  /**
   * Runs the default export of the task module at `file` in a worker thread on a copy of `task` (see
   * {@link TaskRunner}); queued while every worker is busy, with the routes of `solve` in one queue.
   * @throws {TspError} `ABORTED` (signal, or the pool closed first), `TOO_LARGE` (out of memory under
   *   `resourceLimits`), `INTERNAL` (the worker crashed or the module threw), `INVALID_INPUT` (a task that
   *   cannot be copied to a thread, a closed pool).
   */
  runTask<R>(file: string, task: unknown, options?: TaskRunOptions): Promise<R>;
  /** Stops every worker; routes and tasks still queued or running reject with `ABORTED`. Later ones are refused. */
  close(): Promise<void>;
}

/** A pool on a given worker file (the public `createSolverPool` passes tsp's own). */
export function createSolverPoolOn(filename: string, options?: SolverPoolOptions): SolverPool {
  const parsed = SolverPoolOptionsSchema.safeParse(options ?? {}, { reportInput: true });
  if (!parsed.success)
    throw new TspError('INVALID_INPUT', zodIssues(parsed.error, ['options'], options ?? {}), { cause: parsed.error });
  const o = parsed.data;
  const piscina = new Piscina<PoolTask, PoolAnswer>({
    filename,
    minThreads: o.workers,
    maxThreads: o.workers,
    idleTimeout: Infinity,
    concurrentTasksPerWorker: 1,
    ...(o.resourceLimits ? { resourceLimits: o.resourceLimits } : {}),
  });
  let closed = false;
  const refuseClosed = () => {
    if (closed) throw new TspError('INVALID_INPUT', [{ path: ['pool'], ...tspReason('tsp.pool_closed') }]);
  };
  return {
    workers: o.workers,
    async runTask<R>(file: string, task: unknown, options: TaskRunOptions = {}): Promise<R> {
      refuseClosed();
      const { signal, transferList } = options;
      checkCallbacks(signal, undefined);
      if (signal?.aborted) throw new TspError('ABORTED', [{ path: [], ...tspReason('tsp.task_aborted') }]);
      try {
        return (await piscina.run(task as PoolTask, {
          filename: file,
          ...(signal ? { signal } : {}),
          ...(transferList ? { transferList: transferList as TransferListItem[] } : {}),
        })) as R;
      } catch (e) {
        if (e instanceof TspError) throw e;
        throw poolFailure(e, undefined, closed, 'task');
      }
    },
    async solve(input, options = {}) {
      refuseClosed();
      const { signal, onProgress, ...rest } = options;
      checkCallbacks(signal, onProgress);
      if (signal?.aborted) throw new TspError('ABORTED', [{ path: [], ...tspReason('tsp.solve_aborted') }]);
      const channel = onProgress ? new MessageChannel() : undefined;
      // the worker's last message is `null` (no more reports): once it is here, every report has arrived
      let drained: () => void = () => {};
      const allReports = new Promise<void>((resolve) => {
        drained = resolve;
      });
      channel?.port1.on('message', (p: SolveProgress | null) => (p === null ? drained() : onProgress?.(p)));
      const task: PoolTask = { input, options: rest, ...(channel ? { progress: channel.port2 } : {}) };
      try {
        const answer = await piscina.run(task, {
          ...(signal ? { signal } : {}),
          ...(channel ? { transferList: [channel.port2] } : {}),
        });
        if (channel) await allReports;
        if ('error' in answer) throw errorFromData(answer.error);
        return answer.result;
      } catch (e) {
        if (e instanceof TspError) throw e;
        throw poolFailure(e, sizeOf(input), closed);
      } finally {
        channel?.port1.close();
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await piscina.destroy();
    },
  };
}

/** `signal` and `onProgress` stay in this thread, so they are checked here (the worker checks the rest). */
function checkCallbacks(signal: unknown, onProgress: unknown): void {
  const issues = [];
  if (signal !== undefined && !(signal instanceof AbortSignal))
    issues.push({ path: ['options', 'signal'], value: signal, ...tspReason('tsp.signal_type') });
  if (onProgress !== undefined && typeof onProgress !== 'function')
    issues.push({ path: ['options', 'onProgress'], value: onProgress, ...tspReason('tsp.on_progress_type') });
  if (issues.length) throw new TspError('INVALID_INPUT', issues);
}

/** The number of nodes of an input, when it is readable (for the message of a worker out of memory). */
function sizeOf(input: SolveInput): number | undefined {
  if ('n' in input) return input.n;
  if ('matrix' in input && Array.isArray(input.matrix)) return input.matrix.length;
  if ('points' in input && Array.isArray(input.points)) return input.points.length;
  return undefined;
}
