import { BeatplanError, issueReason, type BeatplanIssue, type ReasonedMessage } from '@beatplan/core';
import { CsvRecordReader } from './csv-record-reader.js';
import { IssueList } from '@beatplan/core';

/** What a loader does with a bad row: skip it (and report it) or fail the whole load at once. */
export type RowErrorPolicy = 'skip' | 'fail';

/** Counters of one table load. */
export interface TableLoadStats {
  /** Data rows read (header and blank lines not counted). */
  rows: number;
  /** Rows stored in the table (a duplicate that replaced a stored row is not counted again). */
  loaded: number;
  /** Valid rows left out by the `filter` option. */
  filtered: number;
  /** Bad rows skipped (each has at least one issue, unless the issue cap was reached). */
  skipped: number;
  /** Rows whose key was already stored (the row with more samples is kept). */
  duplicates: number;
}

/** One column a table needs: its name in the header, accepted aliases, and whether it is required. */
export interface ColumnSpec {
  name: string;
  aliases?: readonly string[];
  required: boolean;
  /** Its position in a file without header (OpenCellID order); absent = only by header. */
  position?: number;
}

/** What the row handler reports back. */
export type RowOutcome = 'loaded' | 'filtered' | 'duplicate' | 'invalid';

/** Parses and stores one data row (its fields hold at least every required column). */
export type RowHandler = (fields: string[], ctx: RowContext) => RowOutcome;

/** Passed to the row handler: where the row is and how to report a bad field. */
export class RowContext {
  row = 0;
  problems = 0;
  constructor(private readonly issues: IssueList) {}
  /** Reports a bad field of the current row (path `[column]`), with a keyed reason (`issueReason`). */
  issue(column: string | undefined, reasoned: ReasonedMessage, value?: unknown): void {
    const issue: BeatplanIssue = { row: this.row, path: column === undefined ? [] : [column], ...reasoned };
    if (value !== undefined) issue.value = value;
    this.issues.add(issue);
    this.problems++;
  }
}

/** Settings shared by the table loaders. */
export interface TableLoaderSettings {
  columns: readonly ColumnSpec[];
  /** `'auto'`: the first record is a header when one of its fields is `probe`; `true`: required; `false`: none. */
  header: 'auto' | boolean;
  probe: string;
  delimiter: string;
  onRowError: RowErrorPolicy;
  maxIssues: number;
}

/**
 * The streaming machinery under the cell and access-point loaders: CSV records from chunks, header
 * detection and column mapping, row numbering (1-based data rows, as in @beatplan/core), the issue
 * list with its cap, the skip-or-fail policy, and the counters. The row handler parses and stores.
 */
export class TableLoader {
  readonly stats: TableLoadStats = { rows: 0, loaded: 0, filtered: 0, skipped: 0, duplicates: 0 };
  readonly issues: IssueList;
  private readonly reader: CsvRecordReader;
  private readonly ctx: RowContext;
  /** The row handler bound to the columns' field positions; undefined until the first record. */
  private handle: RowHandler | undefined;
  private minFields = 0;
  private state: 'open' | 'finished' | 'failed' = 'open';

  constructor(
    private readonly settings: TableLoaderSettings,
    /** Binds the row handler to the field position of each column of `settings.columns` (-1 = absent). */
    private readonly bind: (cols: Int32Array) => RowHandler,
  ) {
    this.issues = new IssueList(settings.maxIssues);
    this.ctx = new RowContext(this.issues);
    this.reader = new CsvRecordReader(
      settings.delimiter,
      (fields, problem) => this.onRecord(fields, problem),
      (chars) =>
        this.fail([
          {
            row: this.stats.rows + 1,
            path: [],
            ...issueReason('positioning.record_too_long', { chars: chars - 1 }),
          },
        ]),
    );
  }

  push(chunk: string | Uint8Array): void {
    this.checkOpen();
    if (typeof chunk !== 'string' && !(chunk instanceof Uint8Array)) {
      throw new BeatplanError('INVALID_INPUT', [
        { path: ['chunk'], value: chunk, ...issueReason('positioning.chunk_type') },
      ]);
    }
    this.guard(() => this.reader.push(chunk));
  }

  finish(): void {
    this.checkOpen();
    this.guard(() => {
      this.reader.end();
      if (this.handle === undefined && this.settings.header === true)
        this.fail([{ path: ['columns'], ...issueReason('positioning.header_missing_empty') }]);
    });
    this.state = 'finished';
  }

  private checkOpen(): void {
    if (this.state !== 'open') {
      throw new BeatplanError(
        'INVALID_INPUT',
        `this table loader has ${this.state === 'finished' ? 'finished' : 'failed'}; create a new one`,
      );
    }
  }

  private guard(f: () => void): void {
    try {
      f();
    } catch (e) {
      this.state = 'failed';
      throw e;
    }
  }

  private fail(issues: BeatplanIssue[]): never {
    for (const issue of issues) this.issues.add(issue);
    throw this.issues.toError();
  }

