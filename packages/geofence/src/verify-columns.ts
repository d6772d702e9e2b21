import { BeatplanError, issueReason, type Visit } from '@beatplan/core';
import { judgeBatch, verdictObject } from './internal/assess-batch.js';
import { checkColumns } from './internal/check-columns.js';
import { checkReferences, resolvePlans } from './internal/check-references.js';
import { flagList, reasonList, statusCodeOf } from './internal/code-masks.js';
import { createEvidence, CRS_CODE, CRS_NAMES, FIX_SOURCES, KIND_MOCK, SOURCE_CODE } from './internal/evidence.js';
import { failEvidence } from './internal/evidence-bug.js';
import { IdNumbering } from './internal/id-numbering.js';
import { placeAbsentEnd, placeFix } from './internal/fill-evidence.js';
import { IssueCollector } from './internal/issue-collector.js';
import type { RetailerIndex } from './internal/retailer-index.js';
import { beginScratch } from './internal/scratch.js';
import type { VerificationSummary, VisitVerdict } from './verification-result.js';
import type { FlagCode, ReasonCode } from './verify-codes.js';
import type { VerifyOptions } from './verify-parsed.js';

/** Codes of {@link FixColumns.source}: code k means `FIX_SOURCE_CODES[k]` (0 gnss, 1 cell, 2 wifi, 3 manual). */
export const FIX_SOURCE_CODES = FIX_SOURCES;
/** Codes of {@link FixColumns.crs}: code k means `CRS_CODES[k]` (0 WGS84, 1 GCJ02, 2 BD09). */
export const CRS_CODES = CRS_NAMES;

/**
 * One side (start or end) of a batch's fixes as columns: element i belongs to visit i. The fields
 * mean what they mean in core's `PositionFixSchema`.
 */
export interface FixColumns {
  /** Degrees in the fix's crs, within [-180, 180]. */
  lng: Float64Array;
  /** Degrees in the fix's crs, within [-90, 90]. */
  lat: Float64Array;
  /** Accuracy radius, metres ≥ 0, at `accuracyConfidence`. */
  accuracyM: Float64Array;
  /** Time, epoch milliseconds (2000-01-01 to 2100-01-01). */
  at: Float64Array;
  /** Source codes, see {@link FIX_SOURCE_CODES}. */
  source: Uint8Array;
  /** Crs codes, see {@link CRS_CODES}. Default: all WGS84. */
  crs?: Uint8Array;
  /** 1 where the device said the location was mocked, else 0. Default: all 0. */
  mock?: Uint8Array;
  /** Confidence of `accuracyM` in (0, 1); NaN where absent (the source's default, 0.68). Default: all absent. */
  accuracyConfidence?: Float64Array;
  /**
   * End fixes only: 1 where visit i has its end fix, 0 where it has none (the visit is judged
   * `incomplete` on its start fix, and the other end columns' values at i are ignored). Default: all 1.
   * On the start side every element must be 1 (a visit without a start fix is an input error).
   */
  present?: Uint8Array;
}

/**
 * A batch of visits as columns (element i of every column is visit i): the input of
 * {@link verifyColumns}. Managers are dictionary-encoded (`manager[i]` indexes `managerIds`), and
 * retailers are numbered as in the compiled index (`index.byId.get(retailerId)`).
 */
export interface VisitColumns {
  /** Visit ids, unique; their count is the number of visits. */
  ids: readonly string[];
  /** Distinct manager ids. */
  managerIds: readonly string[];
  /** Each visit's manager, an index into `managerIds`. */
  manager: Int32Array;
  /** Each visit's retailer, an index into the compiled index's `retailers`. */
  retailer: Int32Array;
  /** The fixes sent on *start visit*. */
  start: FixColumns;
  /** The fixes sent on *end visit* (`end.present` marks the visits that have none). */
  end: FixColumns;
}

/**
 * Verdicts as columns, element i for visit i: the same content as `VisitVerdict` objects.
 * Decode with {@link verdictAt}, or read the codes directly: `status` indexes `VISIT_STATUSES`,
 * bit k of `reasons` is `REASON_CODES[k]`, bit k of `flags` is `FLAG_CODES[k]`.
 */
