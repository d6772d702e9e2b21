import { type HttpResponse, checkHttpStatus, issueReason, parseOrThrow, type TravelCosts } from '@beatplan/core';
import * as z from 'zod';
import { AdapterCommonSchema, type AdapterHooks } from '../internal/adapter-options.js';
import type { BlockAnswer, MatrixBlock } from '../internal/chunked-matrix.js';
import { fixed6, hooksOf, serviceTravelCosts, shapeError, shown, tryParseJson } from '../internal/service-adapter.js';

// OSRM HTTP API, table service (Project-OSRM/osrm-backend docs/http.md, "Table service"):
//   GET /table/v1/{profile}/{lng,lat;lng,lat;...}?sources=i;j&destinations=k;l&annotations=duration,distance
//   200 {"code":"Ok","durations":[[s]],"distances":[[m]],"sources":[...],"destinations":[...]}, row-major,
//   a cell is null when no route exists; errors are HTTP 400 {"code":"InvalidQuery"|"NoSegment"|"TooBig"|
//   "NoTable"|...,"message":"..."}. osrm-routed refuses sources × destinations > max-table-size² with
//   TooBig (src/engine/plugins/table.cpp; --max-table-size defaults to 100, include/util/routed_options.hpp).

/**
 * Options of {@link osrmTravelCosts}: the common adapter options (`baseUrl`, retry policy, `maxConcurrent`,
 * `minIntervalMs`, `cache`, …) and `profile` (default `'driving'`, the path segment OSRM ignores but
 * requires) and `maxTableSize` (default 100, the server's `--max-table-size`: a request holds at most
 * that many origins × that many destinations).
 */
export const OsrmOptionsSchema = z.strictObject({
  ...AdapterCommonSchema.shape,
  profile: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/, { error: 'profile must be a path segment (letters, digits, _ and -)' })
    .default('driving'),
  maxTableSize: z.number().int().min(2, { error: 'maxTableSize must be an integer ≥ 2' }).default(100),
});

/** Options of {@link osrmTravelCosts} as written. */
export type OsrmOptions = z.input<typeof OsrmOptionsSchema> & AdapterHooks;

/**
 * Road metres and seconds from an OSRM server's `table` service (`annotations=duration,distance`),
 * behind core's `TravelCosts`. The matrix is cut into blocks of at most `maxTableSize` origins ×
 * `maxTableSize` destinations; blocks go out at most `maxConcurrent` at a time, each with a timeout and
 * retries (back-off, `Retry-After`). Points are sent in WGS84 (converted from GCJ-02/BD-09).
 *
 * @param options - see {@link OsrmOptionsSchema}; `fetch` and `onRetry` beside it.
 * @returns a `TravelCosts` whose source is `osrm:<profile>`.
 * @throws {BeatplanError} here: `INVALID_INPUT` for bad options. From `matrix`: `INVALID_INPUT` (bad
 *   points, more than 15,000), `PROVIDER_TIMEOUT`, `PROVIDER_UNAVAILABLE` (e.g. `HTTP 400 NoSegment: …`),
 *   `PROVIDER_RESPONSE_INVALID` (an answer of the wrong size or shape), `ABORTED`; each names the failed
 *   block (`osrm table block 3 of 8 (origins 100–199, destinations 0–99)`). Cells OSRM answers with null
 *   are listed in `unreachable` (cells −1).
 * @example
 * // not run: calls an OSRM server
 * const costs = osrmTravelCosts({ baseUrl: 'http://127.0.0.1:5000', timeoutMs: 10_000, cache: true });
 * const m = await costs.matrix([{ lng: 13.38886, lat: 52.517037 }, { lng: 13.397634, lat: 52.529407 }]);
 * m.durationsS[1]; // seconds from point 0 to point 1
 */
export function osrmTravelCosts(options: OsrmOptions): TravelCosts {
  const { fetch, onRetry, ...rest } = options;
  const o = parseOrThrow(OsrmOptionsSchema, rest, ['options']);
  const { profile, maxTableSize, ...common } = o;
  return serviceTravelCosts(common, hooksOf(fetch, onRetry), {
    name: 'osrm',
    source: `osrm:${profile}`,
    requestName: 'osrm table',
    crs: 'WGS84',
    rowsPerBlock: maxTableSize,
    colsPerBlock: maxTableSize,
    fetchBlock: async (http, base, block, coords, signal) => {
      const { url } = osrmTableUrl(base, profile, block, coords);
      const { body } = await http.requestJson({ url, label: block.label }, { signal, check: checkOsrm });
      return readOsrmTable(body, block);
    },
  });
}

/** The table request of a block: the union of its origins and destinations, then `sources`/`destinations` indexes. */
export function osrmTableUrl(
  base: string,
  profile: string,
  block: MatrixBlock,
  coords: readonly [number, number][],
): { url: string; points: number[] } {
  const points = [...block.rows];
  const position = new Map(block.rows.map((p, k) => [p, k]));
  for (const c of block.cols) {
    if (!position.has(c)) {
      position.set(c, points.length);
      points.push(c);
    }
  }
  const list = points.map((p) => {
    const [lng, lat] = coords[p] as [number, number];
    return `${fixed6(lng)},${fixed6(lat)}`;
  });
  const sources = block.rows.map((_, k) => k).join(';');
  const destinations = block.cols.map((c) => position.get(c)).join(';');
  const query = `sources=${sources}&destinations=${destinations}&annotations=duration,distance`;
  return { url: `${base}/table/v1/${profile}/${list.join(';')}?${query}`, points };
}

/** OSRM errors are HTTP 400 with `{ code, message }`: refused at once, naming OSRM's code. */
function checkOsrm(response: HttpResponse) {
  const failure = checkHttpStatus(response);
  if (!failure || failure.retry) return failure;
  const body = tryParseJson(response.text) as { code?: unknown; message?: unknown } | undefined;
  if (body && typeof body.code === 'string') {
    const message = typeof body.message === 'string' ? `: ${body.message}` : '';
    // the service's words, quoted as a detail of a road-costs reason
    return { retry: false, message: `HTTP ${response.status} ${body.code}${message}` };
  }
  return failure;
}

/** Reads `{ code: 'Ok', durations, distances }` into a block answer (sizes are checked by the pipeline). */
export function readOsrmTable(body: unknown, block: MatrixBlock): BlockAnswer {
  const b = body as { code?: unknown; durations?: unknown; distances?: unknown } | null;
  if (!b || typeof b !== 'object' || b.code !== 'Ok') {
    throw shapeError(block, issueReason('roads.osrm_code', { code: shown(b?.code) }));
  }
  if (!Array.isArray(b.durations) || !Array.isArray(b.distances)) {
    throw shapeError(block, issueReason('roads.osrm_no_arrays'));
  }
  return { durationsS: b.durations, distancesM: b.distances };
}
