import {
  type BackendClasses,
  createPostgresBackend,
  createRedisBackend,
  type IQueueBackend,
  type JobProgress,
  type Queue,
  type Worker,
  withBackend,
} from 'bullmq';

/** A BullMQ queue on either backend. */
export type AnyQueue<D, R> = Queue<D, R, string, D, R, string, IQueueBackend, unknown>;
/** A BullMQ worker on either backend. */
export type AnyWorker<D, R> = Worker<D, R, string, IQueueBackend, JobProgress, unknown>;

/** The BullMQ classes bound to one backend, and the connection options they take. */
export interface QueueBackend {
  kind: 'redis' | 'postgres';
  classes: BackendClasses<IQueueBackend, unknown>;
  connection: unknown;
}

/**
 * Chooses BullMQ's backend by the URL: `redis://[:password@]host:port[/db]` → Redis (ioredis; the
 * default and most used backend), `postgres://…` or `postgresql://…` → BullMQ 6's PostgreSQL backend
 * (its tables in the schema `bullmq`, created on first connect). The same queue and worker code runs
 * on both: only the classes' backend differs.
 */
export function queueBackend(url: string): QueueBackend {
  if (/^postgres(ql)?:\/\//.test(url))
    return {
      kind: 'postgres',
      classes: withBackend(createPostgresBackend) as unknown as BackendClasses<IQueueBackend, unknown>,
      connection: { connectionString: url, migrate: true, max: 4 },
    };
  const u = new URL(url);
  if (u.protocol !== 'redis:') throw new Error(`a queue URL is redis://… or postgres://…, received ${url}`);
  return {
    kind: 'redis',
    classes: withBackend(createRedisBackend) as unknown as BackendClasses<IQueueBackend, unknown>,
    connection: {
      host: u.hostname,
      port: Number(u.port || 6379),
      ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
      ...(u.pathname.length > 1 ? { db: Number(u.pathname.slice(1)) } : {}),
      // BullMQ's workers block on Redis: a command must wait for a reconnect, never fail after N retries
      maxRetriesPerRequest: null,
    },
  };
}