export interface VerdictColumns {
  /** 0 verified, 1 rejected, 2 unverifiable, 3 incomplete (the order of `VISIT_STATUSES`). */
  status: Uint8Array;
  /** Reason bit masks (bit k = `REASON_CODES[k]`); decode with {@link reasonCodes}. */
  reasons: Uint16Array;
  /** Flag bit masks (bit k = `FLAG_CODES[k]`); decode with {@link flagCodes}. */
  flags: Uint16Array;
  /** Distance of the start fix to the fence, metres (0.1 m); NaN where the verdict says `null`. */
  distanceStartM: Float64Array;
  /** Distance of the end fix to the fence, metres (0.1 m); NaN where the verdict says `null`. */
  distanceEndM: Float64Array;
  /** Dwell, seconds; NaN where the verdict says `null` (no end fix). */
  dwellS: Float64Array;
  /** Confidence, 0..1 (4 decimals). */
  confidence: Float64Array;
  /** What proved a verified visit: 0 none (not verified), else 1 + the source's code in `FIX_SOURCE_CODES`. */
  precision: Uint8Array;
}

/** The result of {@link verifyColumns}: verdict columns and the same summary as `verifyDay` gives. */
export interface ColumnarVerificationResult {
  verdicts: VerdictColumns;
  summary: VerificationSummary;
}

/**
 * The columnar path, for large batches (a month's backlog, a data-warehouse export): visits as typed
 * columns in, verdicts as typed columns out, with the same verdicts and summary as `verifyDay`.
 * Every column is still checked (type, length, every value's range, ids, indices): typed arrays
 * make that a tight loop, and bad input never yields a verdict. Build the columns from your own
 * store, or from parsed visits with {@link visitsToColumns}.
 *
 * @param index - from `compileRetailers` (carries the policy); `columns.retailer` numbers its retailers.
 * @param columns - the visits, see {@link VisitColumns}.
 * @param options - `planned`: parsed `PlannedDay`s (their retailer ids are checked). Default `{}`.
 * @returns `{ verdicts, summary }`: verdict columns (element i for visit i) and the per-manager day summary.
 * @throws {BeatplanError} `INVALID_INPUT` listing every problem, e.g. path `columns.start.lat[17]`, the
 *   value, and the visit id in the message; `UNKNOWN_REFERENCE` for a plan naming an unknown retailer.
 * @example
 * const index = compileRetailers([{ id: 'R1', location: { lng: 120.1659, lat: 30.2719 } }]);
 * const fix = (at: string) => ({
 *   lng: Float64Array.of(120.1659), lat: Float64Array.of(30.2719), accuracyM: Float64Array.of(8),
 *   at: Float64Array.of(Date.parse(at)), source: Uint8Array.of(0),
 * });
 * const { verdicts } = verifyColumns(index, {
 *   ids: ['V1'], managerIds: ['M1'], manager: Int32Array.of(0), retailer: Int32Array.of(index.byId.get('R1')!),
 *   start: fix('2026-11-30T09:00:00+08:00'), end: fix('2026-11-30T09:12:00+08:00'),
 * });
 * verdicts.status[0]; // 0 (verified)
 * verdictAt(verdicts, 0, 'V1').dwellS; // 720
 */
export function verifyColumns(
  index: RetailerIndex,
  columns: VisitColumns,
  options: VerifyOptions = {},
): ColumnarVerificationResult {
  const planned = options.planned ?? [];
  const issues = new IssueCollector();
  beginScratch(); // the id checks and the evidence share the batch's scratch memory
  checkColumns(columns, index.retailers.length, issues);
  const plans = resolvePlans(index.byId, planned, issues);
  issues.throwIfAny();
  const n = columns.ids.length;
  const ev = createEvidence(n);
  ev.fence.set(columns.retailer);
  fillSide(ev, 0, columns.start);
  fillSide(ev, 1, columns.end);
  const present = columns.end.present;
  if (present !== undefined) for (let i = 0; i < n; i++) if (present[i] === 0) placeAbsentEnd(ev, i);
  // A fresh keys object of the same shape as the object path's keeps judgeBatch's callees monomorphic.
  const summary = judgeBatch(
    index,
    ev,
    { ids: columns.ids, manager: columns.manager, managerIds: columns.managerIds },
    plans,
  );
  const status = new Uint8Array(n);
  let i = 0;
  for (const mask of ev.reasons) status[i++] = statusCodeOf(mask);
  return {
    verdicts: {
      status,
      reasons: ev.reasons,
      flags: ev.flags,
      distanceStartM: ev.distanceStart,
      distanceEndM: ev.distanceEnd,
      dwellS: ev.dwellS,
      confidence: ev.confidence,
      precision: ev.precision,
    },
    summary,
  };
}

