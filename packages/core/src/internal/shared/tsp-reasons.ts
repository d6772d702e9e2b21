// One source, shared with @beatplan/tsp (copied into packages/tsp/src/generated/shared/ by `npm run build`):
// every hand-written reason of the route solver in English. Their Chinese is in core
// (src/internal/reasons/tsp-reasons.ts), which renders any issue in any language. Self-contained.
import { type ReasonedMessage, type ReasonParams, reasonFrom } from './reason-text.js';

/** When the time limit ran out before any route existed (`tsp.time_ran_out`). */
export const SOLVE_STAGES = {
  begin: 'before the solve began',
  validate: 'while validating the matrix',
  read: 'while reading the matrix',
  read_time_matrix: 'while reading timeMatrix',
  read_costs: 'while reading the costs',
  distances: 'while computing the distances between the points',
  prepare: 'while preparing the heuristic',
  first_tour: 'while building the first tour',
} as const;

/** A stage of `solve` before any route exists. */
export type SolveStage = keyof typeof SOLVE_STAGES;

/** Why the exact DP does not fit (`tsp.dp_memory`). */
export const DP_LIMITS = {
  wasm32: 'over the 4 GiB of WebAssembly (wasm32) memory',
  refused: 'and the engine refused to grow memory that far',
} as const;

/** Why a stop of a time-window route cannot be served (`tsp.cannot_serve`). */
export const UNSERVED_BECAUSE = {
  proven: 'no order serves it with the other stops within the time windows and endBy',
  heuristic: 'the heuristic found no place for it within the time windows and endBy',
} as const;

const METHODS = "use method 'heuristic' or 'auto'";

