/** One run of `beatplan bench`: an instance, a method and a seed. */
export interface BenchRow {
  instance: string;
  file: string;
  n: number;
  method: 'exact' | 'heuristic' | 'auto';
  seed: number;
  /** The route's length in the instance's units. */
  length: number;
  /** The known optimum (from `--optima` or a `.opt.tour`), else null. */
  optimum: number | null;
  /** (length − reference) / reference, 6 decimals; the reference is `gapTo`'s. */
  gap: number;
  /** `'optimum'` (the known optimum) or `'best'` (the best length any run found for this instance). */
  gapTo: 'optimum' | 'best';
  /** True when the solver proved the route optimal. */
  exact: boolean;
  /** The proven lower bound on every route's length, null when none was proven. */
  lowerBound: number | null;
  /** Milliseconds from the start of the run to the last improvement of the route it returned. */
  timeToBestMs: number;
  /** Milliseconds of the whole run (wall clock). */
  timeMs: number;
  timedOut: boolean;
}

/** Column order of the CSV and the table. */
export const BENCH_COLUMNS = [
  'instance',
  'n',
  'method',
  'seed',
  'length',
  'optimum',
  'gap',
  'gapTo',
  'exact',
  'lowerBound',
  'timeToBestMs',
  'timeMs',
  'timedOut',
  'file',
] as const satisfies readonly (keyof BenchRow)[];

/** Fills `gap` and `gapTo` of every row: to the known optimum, else to the best length found for the instance. */
export function fillGaps(rows: BenchRow[]): void {
  const best = new Map<string, number>();
  for (const r of rows) best.set(r.file, Math.min(best.get(r.file) ?? Infinity, r.length));
  for (const r of rows) {
    const reference = r.optimum ?? best.get(r.file) ?? r.length;
    r.gapTo = r.optimum === null ? 'best' : 'optimum';
    r.gap = reference > 0 ? Math.round(((r.length - reference) / reference) * 1e6) / 1e6 : r.length > 0 ? 1 : 0;
  }
}

const cell = (v: unknown): string => (v === null ? '' : String(v));

/** RFC 4180 CSV: a header line, then one line per row (fields with a comma, quote or newline are quoted). */
export function benchCsv(rows: readonly BenchRow[]): string {
  const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = [BENCH_COLUMNS.join(','), ...rows.map((r) => BENCH_COLUMNS.map((c) => quote(cell(r[c]))).join(','))];
  return `${lines.join('\n')}\n`;
}

/** A plain-text table (right-aligned numbers) of the rows, without the file column. */
export function benchTable(rows: readonly BenchRow[]): string {
  const columns = BENCH_COLUMNS.filter((c) => c !== 'file');
  const text = (r: BenchRow, c: (typeof columns)[number]) =>
    c === 'gap' ? `${(r.gap * 100).toFixed(2)} %` : c === 'lowerBound' && r.lowerBound === null ? '–' : cell(r[c]);
  const left = new Set(['instance', 'method', 'gapTo']);
  const cols = columns.map((c) => ({
    c,
    width: Math.max(c.length, ...rows.map((r) => text(r, c).length)),
    left: left.has(c),
  }));
  const line = (cellOf: (col: (typeof cols)[number]) => string) =>
    cols.map((col) => (col.left ? cellOf(col).padEnd(col.width) : cellOf(col).padStart(col.width))).join('  ');
  const body = rows.map((r) => line((col) => text(r, col.c)));
  return `${[line((col) => col.c), line((col) => '-'.repeat(col.width)), ...body].join('\n')}\n`;
}
