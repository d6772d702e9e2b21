import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { crossCheck, type CrossCheckInput } from '@beatplan/inspection';

// Fixture tests: test/in/<name>.json → test/out/<name>.json (the report). Regenerate with
// REGEN=1 npx vitest run packages/inspection/test. Each fixture also states its known contradictions,
// checked independently of the golden output.
const dir = fileURLToPath(new URL('./', import.meta.url));

describe('crossCheck fixtures', () => {
  for (const file of readdirSync(`${dir}in`).filter((f) => f.endsWith('.json'))) {
    it(file, () => {
      const fixture = JSON.parse(readFileSync(`${dir}in/${file}`, 'utf8')) as {
        input: CrossCheckInput;
        expectContradictions: [string, string, string[]][];
      };
      const report = crossCheck(fixture.input);
      expect(report.contradictions.map((c) => [c.code, c.recordId, c.visitIds])).toEqual(fixture.expectContradictions);
      const out = `${dir}out/${file}`;
      if (process.env.REGEN) writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
      expect(report).toEqual(JSON.parse(readFileSync(out, 'utf8')));
    });
  }
});
