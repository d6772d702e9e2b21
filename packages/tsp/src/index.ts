export { solve, solveSync, defaultWindowKicks, DEFAULT_EXACT_MAX_N, EXACT_HARD_MAX_N, AVOID_COST } from './solve.js';
export type {
  DroppedStop,
  LngLat,
  RouteSchedule,
  SolveInput,
  SolveOptions,
  SolveProgress,
  SolveResult,
} from './solve.js';
export { routeLength } from './route-length.js';
export type { RouteSolver } from './route-solver.js';
export type { TaskRunner, TaskRunOptions } from './task-runner.js';
export { TspError, formatIssue } from './errors.js';
export type { TspErrorCode, TspIssue } from './errors.js';
export { parseTsplib } from './parse-tsplib.js';
export { parseTsplibTour } from './parse-tsplib-tour.js';
export type {
  TsplibInstance,
  TsplibTour,
  TsplibProblemType,
  TsplibEdgeWeightType,
  TsplibEdgeWeightFormat,
} from './tsplib-types.js';
export { setSolverMemoryLimit, releaseSolverMemory } from './internal/instance-pool.js';
