import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { redrawSample } from '@beatplan/inspection';
import { importRetailersCsv } from '@beatplan/core';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCaptured, tempDirForFile } from '../../test/run-captured.js';

const retailersCsv = new URL('../../../territory/test/in/small-city.csv', import.meta.url).pathname;
const dir = tempDirForFile('adjust');

const run = runCaptured;

describe('beatplan inspect adjust', () => {
  it('appends who, why and when to the audit trail; the draw still verifies', async () => {
    const drawn = await run(['inspect', 'draw', retailersCsv, '--size', '4', '--seed', '9']);
    const planFile = join(dir, 'plan.json');
    writeFileSync(planFile, drawn.stdout);
    const plan = JSON.parse(drawn.stdout);
    const [first] = plan.retailerIds;
    const outside = ['R00001', 'R00002', 'R00003', 'R00004', 'R00005'].find((id) => !plan.retailerIds.includes(id));
    const at = '2025-03-04T08:00:00+08:00';
    const args = ['inspect', 'adjust', planFile, '--remove', first, '--add', String(outside)];
    const r = await run([...args, '--by', '组长 赵', '--reason', '停业装修', '--at', at]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const adjusted = JSON.parse(r.stdout);
    expect(adjusted.adjustments).toEqual([
      { at: Date.parse(at), by: '组长 赵', reason: '停业装修', add: [outside], remove: [first] },
    ]);
    expect(adjusted.retailerIds).toEqual([...plan.retailerIds.slice(1), outside]);
    const retailers = importRetailersCsv(readFileSync(retailersCsv, 'utf8')).retailers;
    expect(redrawSample(adjusted, retailers)).toEqual(adjusted);
  });

  it('refuses a change without ids, who or why (exit 2), and an invalid change naming it (exit 1)', async () => {
    const drawn = await run(['inspect', 'draw', retailersCsv, '--size', '2', '--seed', '9']);
    const planFile = join(dir, 'plan2.json');
    writeFileSync(planFile, drawn.stdout);
    const [first] = JSON.parse(drawn.stdout).retailerIds;
    expect((await run(['inspect', 'adjust', planFile, '--by', 'x', '--reason', 'y'])).code).toBe(2);
    expect((await run(['inspect', 'adjust', planFile, '--add', 'R9', '--reason', 'y'])).code).toBe(2);
    expect((await run(['inspect', 'adjust', planFile, '--add', 'R9', '--by', 'x'])).code).toBe(2);
    const again = await run(['inspect', 'adjust', planFile, '--add', first, '--by', 'x', '--reason', 'y']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('options: change.add[0]: retailer is already in the sample');
  });
});
