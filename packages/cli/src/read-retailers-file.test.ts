import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gb18030 } from '../../core/test/gb18030.js';
import { retailerImportOptions } from './read-retailers-file.js';
import { runCaptured, tempDirForFile } from '../test/run-captured.js';

const fixtures = new URL('../../territory/test/in/', import.meta.url);
const cityCsv = readFileSync(new URL('small-city.csv', fixtures), 'utf8');
const managersJson = new URL('small-city-managers.json', fixtures).pathname;
const dir = tempDirForFile('import-flags');

// The company's own header names for four columns, and one column of its own (渠道).
const CHINESE = new Map([
  ['id', '许可证号'],
  ['name', '客户名称'],
  ['lng', '经度'],
  ['lat', '纬度'],
]);
const COLUMNS = [...CHINESE].map(([f, h]) => `${f}=${h}`).join(',');
const [header = '', ...rows] = cityCsv.trim().split('\n');
const chineseCsv = `${[...header.split(',').map((h) => CHINESE.get(h) ?? h), '渠道'].join(',')}\n${rows
  .map((r) => `${r},现代终端`)
  .join('\n')}\n`;
const gbFile = join(dir, 'retailers-gb.csv');
writeFileSync(gbFile, gb18030(chineseCsv));

const run = runCaptured;

describe('retailer import flags (plan, inspect draw, inspect route)', () => {
  it('reads a GB18030 CSV with Chinese headers through --columns and --unknown-columns attributes', async () => {
    const common = ['--columns', COLUMNS, '--unknown-columns', 'attributes'];
    const draw = await run([
      'inspect',
      'draw',
      gbFile,
      '--size',
      '5',
      '--seed',
      '1',
      ...common,
      '--encoding',
      'gb18030',
    ]);
    expect(draw.stderr).toBe('');
    expect(JSON.parse(draw.stdout).retailerIds).toHaveLength(5);
    // Detected without --encoding, the same sample.
    const auto = await run(['inspect', 'draw', gbFile, '--size', '5', '--seed', '1', ...common]);
    expect(auto.stdout).toBe(draw.stdout);
    const out = join(dir, 'plan');
    const plan = await run(
      ['plan', gbFile, '--managers', managersJson, '--weeks', '1', '--start', '2025-03-03'].concat([
        '--out',
        out,
        '--seed',
        '3',
        '--bom',
        ...common,
      ]),
    );
    expect(plan.stderr).toBe('');
    expect(JSON.parse(plan.stdout).retailers).toBe(90);
    const csv = readFileSync(join(out, 'visit-plans.csv'));
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('without the mapping, names the unknown Chinese columns; read as UTF-8, the GB18030 bytes fail naming the line', async () => {
    const plain = await run(['inspect', 'draw', gbFile, '--size', '5']);
    expect(plain.code).toBe(1);
    expect(plain.stderr).toContain(`${gbFile}: columns.客户名称: unknown column`);
    expect(plain.stderr).toContain(`${gbFile}: columns.id: required column is missing`);
    const utf8 = await run(['inspect', 'draw', gbFile, '--size', '5', '--encoding', 'utf-8', '--columns', COLUMNS]);
    expect(utf8.code).toBe(1);
    expect(utf8.stderr).toMatch(/line 1\b/);
  });

  it('refuses malformed flags as usage errors (exit 2), and a mapping to a missing header as invalid input', async () => {
    for (const flags of [
      ['--columns', 'id'],
      ['--columns', 'id=,name=x'],
      ['--encoding', 'latin1'],
      ['--unknown-columns', 'keep'],
      ['--columns', 'shopName=店名'],
    ]) {
      const r = await run(['inspect', 'draw', gbFile, '--size', '5', ...flags]);
      expect(r.code, flags.join(' ')).toBe(2);
    }
    const missing = await run(['inspect', 'draw', gbFile, '--size', '5', '--columns', `${COLUMNS},phone=电话`]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('电话');
  });

  it('parses --columns into the import option', () => {
    expect(retailerImportOptions({ columns: 'id=许可证号, name = 客户名称', encoding: 'gbk' })).toEqual({
      columns: { id: '许可证号', name: '客户名称' },
      encoding: 'gbk',
    });
  });
});
