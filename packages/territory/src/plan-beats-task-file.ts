// Where the built task module is: beside this file in dist/ (its own build entry, so that the tests, which
// run the sources, can resolve this module to the built one; see vitest.config.ts).
const TASK_MODULE = 'plan-beats-task.js';

/**
 * The `file:` URL of the task module that plans one manager in a worker thread (`plan-beats-task.ts`,
 * built beside this module), for a `TaskRunner`'s `runTask`.
 * @returns a `file:` URL string.
 * @throws never.
 * @example
 * // not run: internal (planManyBeats passes it to the pool)
 * planBeatsTaskFile(); // 'file:///…/node_modules/@beatplan/territory/dist/plan-beats-task.js'
 */
export function planBeatsTaskFile(): string {
  // a variable, not a literal: bundlers leave it alone (the module only runs in Node's worker threads)
  return new URL(TASK_MODULE, import.meta.url).href;
}
