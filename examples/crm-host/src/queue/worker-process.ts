import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** A worker process (`src/worker-main.ts`) started by this process, with its event lines. */
export interface WorkerProcess {
  readonly name: string;
  readonly child: ChildProcess;
  /** Every event line it printed so far, parsed. */
  readonly events: { event: string; jobId?: string; detail?: unknown }[];
  /** Resolves with the first event (past or future) that matches; rejects if the process ends first. */
  waitFor(match: (e: { event: string; jobId?: string }) => boolean): Promise<{ event: string; jobId?: string }>;
  /** kill -9: no cleanup, no goodbye to the queue (a machine lost). Resolves when it is gone. */
  kill(): Promise<void>;
  /** SIGTERM: finishes its job, closes. Resolves when it is gone. */
  stop(): Promise<void>;
}

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Starts `npm run worker`'s script in a new Node process (through tsx) and collects its JSON event
 * lines; resolves once it says `ready` (connected to the queue and the database).
 */
export async function startWorkerProcess(options: {
  queueUrl: string;
  db: string;
  name: string;
  lockMs?: number;
  stalledMs?: number;
  /** Solver threads (default: one per core). */
  threads?: number;
}): Promise<WorkerProcess> {
  const args = ['--import', 'tsx', 'src/worker-main.ts', '--queue', options.queueUrl, '--db', options.db];
  args.push('--name', options.name);
  if (options.lockMs !== undefined) args.push('--lock-ms', String(options.lockMs));
  if (options.stalledMs !== undefined) args.push('--stalled-ms', String(options.stalledMs));
  if (options.threads !== undefined) args.push('--threads', String(options.threads));
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const events: WorkerProcess['events'] = [];
  const waiters = new Set<{ match: (e: { event: string }) => boolean; resolve: (e: never) => void }>();
  let buffer = '';
  child.stdout?.on('data', (d) => {
    buffer += String(d);
    for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n')) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      if (!line.startsWith('{')) continue;
      const e = JSON.parse(line);
      events.push(e);
      for (const w of waiters)
        if (w.match(e)) {
          waiters.delete(w);
          w.resolve(e as never);
        }
    }
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const gone = () => child.exitCode !== null || child.signalCode !== null;
  const waitFor: WorkerProcess['waitFor'] = (match) => {
    const seen = events.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      if (gone()) return reject(new Error(`worker ${options.name} has ended`));
      const waiter = { match, resolve: resolve as (e: never) => void };
      waiters.add(waiter);
      void exited.then(() => {
        if (waiters.delete(waiter)) reject(new Error(`worker ${options.name} ended before the event`));
      });
    });
  };
  const end = async (signal: NodeJS.Signals) => {
    if (!gone()) child.kill(signal);
    await exited;
  };
  await waitFor((e) => e.event === 'ready');
  return {
    name: options.name,
    child,
    events,
    waitFor,
    kill: () => end('SIGKILL'),
    stop: () => end('SIGTERM'),
  };
}
