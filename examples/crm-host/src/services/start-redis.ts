import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port.js';

const REDIS_SERVER = '/usr/bin/redis-server';

/** A Redis server this process started, and how to stop it. */
export interface StartedRedis {
  /** `redis://127.0.0.1:<port>` */
  url: string;
  port: number;
  /** The server's process id (the benchmark reads its CPU time). */
  pid: number;
  /** Stops the server (SIGTERM, then SIGKILL after 5 s) and deletes its directory. */
  stop(): Promise<void>;
}

/** True when Debian's redis-server is installed. */
export function hasRedis(): boolean {
  return existsSync(REDIS_SERVER);
}

/**
 * Starts a throw-away Redis (Debian's `redis-server`) on a free port of 127.0.0.1: no persistence
 * (`save ""`, no AOF), in a temporary directory, `maxmemory-policy noeviction` (BullMQ needs every key
 * kept). Resolves once it accepts connections (well under a second).
 */
export async function startRedis(): Promise<StartedRedis> {
  if (!hasRedis()) throw new Error(`Redis is not installed (${REDIS_SERVER}): apt-get install redis-server`);
  const dir = mkdtempSync(join(tmpdir(), 'crm-host-redis-'));
  const port = await freePort();
  const child: ChildProcess = spawn(
    REDIS_SERVER,
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--save',
      '',
      '--appendonly',
      'no',
      '--maxmemory-policy',
      'noeviction',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let log = '';
  await new Promise<void>((resolve, reject) => {
    const onData = (d: Buffer) => {
      log += String(d);
      if (log.includes('Ready to accept connections')) resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`redis-server exited (${code}) before it was ready:\n${log}`)));
  });
  child.stdout?.removeAllListeners('data');
  child.stderr?.removeAllListeners('data');
  child.stdout?.resume();
  child.stderr?.resume();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    pid: child.pid ?? -1,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
