import { type HttpResponse, checkHttpStatus, issueReason, parseOrThrow, type TravelCosts } from '@beatplan/core';
import * as z from 'zod';
import { AdapterCommonSchema, type AdapterHooks } from '../internal/adapter-options.js';
import type { BlockAnswer, MatrixBlock } from '../internal/chunked-matrix.js';
import { fixed6, hooksOf, serviceTravelCosts, shapeError, tryParseJson } from '../internal/service-adapter.js';

// GraphHopper Matrix API (docs.graphhopper.com, "Matrix API"; graphhopper/directions-api-clients openapi):
//   POST /matrix?key=KEY {"from_points":[[lng,lat]],"to_points":[[lng,lat]],"out_arrays":["distances","times"],
//   "profile":"car","fail_fast":false} → 200 {"distances":[[m]],"times":[[s]],"info":{...}}; with
//   fail_fast=false a pair that cannot be routed is null. Errors: {"message":"...","hints":[{"message",
//   "details"}]}; 401 for a bad key; 429 when the plan's credits are used up, with X-RateLimit-Reset
//   (seconds until the credits return). How many locations one request may hold depends on the plan.

/**
 * Options of {@link graphHopperTravelCosts}: the common adapter options and `key` (the host's API key:
 * sent as the `key` query parameter, masked in every message, never cached or logged; absent for a
 * self-hosted server), `profile` (default `'car'`), `maxPointsPerRequest` (default 50: blocks of at most
 * 50 origins × 50 destinations; set it to your plan's matrix limit).
 */
export const GraphHopperOptionsSchema = z.strictObject({
  ...AdapterCommonSchema.shape,
  key: z.string().min(1, { error: 'key must not be empty' }).optional(),
  profile: z.string().min(1, { error: 'profile must be a GraphHopper profile' }).default('car'),
  maxPointsPerRequest: z.number().int().min(1, { error: 'maxPointsPerRequest must be an integer ≥ 1' }).default(50),
});

/** Options of {@link graphHopperTravelCosts} as written. */
export type GraphHopperOptions = z.input<typeof GraphHopperOptionsSchema> & AdapterHooks;

/**
 * Road metres and seconds from the GraphHopper Matrix API (hosted or self-hosted), behind core's
 * `TravelCosts`. Blocks of at most `maxPointsPerRequest` origins × as many destinations, POSTed with
 * `fail_fast: false` so that an unroutable pair comes back as null (listed in `unreachable`) instead of
 * failing the block. A 429 waits for `Retry-After`, or for GraphHopper's `X-RateLimit-Reset` seconds.
 *
 * @param options - see {@link GraphHopperOptionsSchema}; `fetch` and `onRetry` beside it.
 * @returns a `TravelCosts` whose source is `graphhopper:<profile>`.
 * @throws {BeatplanError} as `osrmTravelCosts` does (errors carry GraphHopper's message; the key is masked).
 * @example
 * // not run: calls a GraphHopper server
 * const costs = graphHopperTravelCosts({ baseUrl: 'https://graphhopper.com/api/1', key: process.env.GH_KEY });
 * const m = await costs.matrix([{ lng: 11.588051, lat: 49.932707 }, { lng: 10.747375, lat: 50.241935 }]);
 */
export function graphHopperTravelCosts(options: GraphHopperOptions): TravelCosts {
  const { fetch, onRetry, ...rest } = options;
  const o = parseOrThrow(GraphHopperOptionsSchema, rest, ['options']);
  const { key, profile, maxPointsPerRequest, ...common } = o;
  return serviceTravelCosts(common, hooksOf(fetch, onRetry), {
    name: 'graphhopper',
    source: `graphhopper:${profile}`,
    requestName: 'graphhopper matrix',
    crs: 'WGS84',
    key,
    rowsPerBlock: maxPointsPerRequest,
    colsPerBlock: maxPointsPerRequest,
    fetchBlock: async (http, base, block, coords, signal) => {
      const at = (i: number) => {
        const [lng, lat] = coords[i] as [number, number];
        return [Number(fixed6(lng)), Number(fixed6(lat))];
      };
      const body = JSON.stringify({
        from_points: block.rows.map(at),
        to_points: block.cols.map(at),
        out_arrays: ['distances', 'times'],
        profile,
        fail_fast: false,
      });
      const url = key ? `${base}/matrix?key=${encodeURIComponent(key)}` : `${base}/matrix`;
      const request = {
        url,
        method: 'POST' as const,
        body,
        headers: { 'content-type': 'application/json' },
        label: block.label,
      };
      const answer = await http.requestJson(request, { signal, check: checkGraphHopper });
      return readGraphHopperMatrix(answer.body, block);
    },
  });
}

/** GraphHopper's `{ message, hints }` in the failure; a 429 without Retry-After waits X-RateLimit-Reset. */
function checkGraphHopper(response: HttpResponse) {
  const failure = checkHttpStatus(response);
  if (!failure) return failure;
  const body = tryParseJson(response.text) as { message?: unknown; hints?: { message?: unknown }[] } | undefined;
  const hints = Array.isArray(body?.hints) ? body.hints.map((h) => String(h?.message)).join('; ') : '';
  const message =
    typeof body?.message === 'string'
      ? `HTTP ${response.status}: ${body.message}${hints ? ` (${hints})` : ''}`
      : failure.message;
  const resetHeader = response.headers.get('x-ratelimit-reset');
  const reset = resetHeader === null ? Number.NaN : Number(resetHeader);
  if (response.status === 429 && failure.retryAfterMs === undefined && Number.isFinite(reset) && reset >= 0) {
    return { ...failure, message, retryAfterMs: reset * 1000 };
  }
  return { ...failure, message };
}

/** Reads `{ distances, times }` (metres, seconds); sizes are checked by the pipeline. */
export function readGraphHopperMatrix(body: unknown, block: MatrixBlock): BlockAnswer {
  const b = body as { distances?: unknown; times?: unknown } | null;
  if (!b || !Array.isArray(b.distances) || !Array.isArray(b.times)) {
    throw shapeError(block, issueReason('roads.graphhopper_no_arrays'));
  }
  return { distancesM: b.distances, durationsS: b.times };
}
