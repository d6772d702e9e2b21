/**
 * What {@link TaskRunner.runTask} takes besides the task: `signal` (aborts the task: a queued task leaves
 * the queue, a running one stops with its worker thread, which is replaced; rejects `ABORTED`) and
 * `transferList` (objects moved to the worker rather than copied, such as a `MessagePort` the task reports
 * progress on).
 */
export interface TaskRunOptions {
  signal?: AbortSignal;
  transferList?: readonly object[];
}

/**
 * Runs whole jobs in worker threads: the default export of a task module, called in a worker with a copy
 * of `task` (structured clone), its answer copied back. The worker-thread pool of `@beatplan/tsp/pool`
 * (`createSolverPool()`, Node only) is one, on the same threads that solve its routes; the planners of
 * `@beatplan/territory` use it to plan whole managers in the workers (`planManyBeats`), without
 * importing anything Node-only themselves.
 *
 * The task module decides its own answer, errors included (a task that can fail should answer its error as
 * data). A thread that fails rejects as the pool's `solve` does: `ABORTED`, `TOO_LARGE` (the worker ran out
 * of memory under its resource limits), `INTERNAL` (it crashed, or the module threw), `INVALID_INPUT` (a task
 * that cannot be copied to a thread).
 *
 * @example
 * // not run: needs a task module file (its default export receives the task) and a pool (Node only)
 * const runner: TaskRunner = createSolverPool({ workers: 2 });
 * const doubled = await runner.runTask<number>(new URL('./double.js', import.meta.url).href, 21); // 42
 */
export interface TaskRunner {
  /** The number of worker threads (tasks that run at once; more wait in a queue). */
  readonly workers: number;
  /**
   * Runs the default export of the module at `file` (an absolute path or a `file:` URL) in a worker thread
   * on `task`, and resolves with its answer.
   * @throws {TspError} `ABORTED`, `TOO_LARGE`, `INTERNAL`, `INVALID_INPUT` as described on {@link TaskRunner}.
   */
  runTask<R>(file: string, task: unknown, options?: TaskRunOptions): Promise<R>;
}
