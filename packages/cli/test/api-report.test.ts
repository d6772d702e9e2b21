import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain JavaScript script, also run from the command line
import { apiReports } from '../../../scripts/api-report.mjs';

// Issue 15, part B: a committed report of every package's public API (packages/<name>/api.md), so a
// change to the public surface shows in review. When this fails, look at the difference, and if the
// change is meant, run `node scripts/api-report.mjs` and commit the files.
describe('public API reports', () => {
  const reports = apiReports() as Record<string, string>;
  for (const [name, text] of Object.entries(reports)) {
    it(`packages/${name}/api.md is up to date`, () => {
      expect(readFileSync(new URL(`../../${name}/api.md`, import.meta.url), 'utf8')).toBe(text);
    });
  }
});