/** The route solver's reasons in English: `tsp.<name>` → text or function of the parameters. */
export const TSP_REASONS = {
  'tsp.node_index': (p: { max: number }) => `node must be an index in [0, ${p.max}]`,
  'tsp.node_count': 'the number of nodes must be an integer >= 1',
  'tsp.start_index': (p: { max: number }) => `start must be a node index in [0, ${p.max}]`,
  'tsp.end_index': (p: { max: number }) => `end must be a node index in [0, ${p.max}] or 'any'`,
  'tsp.exact_max': (p: { max: number; timed: boolean }) =>
    `the exact solver handles at most ${p.max} nodes${p.timed ? ' with time options' : ''}; ${METHODS}`,
  'tsp.exact_cost_mismatch': (p: { check: number; dp: number }) =>
    `the exact route costs ${p.check}, the DP table says ${p.dp}`,
  'tsp.row_array': 'row must be an array',
  'tsp.not_square_row': (p: { i: number; length: number; n: number }) =>
    `matrix is not square: row ${p.i} has ${p.length} entries, expected ${p.n}`,
  'tsp.not_square_flat': (p: { n: number; need: number; has: number }) =>
    `matrix is not square: a flat matrix for n = ${p.n} needs ${p.need} entries, it has ${p.has}`,
  'tsp.input_object': 'input must be an object with `matrix` or `points`',
  'tsp.max_nodes': (p: { max: number }) => `at most ${p.max} nodes are supported (n*n costs are held in memory)`,
  'tsp.matrix_type': 'matrix must be a number[][] or a flat Int32Array/Float64Array with n (or give points)',
  'tsp.heuristic_memory': (p: { n: number }) =>
    `the heuristic for ${p.n} nodes needs more WebAssembly memory than the engine gives`,
  'tsp.bnc_async': (p: { max: number }) =>
    `above n = ${p.max} the exact solver is a branch-and-cut that only the asynchronous solve() loads; use solve(), or call loadProofEngine() from '@beatplan/tsp/proof' first`,
  'tsp.bnc_cost_mismatch': (p: { check: number; upper: number }) =>
    `the branch-and-cut's route costs ${p.check}, the search says ${p.upper}`,
  'tsp.bytes_non_negative': 'bytes must be a finite number ≥ 0',
  'tsp.tw_memory': (p: { n: number }) =>
    `the time-window heuristic for ${p.n} stops needs more WebAssembly memory than the engine gives`,
  'tsp.wasm_aborted': 'the WebAssembly core aborted',
  'tsp.costs_too_large': (p: { bound: number; limit: number }) =>
    `costs too large for the exact solver: a route may cost up to ${p.bound}, and no faithful rescaling (dividing integer costs by their common divisor) brings that below ${p.limit} for its int32 core; use smaller units or method 'heuristic' or 'auto'`,
  'tsp.solve_aborted': 'the solve was aborted',
  'tsp.task_aborted': 'the task was aborted',
  'tsp.time_ran_out': (p: { stage: SolveStage }) =>
    `the time limit ran out ${SOLVE_STAGES[p.stage]}, before any route existed`,
  'tsp.dp_memory': (p: { n: number /** -1: more than exists */; gib: number; limit: keyof typeof DP_LIMITS }) =>
    `exact DP for ${p.n} nodes needs ${p.gib >= 0 ? `${p.gib.toFixed(2)} GiB` : 'more memory than exists'} (two DP layers and the parent table), ${DP_LIMITS[p.limit]}; ${METHODS}`,
  'tsp.hk_inconsistent': 'the Held-Karp parent table is inconsistent: the route could not be rebuilt',
  'tsp.index_missing': (p: { what: string; index: number }) =>
    `the solver read ${p.what}[${p.index}], which it never wrote (a bug in the solver)`,
  'tsp.pool_closed': 'the pool is closed',
  'tsp.pool_closed_before': (p: { route: boolean }) =>
    `the pool was closed before the ${p.route ? 'route' : 'task'} was ${p.route ? 'solved' : 'done'}`,
  'tsp.signal_type': 'signal must be an AbortSignal',
  'tsp.on_progress_type': 'onProgress must be a function',
  'tsp.worker_oom': (p: { route: boolean; detail: string }) =>
    `a solver worker ran out of memory under its resource limits while ${p.route ? 'solving this route' : 'running this task'} (${p.detail})`,
  'tsp.not_plain_data': (p: { route: boolean; detail: string }) =>
    `${p.route ? 'input and options' : 'a task'} must be plain data to reach a worker thread (${p.detail})`,
  'tsp.worker_failed': (p: { detail: string }) => `a solver worker failed: ${p.detail}`,
  'tsp.travel_time': 'a travel time must be a finite number of seconds >= 0',
  'tsp.time_matrix_or_speed': 'give timeMatrix or speedKmh, not both',
  'tsp.service_count': (p: { n: number }) => `serviceS must list ${p.n} service times (one per node)`,
  'tsp.end_after_start': (p: { startAt: number }) => `endBy must be later than startAt (${p.startAt})`,
  'tsp.service_too_long': (p: { stop: number; service: number; day: number }) =>
    `stop ${p.stop}: its service (${p.service} s) is longer than the whole day from startAt to endBy (${p.day} s)`,
  'tsp.windows_count': (p: { n: number }) => `windows must list ${p.n} entries (null for a node without windows)`,
  'tsp.windows_overlap': (p: { stop: number }) => `stop ${p.stop}: its windows must not overlap`,
  'tsp.tw_exact_max': (p: { max: number }) =>
    `the exact time-window solver handles at most ${p.max} stops besides the start and end; ${METHODS}`,
  'tsp.points_need_time':
    'points give distances in metres, not travel times: pass timeMatrix (seconds) or speedKmh to schedule the route',
  'tsp.tw_exact_finish_only':
    "the exact time-window solver minimises the finish alone: use travelWeight 0, or method 'auto' or 'heuristic'",
  'tsp.window_order': 'a window must not close before it opens',
  'tsp.no_route_by_end': 'no route can even go from the start to the end by endBy',
  'tsp.unserved': (p: { because: keyof typeof UNSERVED_BECAUSE }) => UNSERVED_BECAUSE[p.because],
  'tsp.unproven_time': 'the time limit ran out before the proof was complete',
  'tsp.unproven_open_nodes': (p: { max: number }) => `the search tree passed ${p.max} open nodes`,
  'tsp.unproven_lp_status': (p: { status: number }) => `the LP engine (HiGHS) stopped with model status ${p.status}`,
  'tsp.unproven_lp_duals': 'the LP engine returned non-finite duals',
  'tsp.unproven_lp_bound': 'the LP bound of an integral tour stays below its cost (numerical trouble)',
  'tsp.cannot_serve': (p: { stop: number; because: keyof typeof UNSERVED_BECAUSE }) =>
    `stop ${p.stop} cannot be served: ${UNSERVED_BECAUSE[p.because]} (pass dropInfeasible to get the best partial route)`,
};

/** The key of a route solver's reason. */
export type TspReasonKey = keyof typeof TSP_REASONS;

/**
 * A route solver issue's English message and its reason as data (`{ key, ...params }`), to spread into
 * an issue: core's `formatIssue(issue, { locale: 'zh-CN' })` renders the same reason in Chinese.
 */
export function tspReason<K extends TspReasonKey>(
  key: K,
  ...params: ReasonParams<(typeof TSP_REASONS)[K]>
): ReasonedMessage {
  return reasonFrom(TSP_REASONS, key, ...params);
}
