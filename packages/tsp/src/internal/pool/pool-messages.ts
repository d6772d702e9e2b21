// What crosses the thread boundary between a SolverPool and its workers: plain, structured-cloneable
// data only (no functions, no AbortSignal, no class instances).
import type { MessagePort } from 'node:worker_threads';
import { TspError, type TspErrorCode, type TspIssue } from '../../errors.js';
import type { SolveInput, SolveOptions, SolveResult } from '../../solve.js';

/** One solve sent to a worker: `solve`'s input and options less `signal` and `onProgress`. */
export interface PoolTask {
  input: SolveInput;
  options: Omit<SolveOptions, 'signal' | 'onProgress'>;
  /** Where the worker posts `SolveProgress` reports, then `null` (present when the caller asked for progress). */
  progress?: MessagePort;
}

/** A TspError as data: what the caller's thread needs to throw the same error again. */
export interface PoolError {
  code: TspErrorCode;
  issues: TspIssue[];
  omittedIssues: number;
}

/** The worker's answer: the result, or the solver's error as data (never thrown across the boundary). */
export type PoolAnswer = { result: SolveResult } | { error: PoolError };

/** The TspError of a worker's answer as data. */
export function errorToData(e: TspError): PoolError {
  return { code: e.code, issues: e.issues, omittedIssues: e.omittedIssues };
}

/** The TspError again, in the caller's thread. */
export function errorFromData(e: PoolError): TspError {
  return new TspError(e.code, e.issues, { omittedIssues: e.omittedIssues });
}