/** Copies one side's fix columns into fix slots `2i + side`. */
function fillSide(ev: ReturnType<typeof createEvidence>, side: 0 | 1, fix: FixColumns): void {
  const { lng, lat, accuracyM, at, source, crs, mock, accuracyConfidence } = fix;
  // Every column has n elements (checkVisitColumns); a read past one would be a bug, not NaN.
  const read = (column: Float64Array, i: number) => column[i] ?? failEvidence('fix column', i);
  let i = 0;
  for (const code of source) {
    const kind =
      code |
      (crs === undefined ? 0 : (crs[i] ?? failEvidence('crs', i)) << 2) |
      (mock !== undefined && mock[i] === 1 ? KIND_MOCK : 0);
    const confidence = accuracyConfidence === undefined ? NaN : read(accuracyConfidence, i);
    placeFix(ev, 2 * i + side, read(at, i), read(lng, i), read(lat, i), read(accuracyM, i), kind, confidence);
    i++;
  }
}

/**
 * Turns parsed visits (core's `VisitSchema` output) into {@link VisitColumns} for
 * {@link verifyColumns}: managers numbered in order of first appearance, retailers looked up in the
 * index. Optional columns are present only when some visit uses them (`end.present` when some visit
 * has no end fix).
 *
 * @param index - from `compileRetailers`.
 * @param visits - parsed visits.
 * @returns the columns (`ids[i]` is `visits[i].id`).
 * @throws {BeatplanError} `UNKNOWN_REFERENCE` listing every visit whose retailer is not in the index.
 * @example
 * // not run: `index` and the columns stand for the caller's batch
 * const columns = visitsToColumns(index, visits.map((v) => parseOrThrow(VisitSchema, v)));
 * const { verdicts, summary } = verifyColumns(index, columns);
 */
export function visitsToColumns(index: RetailerIndex, visits: readonly Visit[]): VisitColumns {
  const issues = new IssueCollector();
  const retailer = checkReferences(
    index.byId,
    visits.map((v) => v.retailerId),
    issues,
  );
  issues.throwIfAny();
  const n = visits.length;
  const managers = new IdNumbering();
  const manager = new Int32Array(n);
  const side = () => ({
    lng: new Float64Array(n),
    lat: new Float64Array(n),
    accuracyM: new Float64Array(n),
    at: new Float64Array(n),
    source: new Uint8Array(n),
    crs: new Uint8Array(n),
    mock: new Uint8Array(n),
    accuracyConfidence: new Float64Array(n).fill(NaN),
  });
  const start = side();
  const end = side();
  const used = { crs: false, mock: false, accuracyConfidence: false };
  const present = new Uint8Array(n).fill(1);
  let anyAbsent = false;
  visits.forEach((v, i) => {
    manager[i] = managers.numberOf(v.managerId);
    if (v.end === undefined) (present[i] = 0), (anyAbsent = true);
    for (const [fix, out] of [
      [v.start, start],
      [v.end ?? v.start, end], // an absent end's values are ignored; the start's are valid ones
    ] as const) {
      out.lng[i] = fix.lng;
      out.lat[i] = fix.lat;
      out.accuracyM[i] = fix.accuracyM;
      out.at[i] = fix.at;
      out.source[i] = SOURCE_CODE[fix.source];
      if (fix.crs !== undefined && fix.crs !== 'WGS84') (out.crs[i] = CRS_CODE[fix.crs]), (used.crs = true);
      if (fix.mock === true) (out.mock[i] = 1), (used.mock = true);
      if (fix.accuracyConfidence !== undefined)
        (out.accuracyConfidence[i] = fix.accuracyConfidence), (used.accuracyConfidence = true);
    }
  });
  const trim = (s: ReturnType<typeof side>): FixColumns => ({
    lng: s.lng,
    lat: s.lat,
    accuracyM: s.accuracyM,
    at: s.at,
    source: s.source,
    ...(used.crs ? { crs: s.crs } : {}),
    ...(used.mock ? { mock: s.mock } : {}),
    ...(used.accuracyConfidence ? { accuracyConfidence: s.accuracyConfidence } : {}),
  });
  return {
    ids: visits.map((v) => v.id),
    managerIds: managers.ids,
    manager,
    retailer,
    start: trim(start),
    end: anyAbsent ? { ...trim(end), present } : trim(end),
  };
}

