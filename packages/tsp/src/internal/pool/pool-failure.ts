import { tspReason } from '../../generated/shared/tsp-reasons.js';
import { TspError } from '../../errors.js';

/** Node's code for a worker stopped by its `resourceLimits` (heap exhausted). */
const OUT_OF_MEMORY = 'ERR_WORKER_OUT_OF_MEMORY';

/**
 * The TspError for a solve (or a task, `what` = 'task') that did not come back from its worker: `ABORTED`
 * (the caller's signal, or the pool closed first), `TOO_LARGE` (the worker ran out of memory under its
 * `resourceLimits`), `INVALID_INPUT` (the input or options cannot be sent to another thread), else
 * `INTERNAL` (the worker crashed or exited, or a task module threw). The original error is the `cause`.
 */
export function poolFailure(
  e: unknown,
  n: number | undefined,
  closed: boolean,
  what: 'route' | 'task' = 'route',
): TspError {
  const err = e instanceof Error ? e : new Error(String(e));
  const code = (err as { code?: unknown }).code;
  if (err.name === 'AbortError' || closed)
    return new TspError(
      'ABORTED',
      [
        {
          path: [],
          ...(closed
            ? tspReason('tsp.pool_closed_before', { route: what === 'route' })
            : tspReason(what === 'route' ? 'tsp.solve_aborted' : 'tsp.task_aborted')),
        },
      ],
      {
        cause: err,
      },
    );
  if (code === OUT_OF_MEMORY)
    return new TspError(
      'TOO_LARGE',
      [
        {
          path: ['pool', 'resourceLimits'],
          ...tspReason('tsp.worker_oom', { route: what === 'route', detail: err.message }),
          value: n,
        },
      ],
      { cause: err },
    );
  if (err.name === 'DataCloneError')
    return new TspError(
      'INVALID_INPUT',
      [
        {
          path: [what === 'route' ? 'options' : 'task'],
          ...tspReason('tsp.not_plain_data', { route: what === 'route', detail: err.message }),
        },
      ],
      { cause: err },
    );
  return new TspError('INTERNAL', [{ path: ['pool'], ...tspReason('tsp.worker_failed', { detail: err.message }) }], {
    cause: err,
  });
}
