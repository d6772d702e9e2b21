// What the host's benchmarks share: the CPU-speed probe, the median, the machine line and where the JSON
// goes (bench/out/ at the repository root). The probe is the root bench/lib.mjs's loop, so the host's
// figures compare with the library's.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';

/**
 * A fixed CPU-bound loop (3·10⁷ Math.sin), timed before and after the runs: on a shared VM the same work
 * can take 40 % longer for minutes at a time; a probe that moved between the start and the end marks a run
 * to repeat. Milliseconds.
 */
export function speedProbeMs(): number {
  const xs = new Float64Array(1e6);
  for (let i = 0; i < xs.length; i++) xs[i] = i / xs.length;
  const t0 = process.hrtime.bigint();
  let sum = 0;
  for (let k = 0; k < 30; k++) for (let i = 0; i < xs.length; i++) sum += Math.sin(xs[i] as number);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  return sum === 0 ? Number.NaN : ms;
}

/** The median of a list of numbers (the mean of the middle two for an even count). */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 ? (s[h] as number) : ((s[h - 1] as number) + (s[h] as number)) / 2;
}

/** The machine line of a benchmark: started (probe and load) by {@link startMachineLine}, ended by `end()`. */
export interface MachineLine {
  cpu: string | undefined;
  cores: number;
  node: string;
  date: string;
  loadBefore: number;
  loadAfter: number;
  speedProbeMs: { before: number; after: number };
}

/** Runs the speed probe and reads the load now; `end()` runs it again and returns the whole line. */
export function startMachineLine(): { end: () => MachineLine } {
  const before = speedProbeMs();
  const loadBefore = loadavg()[0] ?? 0;
  const date = new Date().toISOString();
  return {
    end: () => ({
      cpu: cpus()[0]?.model,
      cores: cpus().length,
      node: process.version,
      date,
      loadBefore,
      loadAfter: loadavg()[0] ?? 0,
      speedProbeMs: { before, after: speedProbeMs() },
    }),
  };
}

/** Writes `data` as JSON to `bench/out/<file>` at the repository root; returns the path written. */
export function writeBenchOut(file: string, data: unknown): string {
  const dir = new URL('../../../bench/out/', import.meta.url);
  mkdirSync(dir, { recursive: true });
  const url = new URL(file, dir);
  writeFileSync(url, `${JSON.stringify(data, null, 1)}\n`);
  return url.pathname;
}
