import { checkHttpStatus, type HttpResponse, issueReason, parseOrThrow } from '@beatplan/core';
import * as z from 'zod';
import { AnswerShapeError, shown } from '../internal/answer-shape-error.js';
import { createNetworkService, type NetworkServiceOptions, readRadius, tryJson } from '../internal/network-service.js';
import type { NetworkScanInput } from '../schemas/network-scan.js';
import type { ResilientProvider } from '../wrap-provider.js';

// Tencent location service (腾讯位置服务) network positioning, WebService API:
//   POST https://apis.map.qq.com/ws/location/v1/network   content-type: application/json
//   {"key":"…","device_id":"…","cellinfo":[{"mcc":460,"mnc":0,"lac":4189,"cellid":7359,"rss":-70}],
//    "wifiinfo":[{"mac":"aa:bb:cc:dd:ee:ff","rssi":-60}]}
//   200 {"status":0,"message":"Success","result":{"location":{"lat":27.99,"lng":120.69,"accuracy":40}}}
//   Coordinates GCJ-02, accuracy in metres. Failures: HTTP 200 with a non-zero status and a message
//   (110/111/112 key refused, 120 per-second limit, 121 daily limit, 3xx bad parameters).
//   The reader also accepts `latitude`/`longitude` and an `accuracy` beside `location`.

/** Tencent statuses that clear by themselves (per-second limits): retried with back-off. */
const RETRY_STATUSES = [120, 122];

/** Options of {@link tencentPositioning}. */
export interface TencentPositioningOptions extends NetworkServiceOptions {
  /** The WebService key, passed by the host, never stored; masked in every error. */
  key: string;
  /** Default `https://apis.map.qq.com`. */
  baseUrl?: string;
}

const KeySchema = z.string({ error: 'key must be a text' }).min(1, { error: 'key must not be empty' });

/**
 * A network-positioning adapter for Tencent's location service (腾讯位置服务 网络定位): posts the
 * scan's cells (`cellinfo`; CDMA as SID in `mnc`, NID in `lac`, BID in `cellid`) and access points
 * (`wifiinfo`) as JSON, and returns a GCJ-02 fix at the scan's time with `accuracyM` at 95 %
 * (Tencent's `accuracy` read at `accuracyConfidence`, default 0.68). `source`: `'cell'` when the scan
 * holds a cell, else `'wifi'`.
 *
 * @param options - `key` (required), `baseUrl`, and {@link NetworkServiceOptions}.
 * @returns a `ResilientProvider<NetworkScanInput>` named `tencent`.
 * @throws {BeatplanError} `INVALID_INPUT` for bad options (here) or a bad scan (from `locate`); from
 *   `locate`: `NO_POSITION` (status 0 without a location), `PROVIDER_UNAVAILABLE` (a refused key, the
 *   daily limit, attempts used up), `PROVIDER_TIMEOUT`, `PROVIDER_RESPONSE_INVALID`, `ABORTED`.
 * @example
 * // not run: needs a Tencent key and the network
 * const tencent = tencentPositioning({ key: process.env.TENCENT_KEY ?? '' });
 * const fix = await tencent.locate({ at: Date.now(), wifi: [{ bssid: 'aa:bb:cc:dd:ee:01', rssiDbm: -55 }, { bssid: 'aa:bb:cc:dd:ee:02', rssiDbm: -70 }] });
 */
export function tencentPositioning(options: TencentPositioningOptions): ResilientProvider<NetworkScanInput> {
  const { key, baseUrl = 'https://apis.map.qq.com', ...rest } = options;
  const keyText = parseOrThrow(KeySchema, key, ['options', 'key']);
  const base = baseUrl.replace(/\/+$/, '');
  return createNetworkService(
    {
      name: 'tencent',
      crs: ['GCJ02'],
      request(scan) {
        const body: Record<string, unknown> = { key: keyText };
        if (scan.deviceId) body.device_id = scan.deviceId;
        if (scan.cells.length > 0) {
          body.cellinfo = scan.cells.map((c) => ({
            mcc: c.mcc,
            mnc: c.mnc,
            lac: c.area,
            cellid: c.cellId,
            ...(c.signalDbm === undefined ? {} : { rss: Math.round(c.signalDbm) }),
          }));
        }
        if (scan.wifi.length > 0) {
          body.wifiinfo = scan.wifi.map((a) => ({
            mac: a.bssid,
            ...(a.rssiDbm === undefined ? {} : { rssi: Math.round(a.rssiDbm) }),
          }));
        }
        return {
          url: `${base}/ws/location/v1/network`,
          method: 'POST',
          body: JSON.stringify(body),
          headers: { 'content-type': 'application/json' },
          label: 'tencent network-location request',
        };
      },
      check: checkTencent,
      read(response) {
        const body = tryJson(response.text) as { status?: unknown; result?: Record<string, unknown> } | undefined;
        if (body?.status !== 0) {
          const status = shown(body?.status);
          throw new AnswerShapeError((name) => issueReason('positioning.answer_status', { name, status }));
        }
        const loc = body.result?.location as Record<string, unknown> | undefined;
        // the service's words, quoted as a detail of a positioning reason
        if (loc === undefined || loc === null) return { kind: 'none', message: 'no location in the result' };
        const lat = loc.lat ?? loc.latitude;
        const lng = loc.lng ?? loc.longitude;
        if (typeof lat !== 'number' || typeof lng !== 'number' || !Number.isFinite(lat) || !Number.isFinite(lng)) {
          const location = shown(loc);
          throw new AnswerShapeError((name) => issueReason('positioning.answer_location', { name, location }));
        }
        const accuracyM = readRadius(loc.accuracy ?? body.result?.accuracy, 'accuracy');
        return { kind: 'fix', lng, lat, accuracyM, crs: 'GCJ02' };
      },
    },
    rest,
    [keyText],
  );
}

/** Tencent reports failures in the body of an HTTP 200: a non-zero `status` with a `message`. */
function checkTencent(response: HttpResponse) {
  const http = checkHttpStatus(response);
  if (http) return http;
  const body = tryJson(response.text) as { status?: unknown; message?: unknown } | undefined;
  if (typeof body?.status !== 'number' || body.status === 0) return undefined;
  // the service's words, quoted as a detail of a positioning reason
  return { retry: RETRY_STATUSES.includes(body.status), message: `status ${body.status}: ${String(body.message)}` };
}
