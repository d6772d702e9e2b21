// A manager's whole plan as a task of a worker thread (planManyBeats on a TaskRunner such as the pool of
// @beatplan/tsp/pool): what crosses the thread boundary, plain structured-cloneable data only.
import { BeatplanError, type BeatplanErrorCode, type BeatplanIssue, toBeatplanError } from '@beatplan/core';
import { type BeatOptions, type BeatPlan, type BeatProgress, planWeeklyBeats } from '../plan-weekly-beats.js';

/** The end of a `MessageChannel` a task reports progress on (only what the task uses of Node's `MessagePort`). */
interface ProgressPort {
  postMessage(message: BeatProgress | null): void;
  close(): void;
}

/** One manager to plan in a worker: `planWeeklyBeats`'s arguments less what cannot be copied to a thread. */
export interface BeatsTask {
  manager: unknown;
  retailers: readonly unknown[];
  options: Omit<BeatOptions, 'signal' | 'onProgress' | 'solver' | 'costs'>;
  /** Where the worker posts {@link BeatProgress}, then `null` (present when the caller asked for progress). */
  progress?: ProgressPort;
}

/** A BeatplanError as data. */
export interface BeatsTaskError {
  code: BeatplanErrorCode;
  issues: BeatplanIssue[];
  omittedIssues: number;
}

/** The worker's answer: the plan, or the planner's error as data (never thrown across the boundary). */
export type BeatsAnswer = { plan: BeatPlan } | { error: BeatsTaskError };

/**
 * Plans one manager in the worker thread exactly as `planWeeklyBeats` does in the caller's (its days routed
 * by `solve` in this thread, one after the other), posting progress to the task's port. A BeatplanError
 * (or a solver's TspError) comes back as data; anything else is thrown, and the pool reports a failed worker.
 */
export async function runBeatsTask(task: BeatsTask): Promise<BeatsAnswer> {
  const port = task.progress;
  try {
    const plan = await planWeeklyBeats(task.manager, task.retailers, {
      ...task.options,
      ...(port ? { onProgress: (p: BeatProgress) => port.postMessage(p) } : {}),
    });
    return { plan };
  } catch (e) {
    const error = toBeatplanError(e);
    if (error) return { error: { code: error.code, issues: [...error.issues], omittedIssues: error.omittedIssues } };
    throw e;
  } finally {
    port?.postMessage(null); // no more reports (they may arrive after the answer: the caller waits for this)
    port?.close();
  }
}

/** The BeatplanError of a worker's answer, again in the caller's thread. */
export function beatsTaskError(e: BeatsTaskError): BeatplanError {
  return new BeatplanError(e.code, e.issues, { omittedIssues: e.omittedIssues });
}
