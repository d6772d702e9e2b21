import {
  BeatplanError,
  type Coordinates,
  CoordinatesSchema,
  type Crs,
  assertTravelMatrixSize,
  convertLngLat,
  issueReason,
  parseOrThrow,
  type ReasonedMessage,
  type TravelCostMatrix,
  throwIfAborted,
  type UnreachablePair,
} from '@beatplan/core';
import * as z from 'zod';
import type { PairCache } from './pair-cache.js';

/** One request's share of the matrix: origin indexes × destination indexes of the caller's point list. */
export interface MatrixBlock {
  /** 1-based number of the block, and how many there are. */
  number: number;
  count: number;
  rows: number[];
  cols: number[];
  /** Names the block in errors: `osrm table block 3 of 8 (origins 100–199, destinations 0–99)`. */
  label: string;
}

/** A block's answer: `rows.length × cols.length` cells, metres and seconds; null = no route. */
export interface BlockAnswer {
  distancesM: readonly (readonly (number | null)[])[];
  durationsS: readonly (readonly (number | null)[])[];
}

/** What an adapter plugs into {@link chunkedMatrix}. */
export interface MatrixService {
  /** The matrix's `source`, e.g. `'osrm:driving'`. */
  source: string;
  /** What the request is called in errors, e.g. `'osrm table'`. */
  requestName: string;
  /** The coordinate system the service reads. */
  crs: Crs;
  /** The service's limits: origins and destinations per request. */
  rowsPerBlock: number;
  colsPerBlock: number;
  cache: PairCache | undefined;
  /** Blocks in flight at once (the HTTP client's `maxConcurrent`). */
  parallel: number;
  /** Asks the service for one block; `coords[i]` is point i as `[lng, lat]` in `crs`. */
  fetchBlock(block: MatrixBlock, coords: readonly [number, number][], signal: AbortSignal): Promise<BlockAnswer>;
}

const PointsSchema = z.array(CoordinatesSchema, { error: 'points must be a list of { lng, lat, crs? }' });

/**
 * The pipeline every service adapter shares: validate and convert the points, cut the n × n matrix into
 * blocks within the service's limits, skip blocks the cache answers (and blocks holding only diagonal
 * cells), ask for the rest `parallel` at a time, check each answer's size and values, and assemble one
 * matrix — or fail whole: the first failed block aborts the others and its error is thrown (nothing
 * half-done is returned).
 */
export async function chunkedMatrix(
  points: readonly Coordinates[],
  service: MatrixService,
  signal: AbortSignal | undefined,
): Promise<TravelCostMatrix> {
  assertTravelMatrixSize(Array.isArray(points) ? points.length : 0);
  const pts = parseOrThrow(PointsSchema, points, ['points']);
  throwIfAborted(signal);
  const n = pts.length;
  const coords = pts.map((p) => convertLngLat(p.lng, p.lat, p.crs, service.crs));
  const distancesM = new Float64Array(n * n);
  const durationsS = new Float64Array(n * n);
  const known = new Uint8Array(n * n);
  for (let i = 0; i < n; i++) known[i * n + i] = 1;
  const cache = service.cache;
  if (cache) {
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        if (i === j) continue;
        const hit = cache.get(cache.key(at(coords, i), at(coords, j)));
        if (hit) {
          distancesM[i * n + j] = hit[0];
          durationsS[i * n + j] = hit[1];
          known[i * n + j] = 1;
        }
      }
    }
  }
  const blocks = planBlocks(n, service).filter((b) => b.rows.some((i) => b.cols.some((j) => known[i * n + j] === 0)));
  const ctrl = new AbortController();
  const onAbort = () => ctrl.abort(signal?.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  let first: unknown;
  let next = 0;
  // A pool of `parallel` workers (the HTTP client's concurrency): no block waits in a queue, and after the
  // first failure no worker starts another block.
  const worker = async () => {
    while (next < blocks.length && !ctrl.signal.aborted) {
      const block = blocks[next++] as MatrixBlock;
      try {
        const answer = await service.fetchBlock(block, coords, ctrl.signal);
        fill(block, answer, n, distancesM, durationsS, service.requestName);
      } catch (e) {
        if (first === undefined && !ctrl.signal.aborted) {
          first = e;
          ctrl.abort(new Error(`${block.label} failed`));
        }
        throw e;
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(service.parallel, blocks.length) }, worker));
  } catch (e) {
    throwIfAborted(signal);
    throw first ?? e;
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
  const unreachable: UnreachablePair[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const k = i * n + j;
      if (i !== j && distancesM[k] === -1) unreachable.push({ from: i, to: j });
      if (cache && i !== j && known[k] === 0)
        cache.set(cache.key(at(coords, i), at(coords, j)), [distancesM[k] ?? -1, durationsS[k] ?? -1]);
    }
  }
  return { n, distancesM, durationsS, unreachable, source: service.source };
}

