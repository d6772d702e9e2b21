import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BeatplanError } from '@beatplan/core';
import { verifyDay } from '@beatplan/geofence';
import { describe, expect, it } from 'vitest';

// Fixture tests: test/in/<name>.json ({ description, retailers, visits, policy?, planned? }) →
// test/out/<name>.json (the verdicts and summary, or the error). Regenerate with REGEN=1.
const inDir = fileURLToPath(new URL('./in/', import.meta.url));
const outDir = fileURLToPath(new URL('./out/', import.meta.url));

function run(file: string): unknown {
  const input = JSON.parse(readFileSync(inDir + file, 'utf8')) as {
    retailers: never[];
    visits: never[];
    policy?: object;
    planned?: unknown[];
  };
  try {
    return verifyDay(input.retailers, input.visits, input.policy, input.planned ? { planned: input.planned } : {});
  } catch (e) {
    if (!(e instanceof BeatplanError)) throw e;
    return { error: { code: e.code, message: e.message, issues: e.issues } };
  }
}

describe('verification fixtures', () => {
  for (const file of readdirSync(inDir).sort()) {
    it(file, () => {
      const out = `${outDir}${file}`;
      const actual = JSON.parse(JSON.stringify(run(file))) as unknown;
      if (process.env.REGEN) {
        mkdirSync(outDir, { recursive: true });
        writeFileSync(out, `${JSON.stringify(actual, null, 2)}\n`);
      }
      expect(actual).toEqual(JSON.parse(readFileSync(out, 'utf8')));
    });
  }
});