/**
 * Verdict i of verdict columns as a `VisitVerdict` object (as `verifyDay` would give it).
 *
 * @param verdicts - from {@link verifyColumns}.
 * @param i - the visit's position in the columns, 0-based.
 * @param visitId - the visit's id (`columns.ids[i]`).
 * @returns `{ visitId, status, reasons, distanceM, dwellS, confidence, flags, precision }`.
 * @throws {BeatplanError} `INVALID_INPUT` when `i` is not a position in the columns.
 * @example
 * // not run: `result` stands for a verifyColumns answer
 * const verdict = verdictAt(result.verdicts, 0, columns.ids[0]); // { visitId: 'V1', status: 'verified', … }
 */
export function verdictAt(verdicts: VerdictColumns, i: number, visitId: string): VisitVerdict {
  if (!(Number.isInteger(i) && i >= 0 && i < verdicts.status.length))
    throw new BeatplanError('INVALID_INPUT', [
      { path: ['i'], value: i, ...issueReason('geofence.verdict_index', { n: verdicts.status.length }) },
    ]);
  return verdictObject(
    {
      reasons: verdicts.reasons,
      flags: verdicts.flags,
      distanceStart: verdicts.distanceStartM,
      distanceEnd: verdicts.distanceEndM,
      dwellS: verdicts.dwellS,
      confidence: verdicts.confidence,
      precision: verdicts.precision,
    },
    i,
    visitId,
  );
}

/**
 * The reason codes of a bit mask from {@link VerdictColumns.reasons}, in `REASON_CODES` order.
 *
 * @param mask - a reasons mask (bit k = `REASON_CODES[k]`), 0–511.
 * @returns a frozen array shared by every call with the same mask.
 * @throws {BeatplanError} `INVALID_INPUT` when `mask` is not an integer in 0–511.
 * @example
 * reasonCodes(0b101); // ['OUT_OF_RANGE', 'TOO_LONG']
 */
export function reasonCodes(mask: number): readonly ReasonCode[] {
  const codes = Number.isInteger(mask) ? reasonList(mask) : undefined;
  if (codes === undefined)
    throw new BeatplanError('INVALID_INPUT', [{ path: ['mask'], value: mask, ...issueReason('geofence.reason_mask') }]);
  return codes;
}

/**
 * The flag codes of a bit mask from {@link VerdictColumns.flags}, in `FLAG_CODES` order.
 *
 * @param mask - a flags mask (bit k = `FLAG_CODES[k]`), 0–127.
 * @returns a frozen array shared by every call with the same mask.
 * @throws {BeatplanError} `INVALID_INPUT` when `mask` is not an integer in 0–127.
 * @example
 * flagCodes(0b11); // ['MOCK_LOCATION', 'IMPOSSIBLE_SPEED']
 */
export function flagCodes(mask: number): readonly FlagCode[] {
  const codes = Number.isInteger(mask) ? flagList(mask) : undefined;
  if (codes === undefined)
    throw new BeatplanError('INVALID_INPUT', [{ path: ['mask'], value: mask, ...issueReason('geofence.flag_mask') }]);
  return codes;
}
