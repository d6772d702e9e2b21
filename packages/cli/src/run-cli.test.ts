import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from 'beatplan';
import { PROTOTYPE_NAMES } from '../../core/test/data-key-names.js';
import { VERSION } from './version.js';

const dir = mkdtempSync(join(tmpdir(), 'beatplan-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};
const fixtures = new URL('../../territory/test/in/', import.meta.url);
const retailersCsv = new URL('small-city.csv', fixtures).pathname;
const managersJson = new URL('small-city-managers.json', fixtures).pathname;
const sampleDay = new URL('../../../examples/data/sample-day.json', import.meta.url).pathname;

async function run(argv: string[], stdin?: string, env: Record<string, string> = {}) {
  let out = '';
  let err = '';
  const code = await runCli(argv, {
    stdout: { write: (t: string) => (out += t) },
    stderr: { write: (t: string) => (err += t) },
    ...(stdin !== undefined ? { stdin: Readable.from([Buffer.from(stdin)]) } : {}),
    env,
  });
  return { code, out, err };
}

// Regressions (issue 15, defects 1 and 4).
describe('runCli', () => {
  it('calls a command named like an Object.prototype member unknown (exit 2, no stack trace)', async () => {
    for (const name of [...PROTOTYPE_NAMES, 'nope']) {
      const { code, out, err } = await run([name]);
      expect(code, name).toBe(2);
      expect(out).toBe('');
      expect(err.split('\n')[0]).toBe(`beatplan: unknown command ${JSON.stringify(name)}`);
      expect(err).not.toContain('    at ');
    }
  });

  it('answers --help and --version on every command (exit 0, stdout)', async () => {
    expect(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version).toBe(VERSION);
    for (const argv of [[], ['solve'], ['verify'], ['plan'], ['inspect'], ['inspect', 'draw'], ['report']]) {
      const help = await run([...argv, '--help']);
      expect(help.code, argv.join(' ')).toBe(0);
      expect(help.out).toMatch(/usage/);
      expect(help.err).toBe('');
      const version = await run([...argv, '--version']);
      expect(version).toEqual({ code: 0, out: `beatplan ${VERSION}\n`, err: '' });
    }
  });

  it('treats numeric flags out of range as usage errors (exit 2)', async () => {
    for (const argv of [
      ['solve', sampleDay, '--seed', '99999999999999999999'],
      ['solve', sampleDay, '--time-limit', '0'],
      ['solve', sampleDay, '--start=-1'],
      ['plan', retailersCsv, '--managers', managersJson, '--weeks', '0'],
      ['plan', retailersCsv, '--managers', managersJson, '--tolerance', '7'],
      ['inspect', 'draw', retailersCsv, '--size', '5000000'],
      ['inspect', 'draw', retailersCsv, '--size', '3', '--rates', managersJson, '--alpha', '1e9'],
      ['solve', sampleDay, '--max-input-mb', '0'],
    ]) {
      const { code, err } = await run(argv);
      expect(code, argv.join(' ')).toBe(2);
      expect(err).toMatch(/must be (within|an integer|a whole number|a number)/);
    }
  });

  it('refuses an --out that is a file, or a non-empty folder without --force', async () => {
    const args = (out: string) => [
      'plan',
      retailersCsv,
      '--managers',
      managersJson,
      '--weeks',
      '1',
      '--start',
      '2025-03-03',
      '--out',
      out,
    ];
    const existing = file('existing.txt', 'keep me');
    const asFile = await run(args(existing));
    expect(asFile.code).toBe(1);
    expect(asFile.err).toBe(`beatplan plan: --out ${existing}: exists and is not a folder\n`);
    expect(readFileSync(existing, 'utf8')).toBe('keep me');
    const folder = join(dir, 'full');
    mkdirSync(folder);
    writeFileSync(join(folder, 'notes.txt'), 'x');
    const full = await run(args(folder));
    expect(full.code).toBe(1);
    expect(full.err).toMatch(/the folder is not empty \(add --force/);
    const forced = await run([...args(folder), '--force']);
    expect(forced.code).toBe(0);
    expect(readFileSync(join(folder, 'visit-plans.csv'), 'utf8')).toMatch(/^manager_id,/);
    const empty = join(dir, 'empty');
    mkdirSync(empty);
    expect((await run(args(empty))).code).toBe(0);
  });

  it('refuses devices, folders and inputs over the limit; reads - from standard input under the same limit', async () => {
    const device = await run(['verify', '/dev/zero']);
    expect(device.code).toBe(1);
    expect(device.err).toMatch(/\/dev\/zero: not a regular file/);
    expect((await run(['verify', dir])).err).toMatch(/not a file but a directory/);
    const big = await run(['solve', sampleDay, '--max-input-mb', '0.001']);
    expect(big.code).toBe(1);
    expect(big.err).toMatch(/larger than the input limit of 0\.0009\d* MiB \(raise it with --max-input-mb/);
    const viaEnv = await run(['solve', sampleDay], undefined, { BEATPLAN_MAX_INPUT_MB: '0.001' });
    expect(viaEnv.code).toBe(1);
    const text = readFileSync(sampleDay, 'utf8');
    const piped = await run(['solve', '-'], text);
    expect(piped.code).toBe(0);
    expect(JSON.parse(piped.out).n).toBe(JSON.parse(text).points.length);
    const pipedBig = await run(['solve', '-', '--max-input-mb', '0.001'], text);
    expect(pipedBig.code).toBe(1);
    expect(pipedBig.err).toMatch(/^beatplan solve: -: larger than the input limit/);
  });

  it('accepts a UTF-8 byte order mark in a JSON file', async () => {
    const withBom = file('bom.json', `\uFEFF${readFileSync(sampleDay, 'utf8')}`);
    const { code, err } = await run(['solve', withBom]);
    expect(err).toBe('');
    expect(code).toBe(0);
  });

  it('escapes control characters from the input in its messages, one problem a line', async () => {
    const evil = file('evil.json', { retailers: [], visits: [], '\u001b[2J\nfake: line': 1 });
    const { code, err } = await run(['verify', evil]);
    expect(code).toBe(1);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to find them
    expect(err).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    expect(err.split('\n')[0]).toBe(
      `${evil}: \\u001b[2J\\u000afake: line: unknown field (expected retailers, visits, policy, planned)`,
    );
  });

  it('names the file each problem comes from (--rates, --history, --managers)', async () => {
    const rates = file('rates.json', { M1: 2 });
    const history = file('history.json', [{ retailerId: 'R1', at: 'yesterday' }]);
    const drawn = await run(['inspect', 'draw', retailersCsv, '--size', '3', '--rates', rates]);
    expect(drawn.code).toBe(1);
    expect(drawn.err.split('\n')[0]).toMatch(new RegExp(`^${rates}: spec\\.weighting\\.verificationRates\\.M1: `));
    const since = await run([
      'inspect',
      'draw',
      retailersCsv,
      '--size',
      '3',
      '--exclude-since',
      '2025-01-01',
      '--history',
      history,
    ]);
    expect(since.code).toBe(1);
    expect(since.err.split('\n')[0]).toMatch(new RegExp(`^${history}: options\\.history\\[0\\]\\.at: `));
    const managers = file('managers.json', [{ id: 'M1', name: 'Li' }]);
    const planned = await run(['plan', retailersCsv, '--managers', managers, '--out', join(dir, 'p')]);
    expect(planned.code).toBe(1);
    expect(planned.err.split('\n')[0]).toMatch(new RegExp(`^${managers}: managers\\[0\\]\\.`));
  });

  it('writes its messages and the library error reasons in Chinese with --lang zh-CN (issue 13)', async () => {
    const bad = file('bad-lang.json', {
      retailers: [{ id: 'R1', name: 'x', location: { lng: 120, lat: 123 } }],
      visits: [],
    });
    const en = await run(['verify', bad]);
    expect(en.code).toBe(1);
    expect(en.err).toContain('retailers[0].location.lat: latitude must be within [-90, 90], received 123\n');
    for (const argv of [
      ['verify', bad, '--lang', 'zh-CN'],
      ['verify', '--lang=zh-CN', bad],
    ]) {
      const zh = await run(argv);
      expect(zh.code).toBe(1);
      expect(zh.err.split('\n')).toContain(`${bad}：retailers[0].location.lat：必须不大于 90，实际为 123`);
      expect(zh.err).toContain('beatplan verify：输入无效，共 ');
      expect(zh.err).not.toMatch(/invalid input|received/);
    }
    expect((await run(['nope', '--lang', 'zh-CN'])).err.split('\n')[0]).toBe('beatplan：未知命令 "nope"');
  });

  it('writes the hand-written reasons of every package in Chinese too (the reason catalogue, issue 13)', async () => {
    const bad = file('bad-reasons.json', {
      retailers: [{ id: 'R1', name: 'x', location: { lng: 120, lat: 28 } }],
      visits: [],
      extra: 1,
    });
    const en = await run(['verify', bad]);
    expect(en.err.split('\n')).toContain(`${bad}: extra: unknown field (expected retailers, visits, policy, planned)`);
    const zh = await run(['verify', bad, '--lang', 'zh-CN']);
    expect(zh.err.split('\n')).toContain(`${bad}：extra：未知字段（应为 retailers、visits、policy、planned）`);
  });

  it('refuses an unknown or missing --lang as a usage error (exit 2)', async () => {
    const fr = await run(['verify', sampleDay, '--lang', 'fr']);
    expect(fr).toEqual({ code: 2, out: '', err: 'beatplan verify: --lang must be en or zh-CN, received "fr"\n' });
    expect((await run(['verify', sampleDay, '--lang='])).code).toBe(2);
  });

  it('writes its own failures in Chinese too: a missing file, a bad flag, a usage error', async () => {
    const missing = await run(['verify', join(dir, 'nope.json'), '--lang', 'zh-CN']);
    expect(missing.err).toBe(`beatplan verify：${join(dir, 'nope.json')}：文件不存在\n`);
    const seed = await run(['solve', sampleDay, '--seed', 'x', '--lang', 'zh-CN']);
    expect(seed).toMatchObject({ code: 2, err: 'beatplan solve：--seed 必须是整数，实际为 "x"\n' });
    const sub = await run(['inspect', 'tour', '--lang', 'zh-CN']);
    expect(sub.err).toMatch(
      /^beatplan inspect：需要子命令 "draw" 或 "route" 或 "adjust" 或 "record" 或 "cross-check"，实际为 "tour"；用法：/,
    );
  });

  it('keeps every text of the command line in its catalogue (no CliFailure built from a literal)', () => {
    const src = new URL('./', import.meta.url);
    const files = ['parse-command-args.ts', 'read-input-file.ts', 'read-retailers-file.ts', 'run-cli.ts']
      .concat(['commands/inspect-command.ts', 'commands/plan-command.ts', 'commands/solve-command.ts'])
      .concat(['commands/verify-command.ts', 'commands/roads-command.ts', 'commands/bench-command.ts'])
      .concat(['internal/bench-instances.ts']);
    for (const f of files) expect(readFileSync(new URL(f, src), 'utf8'), f).not.toMatch(/new CliFailure\(\s*[`'"]/);
  });
});
