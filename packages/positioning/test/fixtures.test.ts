import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BeatplanError } from '@beatplan/core';
import {
  chooseEstimate,
  estimateCellPosition,
  estimateWifiPosition,
  parseApTable,
  parseCellTable,
} from '@beatplan/positioning';
import { describe, expect, it } from 'vitest';

// Fixture tests: test/in/<name>.csv|.json → test/out/<name>.json. Regenerate with REGEN=1.
// cells-*.csv: tower tables; aps-*.csv: access-point tables (stats and issues);
// estimate-*.json: { table, scan, options? } → the estimate; choose-*.json: { choose, options? } → the choice.
const inDir = fileURLToPath(new URL('./in/', import.meta.url));
const outDir = fileURLToPath(new URL('./out/', import.meta.url));

const read = (file: string) => readFileSync(inDir + file, 'utf8');
const table = (file: string) => (file.startsWith('aps-') ? parseApTable(read(file)) : parseCellTable(read(file)));

function run(file: string): unknown {
  try {
    if (file.endsWith('.csv')) {
      const t = table(file);
      return { size: t.size, stats: t.stats, issues: t.issues, omittedIssues: t.omittedIssues };
    }
    const c = JSON.parse(read(file)) as {
      table?: string;
      scan?: Record<string, unknown>;
      choose?: never[];
      options?: never;
    };
    if (c.choose) return chooseEstimate(c.choose, c.options);
    const t = table(c.table!);
    return t.kind === 'cell'
      ? estimateCellPosition(t, c.scan as never, c.options)
      : estimateWifiPosition(t, c.scan as never, c.options);
  } catch (e) {
    if (!(e instanceof BeatplanError)) throw e;
    return { error: { code: e.code, message: e.message, issues: e.issues } };
  }
}

/** Rounds numbers to 10 significant digits so that last-bit differences do not matter. */
const round = (_key: string, v: unknown) =>
  typeof v === 'number' && !Number.isInteger(v) ? Number(v.toPrecision(10)) : v;

describe('fixtures', () => {
  for (const file of readdirSync(inDir).sort()) {
    it(file, () => {
      const out = `${outDir}${file.replace(/\.(csv|json)$/, '')}.json`;
      const actual = JSON.parse(JSON.stringify(run(file), round)) as unknown;
      if (process.env.REGEN) {
        mkdirSync(outDir, { recursive: true });
        writeFileSync(out, `${JSON.stringify(actual, null, 2)}\n`);
      }
      expect(actual).toEqual(JSON.parse(readFileSync(out, 'utf8')));
    });
  }
});
