// @beatplan/tsp/pool (Node only): worker threads that solve routes as `solve` does.
export { createSolverPool } from './create-solver-pool.js';
export { defaultPoolWorkers } from './internal/pool/solver-pool.js';
export type { SolverPool, SolverPoolOptions } from './internal/pool/solver-pool.js';
export type { RouteSolver } from './route-solver.js';
export type { TaskRunner, TaskRunOptions } from './task-runner.js';
