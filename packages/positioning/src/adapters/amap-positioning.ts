import { checkHttpStatus, type HttpResponse, issueReason, parseOrThrow } from '@beatplan/core';
import * as z from 'zod';
import { AnswerShapeError, shown } from '../internal/answer-shape-error.js';
import { btsText, isCdma, macsText } from '../internal/bts-text.js';
import {
  createNetworkService,
  type NetworkServiceOptions,
  readLngLat,
  readRadius,
  tryJson,
} from '../internal/network-service.js';
import type { NetworkScanInput } from '../schemas/network-scan.js';
import type { ResilientProvider } from '../wrap-provider.js';

// AMap (高德) smart-hardware positioning, "智能硬件定位" v1 (lbs.amap.com, Web服务 API):
//   GET https://apilocate.amap.com/position?key=…&accesstype=0&imei=…&cdma=0&bts=460,0,4189,7359,-70
//       &nearbts=460,0,4189,7360,-81|…&macs=aa:bb:cc:dd:ee:ff,-60,|…&mmac=…&output=json
//   accesstype 0 = the phone is on the mobile network (bts required), 1 = on WiFi (mmac and macs).
//   200 {"status":"1","info":"OK","infocode":"10000","result":{"type":"4","location":"120.699,27.994",
//        "radius":"550","desc":"…","country":"中国","province":"浙江省","city":"温州市",…}}
//   result.type "0" means no position was found. Coordinates are GCJ-02; radius in metres.
//   Failures come as HTTP 200 with status "0": {"status":"0","info":"INVALID_USER_KEY","infocode":"10001"}.

/** AMap infocodes that clear by themselves (per-second and per-minute limits): retried with back-off. */
const RETRY_INFOCODES = ['10004', '10014', '10015', '10016', '10019', '10020', '10021'];

/** Options of {@link amapPositioning}: the shared network-service options, and AMap's own. */
export interface AmapPositioningOptions extends NetworkServiceOptions {
  /** The Web-service key (`key`), passed by the host, never stored; masked in every error. */
  key: string;
  /** Default `https://apilocate.amap.com`. */
  baseUrl?: string;
}

const KeySchema = z.string({ error: 'key must be a text' }).min(1, { error: 'key must not be empty' });

/**
 * A network-positioning adapter for AMap's smart-hardware positioning (高德智能硬件定位): sends the
 * scan's cells (`bts` = the serving cell, `nearbts` = the others, CDMA as `sid,nid,bid,,,signal` with
 * `cdma=1`) and access points (`macs`, `mmac` when connected), and returns a GCJ-02 fix at the scan's
 * time with `accuracyM` at 95 % (AMap's `radius` read at `accuracyConfidence`, default 0.68).
 * `source` is `'cell'` when the scan holds a cell, else `'wifi'` (AMap does not say which it used; a
 * WiFi-assisted answer is thus judged under the cell policy, the conservative reading).
 *
 * Runs on core's HTTP client: timeout per attempt (default 5 s), retries with back-off and jitter
 * (infocodes 10004 and the other rate limits, HTTP 429/5xx, `Retry-After`), AbortSignal.
 *
 * @param options - `key` (required), `baseUrl`, and {@link NetworkServiceOptions}.
 * @returns a `ResilientProvider<NetworkScanInput>`: `{ name: 'amap', locate(scan, { signal? }) }`.
 * @throws {BeatplanError} `INVALID_INPUT` for bad options (here) or a bad scan (from `locate`); from
 *   `locate`: `NO_POSITION` (result type 0), `PROVIDER_UNAVAILABLE` (a refused key, a daily limit,
 *   attempts used up), `PROVIDER_TIMEOUT`, `PROVIDER_RESPONSE_INVALID` (not AMap's shape), `ABORTED`.
 * @example
 * // not run: needs an AMap key and the network
 * const amap = amapPositioning({ key: process.env.AMAP_KEY ?? '', timeoutMs: 3000, retries: 2 });
 * const fix = await amap.locate({ at: Date.now(), cells: [{ mcc: 460, mnc: 0, lac: 4189, cellId: 7359, signalDbm: -70 }] });
 * // { lng, lat, crs: 'GCJ02', accuracyM (95 %), accuracyConfidence: 0.95, source: 'cell', at }
 */
export function amapPositioning(options: AmapPositioningOptions): ResilientProvider<NetworkScanInput> {
  const { key, baseUrl = 'https://apilocate.amap.com', ...rest } = options;
  const keyText = parseOrThrow(KeySchema, key, ['options', 'key']);
  const base = baseUrl.replace(/\/+$/, '');
  return createNetworkService(
    {
      name: 'amap',
      crs: ['GCJ02'],
      request(scan) {
        const q = new URLSearchParams({ key: keyText, output: 'json' });
        const onWifi = scan.cells.length === 0;
        q.set('accesstype', onWifi ? '1' : '0');
        if (scan.deviceId) q.set('imei', scan.deviceId);
        if (!onWifi) {
          q.set('cdma', isCdma(scan.cells) ? '1' : '0');
          q.set('bts', btsText(scan.cells[0] as (typeof scan.cells)[number]));
          if (scan.cells.length > 1) q.set('nearbts', scan.cells.slice(1).map(btsText).join('|'));
        }
        const connected = scan.connectedBssid ?? (onWifi ? scan.wifi[0]?.bssid : undefined);
        if (connected) {
          const ap = scan.wifi.find((a) => a.bssid === connected);
          q.set('mmac', macsText([ap ?? { bssid: connected }]));
        }
        if (scan.wifi.length > 0) q.set('macs', macsText(scan.wifi));
        return { url: `${base}/position?${q}`, label: 'amap position request' };
      },
      check: checkAmap,
      read(response) {
        const body = tryJson(response.text) as { status?: unknown; result?: Record<string, unknown> } | undefined;
        if (body?.status !== '1' || typeof body.result !== 'object' || body.result === null) {
          const status = shown(body?.status);
          throw new AnswerShapeError((name) => issueReason('positioning.answer_status_result', { name, status }));
        }
        const r = body.result;
        // the service's words, quoted as a detail of a positioning reason
        if (String(r.type) === '0') return { kind: 'none', message: 'result type 0' };
        const [lng, lat] = readLngLat(r.location, 'location');
        return { kind: 'fix', lng, lat, accuracyM: readRadius(r.radius, 'radius'), crs: 'GCJ02' };
      },
    },
    rest,
    [keyText],
  );
}

/** AMap reports failures in the body of an HTTP 200: `status: "0"` with `info` and `infocode`. */
function checkAmap(response: HttpResponse) {
  const http = checkHttpStatus(response);
  if (http) return http;
  const body = tryJson(response.text) as { status?: unknown; info?: unknown; infocode?: unknown } | undefined;
  if (body?.status !== '0') return undefined;
  const message = `status 0 infocode ${String(body.infocode)}: ${String(body.info)}`;
  return { retry: RETRY_INFOCODES.includes(String(body.infocode)), message };
}
