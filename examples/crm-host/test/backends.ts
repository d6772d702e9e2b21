import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openRepository } from '../src/db/open-repository.js';
import type { Repository } from '../src/db/repository.js';
import { startPostgres, type StartedPostgres } from '../src/services/start-postgres.js';

/** A database the suite runs against: a fresh repository per call, and a teardown. */
export interface Backend {
  name: string;
  fresh(): Promise<Repository>;
  stop(): Promise<void>;
}

/** SQLite in a temporary directory (a real file: WAL needs one). */
export function sqliteBackend(): Backend {
  const dir = mkdtempSync(join(tmpdir(), 'crm-host-sqlite-'));
  let n = 0;
  return {
    name: 'sqlite',
    fresh: () => openRepository(join(dir, `t${++n}.db`)),
    stop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A PostgreSQL 15 cluster started on a free port; a new database per call. */
export async function postgresBackend(): Promise<Backend> {
  const pg: StartedPostgres = await startPostgres();
  const { default: pgLib } = await import('pg');
  let n = 0;
  return {
    name: 'postgres',
    async fresh() {
      const name = `t${++n}`;
      const client = new pgLib.Client({ connectionString: pg.url });
      await client.connect();
      await client.query(`CREATE DATABASE ${name}`);
      await client.end();
      return openRepository(pg.url.replace(/\/postgres$/, `/${name}`));
    },
    stop: () => pg.stop(),
  };
}
