import { toBeatplanError } from '@beatplan/core';
import type { TaskRunner } from '@beatplan/tsp';
import type { BeatOptions, BeatPlan, BeatProgress } from '../plan-weekly-beats.js';
import { type BeatsAnswer, type BeatsTask, beatsTaskError } from './beats-task.js';
import { planBeatsTaskFile } from '../plan-beats-task-file.js';

/** One manager and his retailers (`ManagerBeatsJob`). */
interface Job {
  manager: unknown;
  retailers: readonly unknown[];
}

/**
 * Plans each manager whole in a worker thread of `runner` (workload, visit days and routes: `planWeeklyBeats`
 * there, on a copy of his data), `lanes` managers in flight at once, the largest territories first so the
 * last ones to finish are small; returns the plans in the order of `jobs`. The first failure aborts the rest
 * (their workers are stopped) and is thrown as a BeatplanError; nothing is returned.
 */
export async function planManagersInWorkers(
  runner: TaskRunner,
  jobs: readonly Job[],
  options: Omit<BeatOptions, 'signal' | 'onProgress' | 'solver' | 'costs'>,
  o: {
    lanes: number;
    signal?: AbortSignal | undefined;
    onProgress?: ((p: BeatProgress & { job: number }) => void) | undefined;
  },
): Promise<BeatPlan[]> {
  const file = planBeatsTaskFile();
  const stop = new AbortController();
  const forward = () => stop.abort(o.signal?.reason);
  o.signal?.addEventListener('abort', forward, { once: true });
  const size = jobs.map((job) => job.retailers.length);
  const order = jobs.map((_, k) => k).sort((a, b) => (size[b] ?? 0) - (size[a] ?? 0) || a - b);
  const beats: BeatPlan[] = new Array(jobs.length);
  let next = 0;
  let failure: { error: unknown } | undefined;
  const lane = async () => {
    for (let at = next++; !failure && at < order.length; at = next++) {
      const k = order[at] as number;
      const job = jobs[k] as Job;
      // the global MessageChannel (Node's worker_threads one in Node): the worker posts progress on port2
      const channel = o.onProgress ? new MessageChannel() : undefined;
      // the worker's last message is `null` (no more reports): once it is here, every report has arrived
      let drained: () => void = () => {};
      const allReports = new Promise<void>((resolve) => {
        drained = resolve;
      });
      if (channel)
        channel.port1.onmessage = (e: MessageEvent<BeatProgress | null>) =>
          e.data === null ? drained() : o.onProgress?.({ ...e.data, job: k });
      try {
        const task: BeatsTask = {
          manager: job.manager,
          retailers: job.retailers,
          options,
          ...(channel ? { progress: channel.port2 } : {}),
        };
        const answer = await runner.runTask<BeatsAnswer>(file, task, {
          signal: o.signal?.aborted ? o.signal : stop.signal,
          ...(channel ? { transferList: [channel.port2] } : {}),
        });
        if ('error' in answer) throw beatsTaskError(answer.error);
        if (channel) await allReports;
        beats[k] = answer.plan;
      } catch (e) {
        // the first failure wins; the managers it aborts fail with ABORTED, which is not news
        if (!failure) failure = { error: toBeatplanError(e) ?? e };
        stop.abort();
      } finally {
        channel?.port1.close();
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(o.lanes, jobs.length) }, lane));
  o.signal?.removeEventListener('abort', forward);
  if (failure) throw failure.error;
  return beats;
}
