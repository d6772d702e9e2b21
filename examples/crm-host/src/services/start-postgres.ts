import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './free-port.js';

const run = promisify(execFile);
const BIN = '/usr/lib/postgresql/15/bin';

/** A PostgreSQL server this process started, and how to stop it. */
export interface StartedPostgres {
  /** `postgres://postgres@127.0.0.1:<port>/postgres` (trust authentication, 127.0.0.1 only). */
  url: string;
  port: number;
  /** Stops the server (fast shutdown) and deletes its data directory. */
  stop(): Promise<void>;
}

/** True when Debian's PostgreSQL 15 server binaries are installed. */
export function hasPostgres(): boolean {
  return existsSync(join(BIN, 'initdb')) && existsSync(join(BIN, 'pg_ctl'));
}

/**
 * Starts a throw-away PostgreSQL 15 cluster on a free port of 127.0.0.1: `initdb` (trust auth, no
 * password — it listens on 127.0.0.1 only and lives in a temporary directory) and `pg_ctl start`, both
 * as the `postgres` user when this process is root (initdb refuses root). About 3 s.
 * fsync is off: the cluster is for tests and benchmarks, and its data is deleted on `stop`.
 */
export async function startPostgres(): Promise<StartedPostgres> {
  if (!hasPostgres()) throw new Error(`PostgreSQL 15 is not installed (${BIN}): apt-get install postgresql-15`);
  const root = mkdtempSync(join(tmpdir(), 'crm-host-pg-'));
  chmodSync(root, 0o777);
  const data = join(root, 'data');
  const port = await freePort();
  const asPostgres = process.getuid?.() === 0 ? ['runuser', '-u', 'postgres', '--'] : [];
  const exec = (args: string[]) => {
    const [cmd, ...rest] = [...asPostgres, ...args];
    return run(cmd as string, rest, { cwd: '/' });
  };
  await exec([join(BIN, 'initdb'), '-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync']);
  const options = `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=50`;
  await exec([join(BIN, 'pg_ctl'), '-D', data, '-o', options, '-l', join(root, 'log'), '-w', 'start']);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    async stop() {
      await exec([join(BIN, 'pg_ctl'), '-D', data, '-m', 'fast', '-w', 'stop']).catch(() => undefined);
      rmSync(root, { recursive: true, force: true });
    },
  };
}
