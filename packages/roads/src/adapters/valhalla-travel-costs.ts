import { type HttpResponse, checkHttpStatus, issueReason, parseOrThrow, type TravelCosts } from '@beatplan/core';
import * as z from 'zod';
import { AdapterCommonSchema, type AdapterHooks } from '../internal/adapter-options.js';
import type { BlockAnswer, MatrixBlock } from '../internal/chunked-matrix.js';
import { fixed6, hooksOf, serviceTravelCosts, shapeError, tryParseJson } from '../internal/service-adapter.js';

// Valhalla time-distance matrix (valhalla/valhalla docs/docs/api/matrix/api-reference.md):
//   POST /sources_to_targets {"sources":[{"lat","lon"}],"targets":[...],"costing":"auto","units":"kilometers"}
//   200 {"sources_to_targets":[[{"from_index","to_index","time":s,"distance":km}, ...], ...], "units":...},
//   row-ordered; time/distance null when no route. Errors (docs/docs/api/turn-by-turn/api-reference.md,
//   "HTTP status codes and conditions"): 4xx/5xx {"error_code":171,"error":"No suitable edges near
//   location","status_code":400,"status":"Bad Request"}. Default service limits (valhalla.json
//   service_limits): max_matrix_location_pairs 2500 (sources × targets), auto max_matrix_distance 400 km.

/**
 * Options of {@link valhallaTravelCosts}: the common adapter options and `costing` (default `'auto'`;
 * `'motor_scooter'`, `'bicycle'`, `'pedestrian'`, …) and `maxLocationPairs` (default 2500, the server's
 * `service_limits.<costing>.max_matrix_location_pairs`: blocks are √ of it on a side, 50 × 50).
 */
export const ValhallaOptionsSchema = z.strictObject({
  ...AdapterCommonSchema.shape,
  costing: z.string().min(1, { error: 'costing must be a Valhalla costing model' }).default('auto'),
  maxLocationPairs: z.number().int().min(1, { error: 'maxLocationPairs must be an integer ≥ 1' }).default(2500),
});

/** Options of {@link valhallaTravelCosts} as written. */
export type ValhallaOptions = z.input<typeof ValhallaOptionsSchema> & AdapterHooks;

/**
 * Road metres and seconds from a Valhalla server's `sources_to_targets` (matrix) action, behind core's
 * `TravelCosts`. Blocks of at most ⌊√maxLocationPairs⌋ sources × as many targets (50 × 50 by default),
 * each POSTed as JSON with `units: "kilometers"` (converted to metres), at most `maxConcurrent` at a time.
 * A pair beyond the costing's `max_matrix_distance` makes Valhalla refuse the whole request (error 154):
 * that block fails with PROVIDER_UNAVAILABLE naming it.
 *
 * @param options - see {@link ValhallaOptionsSchema}; `fetch` and `onRetry` beside it.
 * @returns a `TravelCosts` whose source is `valhalla:<costing>`.
 * @throws {BeatplanError} as `osrmTravelCosts` does (errors carry Valhalla's `error_code` and `error`).
 * @example
 * // not run: calls a Valhalla server
 * const costs = valhallaTravelCosts({ baseUrl: 'http://127.0.0.1:8002', costing: 'motor_scooter' });
 * const m = await costs.matrix([{ lng: 120.155, lat: 30.274 }, { lng: 120.166, lat: 30.272 }]);
 * m.distancesM[1]; // metres
 */
export function valhallaTravelCosts(options: ValhallaOptions): TravelCosts {
  const { fetch, onRetry, ...rest } = options;
  const o = parseOrThrow(ValhallaOptionsSchema, rest, ['options']);
  const { costing, maxLocationPairs, ...common } = o;
  const side = Math.max(1, Math.floor(Math.sqrt(maxLocationPairs)));
  return serviceTravelCosts(common, hooksOf(fetch, onRetry), {
    name: 'valhalla',
    source: `valhalla:${costing}`,
    requestName: 'valhalla sources_to_targets',
    crs: 'WGS84',
    rowsPerBlock: side,
    colsPerBlock: side,
    fetchBlock: async (http, base, block, coords, signal) => {
      const at = (i: number) => {
        const [lng, lat] = coords[i] as [number, number];
        return { lat: Number(fixed6(lat)), lon: Number(fixed6(lng)) };
      };
      const body = JSON.stringify({
        sources: block.rows.map(at),
        targets: block.cols.map(at),
        costing,
        units: 'kilometers',
      });
      const request = {
        url: `${base}/sources_to_targets`,
        method: 'POST' as const,
        body,
        headers: { 'content-type': 'application/json' },
        label: block.label,
      };
      const answer = await http.requestJson(request, { signal, check: checkValhalla });
      return readValhallaMatrix(answer.body, block);
    },
  });
}

/** Valhalla's error body `{ error_code, error }` named in the failure (4xx refused, 5xx retried). */
function checkValhalla(response: HttpResponse) {
  const failure = checkHttpStatus(response);
  if (!failure) return failure;
  const body = tryParseJson(response.text) as { error_code?: unknown; error?: unknown } | undefined;
  if (!body || body.error_code === undefined) return failure;
  return {
    ...failure,
    // the service's words, quoted as a detail of a road-costs reason
    message: `HTTP ${response.status} error_code ${String(body.error_code)}: ${String(body.error)}`,
  };
}

/** Reads the row-ordered `sources_to_targets` cells (km → m); sizes are checked by the pipeline. */
export function readValhallaMatrix(body: unknown, block: MatrixBlock): BlockAnswer {
  const rows = (body as { sources_to_targets?: unknown } | null)?.sources_to_targets;
  if (!Array.isArray(rows)) throw shapeError(block, issueReason('roads.valhalla_no_matrix'));
  const units = (body as { units?: unknown }).units;
  const toM = units === 'miles' || units === 'mi' ? 1609.344 : 1000;
  const distancesM: (number | null)[][] = [];
  const durationsS: (number | null)[][] = [];
  for (const [a, row] of rows.entries()) {
    if (!Array.isArray(row)) throw shapeError(block, issueReason('roads.valhalla_row', { a }));
    const d: (number | null)[] = [];
    const t: (number | null)[] = [];
    for (const [b, cell] of row.entries()) {
      const c = cell as { distance?: unknown; time?: unknown; from_index?: unknown; to_index?: unknown } | null;
      if (!c || typeof c !== 'object') throw shapeError(block, issueReason('roads.valhalla_cell', { a, b }));
      if ((c.from_index !== undefined && c.from_index !== a) || (c.to_index !== undefined && c.to_index !== b)) {
        const [from, to] = [String(c.from_index), String(c.to_index)];
        throw shapeError(block, issueReason('roads.valhalla_cell_of', { a, b, from, to }));
      }
      d.push(typeof c.distance === 'number' ? c.distance * toM : (c.distance as null));
      t.push(c.time as number | null);
    }
    distancesM.push(d);
    durationsS.push(t);
  }
  return { distancesM, durationsS };
}
