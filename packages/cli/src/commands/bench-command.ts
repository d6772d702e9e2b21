import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { solve } from '@beatplan/tsp';
import { CliFailure, type CommandIo } from '../cli-io.js';
import { numberFlag } from '../parse-command-args.js';
import { listInstanceFiles, readBenchInstance, readOptima } from '../internal/bench-instances.js';
import { benchCsv, benchTable, fillGaps, type BenchRow } from '../internal/bench-output.js';

export const BENCH_USAGE =
  'beatplan bench <files or folders of .tsp/.atsp/.json> [--methods exact,heuristic] [--time-limit <ms>] [--seeds 1-5] [--optima optima.json] [--out <path prefix>]';

/**
 * Default time limit of an `exact` or `auto` run without `--time-limit`, ms: a proof that does not
 * finish still ends, with its bound. A `heuristic` run has none by default (its deterministic kick
 * budget ends it; under a time limit it searches until the limit).
 */
export const DEFAULT_BENCH_TIME_LIMIT_MS = 60_000;

const METHODS = ['exact', 'heuristic', 'auto'] as const;

/** `--seeds`: `4`, `1-5` or `1,3,7` (at most 100 seeds, each an integer ≥ 0). */
function parseSeeds(text: string): number[] {
  const range = /^(\d+)-(\d+)$/.exec(text);
  const seeds = range
    ? Array.from({ length: Math.max(0, Number(range[2]) - Number(range[1]) + 1) }, (_, k) => Number(range[1]) + k)
    : text.split(',').map((s) => (/^\d+$/.test(s.trim()) ? Number(s) : Number.NaN));
  if (seeds.length === 0 || seeds.length > 100 || seeds.some((s) => !Number.isSafeInteger(s) || s > 2 ** 32 - 1))
    throw new CliFailure((t) => t.t('seedsFlag', { text }), 2);
  return seeds;
}

function parseMethods(text: string): (typeof METHODS)[number][] {
  const methods = [...new Set(text.split(',').map((s) => s.trim()))];
  for (const m of methods)
    if (!(METHODS as readonly string[]).includes(m)) throw new CliFailure((t) => t.t('methodsFlag', { text: m }), 2);
  return methods as (typeof METHODS)[number][];
}

/**
 * `beatplan bench`: runs every instance (files, or every `.tsp`/`.atsp`/`.json` in a folder) with each
 * method and seed — closed tours from node 0, `--time-limit` ms per run (default: 60 s for `exact`
 * and `auto`, none for `heuristic`, which then stops at its deterministic kick budget) — and prints a
 * table (n, method, seed, length, known optimum, gap to it or to the best length found, proven, lower
 * bound, time to best, time); the same rows go to `<out>.json` (with the settings and the machine)
 * and `<out>.csv` (default `<out>` = `beatplan-bench` in the working folder). Known optima come from
 * `--optima` (`{ "<name>": optimum }` or the shared set's `{ "<name>": { "optimum": … } }`) and from
 * a TSPLIB `<name>.opt.tour` beside a `.tsp`/`.atsp`; a tour of another size, or one disagreeing with
 * `--optima`, is an error. Progress: one line per run on stderr.
 * @throws {CliFailure} on a usage error (exit 2), or an unreadable or invalid instance, optima or tour (exit 1).
 */
export async function benchCommand(args: string[], io: CommandIo): Promise<void> {
  let parsed: ReturnType<typeof parseArgs<{ args: string[]; allowPositionals: true; options: typeof OPTIONS }>>;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: OPTIONS });
  } catch (e) {
    throw new CliFailure((t) => t.t('usageError', { detail: (e as Error).message, usage: BENCH_USAGE }), 2);
  }
  const { values, positionals } = parsed;
  if (positionals.length === 0) throw new CliFailure((t) => t.t('expectedInstances', { usage: BENCH_USAGE }), 2);
  const methods = parseMethods(values.methods ?? 'exact,heuristic');
  const seeds = parseSeeds(values.seeds ?? '1');
  const timeLimitMs = numberFlag('time-limit', values['time-limit'], 'whole', 1, 86_400_000);
  const out = values.out ?? 'beatplan-bench';
  const optima = values.optima === undefined ? new Map<string, number>() : await readOptima(values.optima, io);
  const files = listInstanceFiles(positionals, values.optima);
  const instances = [];
  for (const file of files) instances.push(await readBenchInstance(file, optima, io));

  const rows: BenchRow[] = [];
  for (const inst of instances)
    for (const method of methods)
      for (const seed of seeds) {
        let bestLength = Infinity;
        let bestAt = 0;
        const t0 = performance.now();
        const limit = timeLimitMs ?? (method === 'heuristic' ? undefined : DEFAULT_BENCH_TIME_LIMIT_MS);
        const r = await solve(inst.input, {
          method,
          seed,
          ...(limit === undefined ? {} : { timeLimitMs: limit }),
          onProgress: (p) => {
            if (p.bestLength !== undefined && p.bestLength < bestLength) {
              bestLength = p.bestLength;
              bestAt = performance.now() - t0;
            }
          },
        });
        const timeMs = performance.now() - t0;
        const ms = (x: number) => Math.round(x * 10) / 10;
        rows.push({
          instance: inst.name,
          file: inst.file,
          n: inst.n,
          method,
          seed,
          length: r.length,
          optimum: inst.optimum,
          gap: 0,
          gapTo: 'best',
          exact: r.exact,
          lowerBound: r.lowerBound ?? null,
          timeToBestMs: ms(r.length < bestLength ? timeMs : bestAt),
          timeMs: ms(timeMs),
          timedOut: r.timedOut,
        });
        io.stderr.write(
          `bench: ${inst.name} ${method} seed ${seed}: ${r.length}${r.exact ? ' (proven)' : ''} in ${ms(timeMs)} ms\n`,
        );
      }
  fillGaps(rows);
  const report = {
    settings: { methods, seeds, timeLimitMs: timeLimitMs ?? null, optima: values.optima ?? null },
    machine: { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model ?? null },
    date: new Date().toISOString(),
    runs: rows,
  };
  writeFileSync(`${out}.json`, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(`${out}.csv`, benchCsv(rows));
  io.stdout.write(benchTable(rows));
  io.stdout.write(`written: ${out}.json, ${out}.csv\n`);
}

const OPTIONS = {
  methods: { type: 'string' },
  'time-limit': { type: 'string' },
  seeds: { type: 'string' },
  optima: { type: 'string' },
  out: { type: 'string' },
} as const;
