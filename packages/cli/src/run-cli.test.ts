import { describe, expect, it } from 'vitest';
import { runCli } from 'beatplan';
import { PROTOTYPE_NAMES } from '../../core/test/data-key-names.js';

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, {
    stdout: { write: (t: string) => (out += t) },
    stderr: { write: (t: string) => (err += t) },
  });
  return { code, out, err };
}

describe('runCli', () => {
  // Regression (issue 15, defects 1 and 4): `beatplan toString` crashed with exit 70 and a stack trace.
  it('calls a command named like an Object.prototype member unknown (exit 2)', async () => {
    for (const name of [...PROTOTYPE_NAMES, 'nope']) {
      const { code, out, err } = await run(name);
      expect(code, name).toBe(2);
      expect(out).toBe('');
      expect(err.split('\n')[0]).toBe(`beatplan: unknown command ${JSON.stringify(name)}`);
      expect(err).not.toContain('    at ');
    }
  });
});