  private onRecord(fields: string[], problem: string | undefined): void {
    let handle = this.handle;
    if (handle === undefined) {
      const probe = this.settings.probe;
      const isHeader =
        this.settings.header === 'auto' ? fields.some((f) => f.trim().toLowerCase() === probe) : this.settings.header;
      const columns = isHeader ? this.mapHeader(fields) : this.defaultColumns();
      this.minFields = 1 + Math.max(...columns.map(({ spec, at }) => (spec.required ? at : -1)));
      handle = this.handle = this.bind(Int32Array.from(columns, ({ at }) => at));
      if (isHeader) return;
    }
    const ctx = this.ctx;
    ctx.row = ++this.stats.rows;
    ctx.problems = 0;
    let outcome: RowOutcome;
    if (problem !== undefined) {
      ctx.issue(undefined, issueReason('positioning.row_csv', { problem }));
      outcome = 'invalid';
    } else if (fields.length < this.minFields) {
      ctx.issue(
        undefined,
        issueReason('positioning.row_fields', { got: fields.length, min: this.minFields }),
        fields.length,
      );
      outcome = 'invalid';
    } else {
      outcome = handle(fields, ctx);
    }
    if (outcome === 'invalid') {
      this.stats.skipped++;
      if (this.settings.onRowError === 'fail') throw this.issues.toError();
    } else if (outcome === 'loaded') this.stats.loaded++;
    else if (outcome === 'filtered') this.stats.filtered++;
    else this.stats.duplicates++;
  }

  /** Each column with its field position (-1 = absent). */
  private mapHeader(fields: string[]): { spec: ColumnSpec; at: number }[] {
    const names = fields.map((f) => f.trim().toLowerCase());
    const missing: BeatplanIssue[] = [];
    const cols = this.settings.columns.map((c) => {
      const at = [c.name, ...(c.aliases ?? [])].map((n) => names.indexOf(n)).find((k) => k >= 0);
      if (at === undefined && c.required)
        missing.push({ path: ['columns', c.name], ...issueReason('core.required_column') });
      return { spec: c, at: at ?? -1 };
    });
    if (missing.length > 0) this.fail(missing);
    return cols;
  }

  private defaultColumns(): { spec: ColumnSpec; at: number }[] {
    if (this.settings.header === true || this.settings.columns.some((c) => c.position === undefined && c.required)) {
      const first = this.settings.columns[0]?.name ?? '';
      this.fail([
        {
          path: ['columns'],
          ...issueReason('positioning.header_missing', { first }),
        },
      ]);
    }
    return this.settings.columns.map((c) => ({ spec: c, at: c.position ?? -1 }));
  }
}

/**
 * Reads a number cell. Empty/absent: `undefined` (the caller decides whether that is allowed).
 * Not a finite number: reports and returns NaN.
 */
export function readNumber(
  ctx: RowContext,
  fields: string[],
  at: number,
  column: string,
  what: string,
): number | undefined {
  if (at < 0) return undefined;
  const raw = fields[at];
  if (raw === undefined) return undefined;
  const text = raw.trim();
  if (text === '') return undefined;
  const v = Number(text);
  if (!Number.isFinite(v)) {
    ctx.issue(column, issueReason('positioning.row_number', { what }), raw);
    return Number.NaN;
  }
  return v;
}

/** Reads an integer cell within [min, max]; reports (missing, not a number, out of range) and returns NaN when bad. */
export function readInteger(ctx: RowContext, fields: string[], at: number, column: string, max: number): number {
  const v = readNumber(ctx, fields, at, column, column);
  if (v === undefined) {
    ctx.issue(column, issueReason('positioning.row_required', { what: column }));
    return Number.NaN;
  }
  if (Number.isNaN(v)) return v;
  if (!Number.isInteger(v) || v < 0 || v > max) {
    ctx.issue(column, issueReason('positioning.row_integer', { what: column, max }), fields[at]);
    return Number.NaN;
  }
  return v;
}

/** Reads lon and lat; reports and returns NaN for a bad one. */
export function readLngLat(
  ctx: RowContext,
  fields: string[],
  atLng: number,
  atLat: number,
  lngName: string,
): [number, number] {
  const lng = readNumber(ctx, fields, atLng, lngName, 'longitude');
  const lat = readNumber(ctx, fields, atLat, 'lat', 'latitude');
  const check = (v: number | undefined, name: string, word: string, lim: number, at: number): number => {
    if (v === undefined) {
      ctx.issue(name, issueReason('positioning.row_required', { what: word }));
      return Number.NaN;
    }
    if (!Number.isNaN(v) && (v < -lim || v > lim)) {
      ctx.issue(name, issueReason('positioning.row_degrees', { what: word, lim }), fields[at]);
      return Number.NaN;
    }
    return v;
  };
  return [check(lng, lngName, 'longitude', 180, atLng), check(lat, 'lat', 'latitude', 90, atLat)];
}

/** Tells whether a point passes a `[minLng, minLat, maxLng, maxLat]` box (minLng > maxLng wraps the antimeridian). */
export function isInBbox(
  bbox: readonly [number, number, number, number] | undefined,
  lng: number,
  lat: number,
): boolean {
  if (bbox === undefined) return true;
  const [w, s, e, n] = bbox;
  if (lat < s || lat > n) return false;
  return w <= e ? lng >= w && lng <= e : lng >= w || lng <= e;
}
