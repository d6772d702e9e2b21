import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildReport, reportToCsv } from '@beatplan/reports';
import { describe, expect, it } from 'vitest';

// Fixture tests: test/in/<name>.json (a report input) → test/out/<name>.json (the report) and
// test/out/<name>.scorecard.csv. Regenerate with REGEN=1 npx vitest run packages/reports/test.
const inDir = fileURLToPath(new URL('./in/', import.meta.url));
const outDir = fileURLToPath(new URL('./out/', import.meta.url));

function check(file: string, actual: string): void {
  if (process.env.REGEN) {
    mkdirSync(outDir, { recursive: true });
    writeFileSync(outDir + file, actual);
  }
  expect(actual).toBe(readFileSync(outDir + file, 'utf8'));
}

describe('report fixtures', () => {
  for (const file of readdirSync(inDir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    it(file, () => {
      const report = buildReport(JSON.parse(readFileSync(inDir + file, 'utf8')));
      check(file, `${JSON.stringify(report, null, 1)}\n`);
      check(file.replace(/\.json$/, '.scorecard.csv'), reportToCsv(report).scorecard!);
    });
  }
});