function at(coords: readonly [number, number][], i: number): [number, number] {
  return coords[i] as [number, number];
}

/** Blocks of at most rowsPerBlock origins × colsPerBlock destinations, row-major, numbered from 1. */
export function planBlocks(
  n: number,
  limits: { rowsPerBlock: number; colsPerBlock: number; requestName: string },
): MatrixBlock[] {
  const ranges = (size: number) => {
    const out: number[][] = [];
    for (let s = 0; s < n; s += size) out.push(Array.from({ length: Math.min(size, n - s) }, (_, k) => s + k));
    return out;
  };
  const rowSets = ranges(limits.rowsPerBlock);
  const colSets = ranges(limits.colsPerBlock);
  const count = rowSets.length * colSets.length;
  const blocks: MatrixBlock[] = [];
  for (const rows of rowSets) {
    for (const cols of colSets) {
      const number = blocks.length + 1;
      const span = (s: number[]) => (s.length === 1 ? `${s[0]}` : `${s[0]}–${s[s.length - 1]}`);
      const label = `${limits.requestName} block ${number} of ${count} (origins ${span(rows)}, destinations ${span(cols)})`;
      blocks.push({ number, count, rows, cols, label });
    }
  }
  return blocks;
}

function fill(
  block: MatrixBlock,
  answer: BlockAnswer,
  n: number,
  distancesM: Float64Array,
  durationsS: Float64Array,
  requestName: string,
): void {
  const r = block.rows.length;
  const c = block.cols.length;
  for (const [name, table] of [
    ['distances', answer.distancesM],
    ['durations', answer.durationsS],
  ] as const) {
    const sizes = Array.isArray(table) ? table.map((row) => (Array.isArray(row) ? row.length : -1)) : [];
    if (sizes.length !== r || sizes.some((s) => s !== c)) {
      const rows = Array.isArray(table) ? sizes.length : -1;
      const cells = [...new Set(sizes)];
      throw invalid(block, issueReason('roads.table_size', { service: requestName, table: name, r, c, rows, cells }));
    }
  }
  for (let a = 0; a < r; a++) {
    for (let b = 0; b < c; b++) {
      const i = block.rows[a] as number;
      const j = block.cols[b] as number;
      const k = i * n + j;
      if (i === j) continue;
      const d = answer.distancesM[a]?.[b] ?? null;
      const t = answer.durationsS[a]?.[b] ?? null;
      for (const v of [d, t]) {
        if (v !== null && !(typeof v === 'number' && Number.isFinite(v) && v >= 0)) {
          const value = JSON.stringify(v) ?? 'undefined';
          throw invalid(block, issueReason('roads.cell_value', { service: requestName, value, i, j }));
        }
      }
      if (d === null || t === null) {
        distancesM[k] = -1;
        durationsS[k] = -1;
      } else {
        distancesM[k] = d;
        durationsS[k] = t;
      }
    }
  }
}

function invalid(block: MatrixBlock, why: ReasonedMessage): BeatplanError {
  return new BeatplanError('PROVIDER_RESPONSE_INVALID', [{ path: ['request'], value: block.label, ...why }]);
}
