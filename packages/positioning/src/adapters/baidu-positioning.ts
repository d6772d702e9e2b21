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

// Baidu smart-hardware positioning (百度 智能硬件定位), lbs.baidu.com "webapi/intel-hardware-api":
//   POST https://api.map.baidu.com/locapi/v2   content-type: application/json
//   {"key":"…","src":"beatplan","prod":"beatplan","ver":"1.0","trace":false,
//    "body":[{"accesstype":0,"cdma":0,"imei":"…","bts":"460,0,4189,7359,-70","nearbts":"…|…",
//             "macs":"aa:bb:cc:dd:ee:ff,-60,|…","ctime":"1740963600","coor":"bd09ll","output":"JSON"}]}
//   accesstype 0 = mobile network, 1 = WiFi; coor picks the answer's coordinate system.
//   200 {"errcode":0,"msg":"Query success.","body":[{"type":2,"location":"120.70,27.99","radius":40}]}
//   Failures: a non-zero errcode (101–104 bad request, 601–761 key/service refused, 801/802 quota,
//   901/902 per-minute concurrency — the last two are retried).

const RETRY_ERRCODES = [901, 902];

/** Options of {@link baiduPositioning}. */
export interface BaiduPositioningOptions extends NetworkServiceOptions {
  /** The service key (`key`), passed by the host, never stored; masked in every error. */
  key: string;
  /** The answer's coordinate system, asked with `coor`: `'BD09'` (bd09ll, default) or `'GCJ02'`. */
  crs?: 'BD09' | 'GCJ02';
  /** `src` and `prod`, the caller's names Baidu asks for. Default `'beatplan'`. */
  source?: string;
  /** Default `https://api.map.baidu.com`. */
  baseUrl?: string;
}

const KeySchema = z.string({ error: 'key must be a text' }).min(1, { error: 'key must not be empty' });
const CoorSchema = z.enum(['BD09', 'GCJ02'], { error: 'crs must be "BD09" or "GCJ02"' });

/**
 * A network-positioning adapter for Baidu's smart-hardware positioning (百度智能硬件定位, the
 * `locapi/v2` service): posts the scan's cells (`bts`, `nearbts`; CDMA with `cdma: 1`) and access points
 * (`macs`) with the scan time, and returns a fix in BD-09 (or GCJ-02 when `crs: 'GCJ02'`) at the scan's
 * time with `accuracyM` at 95 % (Baidu's `radius` read at `accuracyConfidence`, default 0.68).
 *
 * @param options - `key` (required), `crs`, `source`, `baseUrl`, and {@link NetworkServiceOptions}.
 * @returns a `ResilientProvider<NetworkScanInput>` named `baidu`.
 * @throws {BeatplanError} `INVALID_INPUT` for bad options (here) or a bad scan (from `locate`); from
 *   `locate`: `NO_POSITION` (an answer without a location), `PROVIDER_UNAVAILABLE`, `PROVIDER_TIMEOUT`,
 *   `PROVIDER_RESPONSE_INVALID`, `ABORTED`.
 * @example
 * // not run: needs a Baidu key and the network
 * const baidu = baiduPositioning({ key: process.env.BAIDU_KEY ?? '', crs: 'GCJ02' });
 * const fix = await baidu.locate({ at: Date.now(), cells: [{ mcc: 460, mnc: 1, lac: 4189, cellId: 7359 }] });
 */
export function baiduPositioning(options: BaiduPositioningOptions): ResilientProvider<NetworkScanInput> {
  const { key, crs = 'BD09', source = 'beatplan', baseUrl = 'https://api.map.baidu.com', ...rest } = options;
  const keyText = parseOrThrow(KeySchema, key, ['options', 'key']);
  const coor = parseOrThrow(CoorSchema, crs, ['options', 'crs']);
  const base = baseUrl.replace(/\/+$/, '');
  return createNetworkService(
    {
      name: 'baidu',
      crs: [coor],
      request(scan) {
        const item: Record<string, unknown> = {
          accesstype: scan.cells.length > 0 ? 0 : 1,
          cdma: isCdma(scan.cells) ? 1 : 0,
          ctime: String(Math.floor(scan.at / 1000)),
          coor: coor === 'BD09' ? 'bd09ll' : 'gcj02',
          output: 'JSON',
        };
        if (scan.deviceId) item.imei = scan.deviceId;
        const [serving, ...near] = scan.cells;
        if (serving) item.bts = btsText(serving);
        if (near.length > 0) item.nearbts = near.map(btsText).join('|');
        if (scan.wifi.length > 0) item.macs = macsText(scan.wifi);
        const body = { key: keyText, src: source, prod: source, ver: '1.0', trace: false, body: [item] };
        return {
          url: `${base}/locapi/v2`,
          method: 'POST',
          body: JSON.stringify(body),
          headers: { 'content-type': 'application/json' },
          label: 'baidu locapi request',
        };
      },
      check: checkBaidu,
      read(response) {
        const body = tryJson(response.text) as { errcode?: unknown; body?: unknown } | undefined;
        if (body?.errcode !== 0 || !Array.isArray(body.body)) {
          const errcode = shown(body?.errcode);
          throw new AnswerShapeError((name) => issueReason('positioning.answer_errcode', { name, errcode }));
        }
        const item = body.body[0] as Record<string, unknown> | undefined;
        if (item?.location === undefined || item.location === '') {
          // the service's words, quoted as a detail of a positioning reason
          return { kind: 'none', message: `no location (error ${JSON.stringify(item?.error ?? item?.type)})` };
        }
        const [lng, lat] = readLngLat(item.location, 'location');
        return { kind: 'fix', lng, lat, accuracyM: readRadius(item.radius, 'radius'), crs: coor };
      },
    },
    rest,
    [keyText],
  );
}

/** Baidu reports failures with a non-zero `errcode` and a `msg` (HTTP 200). */
function checkBaidu(response: HttpResponse) {
  const http = checkHttpStatus(response);
  if (http) return http;
  const body = tryJson(response.text) as { errcode?: unknown; msg?: unknown } | undefined;
  if (typeof body?.errcode !== 'number' || body.errcode === 0) return undefined;
  // the service's words, quoted as a detail of a positioning reason
  return { retry: RETRY_ERRCODES.includes(body.errcode), message: `errcode ${body.errcode}: ${String(body.msg)}` };
}
