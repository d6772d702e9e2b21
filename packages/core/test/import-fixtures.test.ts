import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BeatplanError, importRetailersCsv, importRetailersGeoJson } from '@beatplan/core';
import { describe, expect, it } from 'vitest';

// Fixture tests: test/in/<name>.csv|.geojson → test/out/<name>.json. Regenerate with REGEN=1.
const inDir = fileURLToPath(new URL('./in/', import.meta.url));
const outDir = fileURLToPath(new URL('./out/', import.meta.url));

function run(file: string): unknown {
  const text = readFileSync(inDir + file, 'utf8');
  try {
    return file.endsWith('.csv') ? importRetailersCsv(text) : importRetailersGeoJson(text);
  } catch (e) {
    if (!(e instanceof BeatplanError)) throw e;
    return { error: { code: e.code, message: e.message, issues: e.issues, omittedIssues: e.omittedIssues } };
  }
}

describe('import fixtures', () => {
  for (const file of readdirSync(inDir).sort()) {
    it(file, () => {
      const out = `${outDir}${file}.json`;
      const actual = JSON.parse(JSON.stringify(run(file))) as unknown;
      if (process.env.REGEN) {
        mkdirSync(outDir, { recursive: true });
        writeFileSync(out, `${JSON.stringify(actual, null, 2)}\n`);
      }
      expect(actual).toEqual(JSON.parse(readFileSync(out, 'utf8')));
    });
  }
});
