import { type HttpResponse, checkHttpStatus, issueReason, parseOrThrow, type TravelCosts } from '@beatplan/core';
import * as z from 'zod';
import { AdapterCommonSchema, type AdapterHooks } from '../internal/adapter-options.js';
import type { BlockAnswer, MatrixBlock } from '../internal/chunked-matrix.js';
import { fixed6, hooksOf, serviceTravelCosts, shapeError, shown, tryParseJson } from '../internal/service-adapter.js';

// AMap (高德) Web service 距离测量 (developer.amap.com, /v3/distance):
//   GET /v3/distance?key=KEY&origins=lng,lat|lng,lat|...&destination=lng,lat&type=1&output=JSON
//   origins: at most 100 coordinate pairs; one destination; coordinates GCJ-02 with at most 6 decimals;
//   type 0 straight line, 1 driving (traffic-aware), 3 walking (only up to 5 km).
//   200 {"status":"1","info":"OK","infocode":"10000","count":"2","results":[{"origin_id":"1","dest_id":"1",
//   "distance":"261278","duration":"14280"}, ...]} (metres and seconds as strings, origin_id 1-based).
//   Failures come with HTTP 200 and status "0": {"status":"0","info":"INVALID_USER_KEY","infocode":"10001"}.
//   Error codes (AMap "错误码说明"): 10001 INVALID_USER_KEY, 10003 DAILY_QUERY_OVER_LIMIT (until 0:00),
//   10004 ACCESS_TOO_FREQUENT (per minute), 10014/10019/10020/10021 QPS limits, 20000 INVALID_PARAMS, 2080x routing.

/** AMap infocodes that clear by themselves within a minute (per-minute and QPS limits): retried with back-off. */
export const AMAP_RETRY_INFOCODES: readonly string[] = ['10004', '10014', '10019', '10020', '10021'];

const AMAP_TYPE = { straight: '0', driving: '1', walking: '3' } as const;

/**
 * Options of {@link amapTravelCosts}: the common adapter options (`baseUrl` e.g.
 * `https://restapi.amap.com`) and `key` (required: the host's Web-service key, sent as the `key` query
 * parameter, masked in every message, never cached or logged), `mode` (`'driving'` default, `'walking'`
 * — AMap answers walking only up to 5 km —, or `'straight'`), `maxOriginsPerRequest` (default 100, AMap's
 * limit). AMap answers one destination per request, so n points take n · ⌈n / 100⌉ requests: mind your
 * key's QPS with `maxConcurrent` and `minIntervalMs`.
 */
export const AmapOptionsSchema = z.strictObject({
  ...AdapterCommonSchema.shape,
  key: z
    .string({ error: 'key is required (the host’s AMap Web-service key)' })
    .min(1, { error: 'key must not be empty' }),
  mode: z
    .enum(['driving', 'walking', 'straight'], { error: 'mode must be "driving", "walking" or "straight"' })
    .default('driving'),
  maxOriginsPerRequest: z
    .number()
    .int()
    .min(1)
    .max(100, { error: 'maxOriginsPerRequest must be within [1, 100]' })
    .default(100),
});

/** Options of {@link amapTravelCosts} as written. */
export type AmapOptions = z.input<typeof AmapOptionsSchema> & AdapterHooks;

/**
 * Road metres and seconds from AMap's (高德) distance API (`/v3/distance`), behind core's `TravelCosts`.
 * Points are converted to GCJ-02 (core's conversion; WGS84 and BD-09 input welcome) and sent with 6
 * decimals. Each request holds up to 100 origins and one destination; AMap's throttling answers
 * (`10004` and the QPS codes, see {@link AMAP_RETRY_INFOCODES}) are retried with back-off, any other
 * `status: "0"` refuses the block. A result carrying AMap's per-pair failure (`code`/`info`, e.g.
 * 未规划出路线) or no distance is an unreachable pair. Driving answers depend on traffic at request time.
 *
 * @param options - see {@link AmapOptionsSchema}; `fetch` and `onRetry` beside it.
 * @returns a `TravelCosts` whose source is `amap:<mode>`.
 * @throws {BeatplanError} as `osrmTravelCosts` does; an answer missing an origin's result is
 *   `PROVIDER_RESPONSE_INVALID` naming the block; `INVALID_USER_KEY` is `PROVIDER_UNAVAILABLE` (key masked).
 * @example
 * // not run: calls the AMap web service (needs a key)
 * const costs = amapTravelCosts({ baseUrl: 'https://restapi.amap.com', key: process.env.AMAP_KEY ?? '', maxConcurrent: 2 });
 * const m = await costs.matrix([{ lng: 120.161693, lat: 30.27985, crs: 'GCJ02' }, { lng: 120.1551, lat: 30.2741 }]);
 */
