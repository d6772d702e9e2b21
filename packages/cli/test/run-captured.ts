// Test support for the CLI's command tests: a run of `runCli` with its output captured, and a temporary folder
// removed after the test file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { runCli } from '../src/run-cli.js';

/** Runs `beatplan <args>` in this process; resolves to its exit code and everything it wrote. */
export async function runCaptured(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
  });
  return { code, stdout, stderr };
}

/** A new temporary folder named after `prefix`, removed when the calling test file's tests are done. */
export function tempDirForFile(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `beatplan-${prefix}-`));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
