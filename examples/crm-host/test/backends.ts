import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openRepository } from '../src/db/open-repository.js';
import type { Repository } from '../src/db/repository.js';
import { startPostgres, type StartedPostgres } from '../src/services/start-postgres.js';

/** A database the suite runs against: a fresh repository per call, and a teardown. */
export interface Backend {
  name: string;
  /** A new, empty database: a SQLite file path or a PostgreSQL URL (for `openRepository`). */
  freshLocation(): Promise<string>;
  fresh(): Promise<Repository>;
  stop(): Promise<void>;
}

/** SQLite in a temporary directory (a real file: WAL needs one). */
export function sqliteBackend(): Backend {
  const dir = mkdtempSync(join(tmpdir(), 'crm-host-sqlite-'));
  let n = 0;
  const freshLocation = async () => join(dir, `t${++n}.db`);
  return {
    name: 'sqlite',
    freshLocation,
    fresh: async () => openRepository(await freshLocation()),
    stop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A PostgreSQL 15 cluster started on a free port; a new database per call. */
export async function postgresBackend(): Promise<Backend> {
  const pg: StartedPostgres = await startPostgres();
  const { default: pgLib } = await import('pg');
  let n = 0;
  const freshLocation = async () => {
    const name = `t${++n}`;
    const client = new pgLib.Client({ connectionString: pg.url });
    await client.connect();
    await client.query(`CREATE DATABASE ${name}`);
    await client.end();
    return pg.url.replace(/\/postgres$/, `/${name}`);
  };
  return {
    name: 'postgres',
    freshLocation,
    fresh: async () => openRepository(await freshLocation()),
    stop: () => pg.stop(),
  };
}