export function amapTravelCosts(options: AmapOptions): TravelCosts {
  const { fetch, onRetry, ...rest } = options;
  const o = parseOrThrow(AmapOptionsSchema, rest, ['options']);
  const { key, mode, maxOriginsPerRequest, ...common } = o;
  return serviceTravelCosts(common, hooksOf(fetch, onRetry), {
    name: 'amap',
    source: `amap:${mode}`,
    requestName: 'amap distance',
    crs: 'GCJ02',
    key,
    rowsPerBlock: maxOriginsPerRequest,
    colsPerBlock: 1,
    fetchBlock: async (http, base, block, coords, signal) => {
      const text = (i: number) => {
        const [lng, lat] = coords[i] as [number, number];
        return `${fixed6(lng)},${fixed6(lat)}`;
      };
      const origins = block.rows.map(text).join('|');
      const destination = text(block.cols[0] as number);
      const query = `origins=${origins}&destination=${destination}&type=${AMAP_TYPE[mode]}&output=JSON`;
      const url = `${base}/v3/distance?key=${encodeURIComponent(key)}&${query}`;
      const answer = await http.requestJson({ url, label: block.label }, { signal, check: checkAmap });
      return readAmapDistance(answer.body, block);
    },
  });
}

/** AMap reports failures in the body of an HTTP 200: `status: "0"` with `info` and `infocode`. */
function checkAmap(response: HttpResponse) {
  const failure = checkHttpStatus(response);
  if (failure) return failure;
  const body = tryParseJson(response.text) as { status?: unknown; info?: unknown; infocode?: unknown } | undefined;
  if (body?.status !== '0') return undefined;
  const message = `status 0 infocode ${String(body.infocode)}: ${String(body.info)}`;
  return { retry: AMAP_RETRY_INFOCODES.includes(String(body.infocode)), message };
}

/** Reads `results` into a one-column block (origin_id is 1-based within the request). */
export function readAmapDistance(body: unknown, block: MatrixBlock): BlockAnswer {
  const b = body as { status?: unknown; results?: unknown } | null;
  if (b?.status !== '1' || !Array.isArray(b.results)) {
    throw shapeError(block, issueReason('roads.amap_no_results', { status: shown(b?.status) }));
  }
  const r = block.rows.length;
  const distancesM: (number | null)[][] = Array.from({ length: r }, () => []);
  const durationsS: (number | null)[][] = Array.from({ length: r }, () => []);
  for (const item of b.results as { origin_id?: unknown; distance?: unknown; duration?: unknown; code?: unknown }[]) {
    const k = Number(item?.origin_id) - 1;
    const d = distancesM[k];
    const t = durationsS[k];
    if (!Number.isInteger(k) || d === undefined || t === undefined || d.length > 0) {
      throw shapeError(block, issueReason('roads.amap_origin', { origin: shown(item?.origin_id), r }));
    }
    const failed =
      (item.code !== undefined && String(item.code) !== '0') || item.distance === undefined || item.distance === '';
    d.push(failed ? null : numeric(item.distance, block));
    t.push(failed ? null : numeric(item.duration, block));
  }
  return { distancesM, durationsS };
}

function numeric(v: unknown, block: MatrixBlock): number {
  const x = typeof v === 'string' && v.trim() !== '' ? Number(v) : typeof v === 'number' ? v : Number.NaN;
  if (!Number.isFinite(x)) throw shapeError(block, issueReason('roads.amap_not_number', { value: shown(v) }));
  return x;
}
