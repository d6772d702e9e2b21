import { TspError } from '../../errors.js';
import { solve } from '../../solve.js';
import { errorToData, type PoolAnswer, type PoolTask } from './pool-messages.js';

/**
 * Runs one task inside a pool worker with the asynchronous `solve` (so a route solved in a worker is
 * the route `solve` gives in the caller's thread), posting progress to the task's port, then `null` (no
 * more reports: the caller waits for it, as messages on the port may arrive after the answer). A TspError
 * comes back as data; anything else is thrown, and the pool reports it as a failed worker.
 */
export async function runPoolTask(task: PoolTask): Promise<PoolAnswer> {
  const port = task.progress;
  try {
    const result = await solve(task.input, {
      ...task.options,
      ...(port ? { onProgress: (p) => port.postMessage(p) } : {}),
    });
    return { result };
  } catch (e) {
    if (e instanceof TspError) return { error: errorToData(e) };
    throw e;
  } finally {
    port?.postMessage(null); // no more reports
    port?.close();
  }
}
