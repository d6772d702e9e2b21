import { gcj02ToBd09, wgs84ToGcj02 } from '@beatplan/core';
import { type Answer, type RecordedRequest, type StandIn, startStandIn } from '../../core/test/stand-in-server.js';

export type { StandIn };

// Local stand-ins for the network-positioning services (AMap, Tencent, Baidu, a carrier's SOAP
// service), none reachable from the machines that run these tests. Each answers in its service's
// documented request/response format (see the adapters' header comments). Behind them is one small
// "world": the towers and access points below, at WGS84 positions in Wenzhou; a service answers the
// position of the serving cell (cell scans) or the mean of the known access points (WiFi-only scans).

/** Cells of the stand-ins' world, keyed `mcc-mnc-area-cellId` (CDMA: `460-sid-nid-bid`). */
export const TOWERS = new Map<string, [number, number]>([
  ['460-0-4189-7359', [120.6994, 27.9943]],
  ['460-0-4189-7360', [120.7031, 27.9969]],
  ['460-13824-2-4101', [120.6552, 28.0174]],
]);
/** Access points of the stand-ins' world. */
export const ACCESS_POINTS = new Map<string, [number, number]>([
  ['aa:bb:cc:dd:ee:01', [120.699, 27.994]],
  ['aa:bb:cc:dd:ee:02', [120.6992, 27.9942]],
]);

/** What the world says for the serving cell / the access points: WGS84 and a radius, or undefined. */
export function worldAnswer(
  cell: string | undefined,
  macs: readonly string[],
): { at: [number, number]; r: number } | undefined {
  if (cell !== undefined) {
    const at = TOWERS.get(cell);
    return at ? { at, r: 550 } : undefined;
  }
  const known = macs.map((m) => ACCESS_POINTS.get(m)).filter((p): p is [number, number] => p !== undefined);
  if (known.length === 0) return undefined;
  const lng = known.reduce((s, p) => s + p[0], 0) / known.length;
  const lat = known.reduce((s, p) => s + p[1], 0) / known.length;
  return { at: [lng, lat], r: 35 };
}

const gcj = ([lng, lat]: [number, number]) => wgs84ToGcj02(lng, lat);

/** AMap `GET /position` (smart-hardware positioning v1). */
export function startAmapPositionStandIn(key: string): Promise<StandIn> {
  return startStandIn((req) => {
    const q = req.url.searchParams;
    if (req.url.pathname !== '/position') return { status: 404, text: 'not found' };
    if (q.get('key') !== key) return { json: { status: '0', info: 'INVALID_USER_KEY', infocode: '10001' } };
    const bts = q.get('bts');
    if (q.get('accesstype') === '0' && !bts)
      return { json: { status: '0', info: 'INVALID_PARAMS', infocode: '20000' } };
    const serving = bts ? amapCellKey(bts, q.get('cdma') === '1') : undefined;
    const macs = (q.get('macs') ?? '')
      .split('|')
      .filter(Boolean)
      .map((m) => m.split(',')[0] ?? '');
    const w = worldAnswer(serving, macs);
    if (!w) return { json: { status: '1', info: 'OK', infocode: '10000', result: { type: '0' } } };
    const [lng, lat] = gcj(w.at);
    return {
      json: {
        status: '1',
        info: 'OK',
        infocode: '10000',
        result: {
          type: bts ? '4' : '5',
          location: `${lng.toFixed(6)},${lat.toFixed(6)}`,
          radius: String(w.r),
          city: '温州市',
        },
      },
    };
  });
}

/** `mcc,mnc,lac,cellid,signal` or CDMA `sid,nid,bid,lon,lat,signal` → the world's key. */
export function amapCellKey(bts: string, cdma: boolean): string {
  const f = bts.split(',');
  return cdma ? `460-${f[0]}-${f[1]}-${f[2]}` : `${f[0]}-${f[1]}-${f[2]}-${f[3]}`;
}

/** Tencent `POST /ws/location/v1/network`. */
export function startTencentStandIn(key: string): Promise<StandIn> {
  return startStandIn((req) => {
    if (req.method !== 'POST' || req.url.pathname !== '/ws/location/v1/network') return { status: 404, text: '' };
    const body = JSON.parse(req.body) as {
      key?: string;
      cellinfo?: { mcc: number; mnc: number; lac: number; cellid: number }[];
      wifiinfo?: { mac: string }[];
    };
    if (body.key !== key) return { json: { status: 311, message: 'key格式错误' } };
    const c = body.cellinfo?.[0];
    const w = worldAnswer(
      c && `${c.mcc}-${c.mnc}-${c.lac}-${c.cellid}`,
      (body.wifiinfo ?? []).map((a) => a.mac),
    );
    if (!w) return { json: { status: 0, message: 'Success', result: {} } };
    const [lng, lat] = gcj(w.at);
    return { json: { status: 0, message: 'Success', result: { location: { lat, lng, accuracy: w.r } } } };
  });
}

/** Baidu `POST /locapi/v2`. */
export function startBaiduStandIn(key: string): Promise<StandIn> {
  return startStandIn((req) => {
    if (req.method !== 'POST' || req.url.pathname !== '/locapi/v2') return { status: 404, text: '' };
    const body = JSON.parse(req.body) as { key?: string; ver?: string; body?: Record<string, string | number>[] };
    if (body.key !== key) return { json: { errcode: 700, msg: `Failed to authenticate for invaid AK : ${body.key}` } };
    const item = body.body?.[0];
    if (!item || body.ver !== '1.0') return { json: { errcode: 101, msg: 'Missing field : body' } };
    const bts = typeof item.bts === 'string' ? item.bts : undefined;
    const macs = String(item.macs ?? '')
      .split('|')
      .filter(Boolean)
      .map((m) => m.split(',')[0] ?? '');
    const w = worldAnswer(bts && amapCellKey(bts, item.cdma === 1), macs);
    if (!w) return { json: { errcode: 0, msg: 'Query success.', body: [{ error: 167 }] } };
    const [gLng, gLat] = gcj(w.at);
    const [lng, lat] = item.coor === 'gcj02' ? [gLng, gLat] : gcj02ToBd09(gLng, gLat);
    return {
      json: {
        errcode: 0,
        msg: 'Query success.',
        body: [{ type: 2, location: `${lng},${lat}`, radius: w.r, error: 161 }],
      },
    };
  });
}

/** A carrier's SOAP 1.1/1.2 `GetPosition(xml)`; the answer document escaped inside `GetPositionResult`. */
export function startCarrierStandIn(answerCrs = 'GCJ-02'): Promise<StandIn> {
  return startStandIn((req: RecordedRequest): Answer => {
    const inner = /<xml>([\s\S]*)<\/xml>/.exec(req.body)?.[1];
    if (!inner) return soapFault('soap:Client', 'no xml argument');
    const doc = inner
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&');
    const cell = /<Cell[^>]* mcc="(\d+)" mnc="(\d+)" lac="(\d+)" ci="(\d+)"/.exec(doc);
    const macs = [...doc.matchAll(/<Ap mac="([^"]+)"/g)].map((m) => m[1] ?? '');
    const w = worldAnswer(cell ? `${cell[1]}-${cell[2]}-${cell[3]}-${cell[4]}` : undefined, macs);
    const answer = w
      ? (() => {
          const [lng, lat] = answerCrs === 'WGS84' ? w.at : gcj(w.at);
          return `<PositionResponse><ResultCode>0</ResultCode><ResultMessage>OK</ResultMessage><Longitude>${lng}</Longitude><Latitude>${lat}</Latitude><Accuracy>${w.r}</Accuracy><CoordType>${answerCrs}</CoordType></PositionResponse>`;
        })()
      : '<PositionResponse><ResultCode>404</ResultCode><ResultMessage>位置未知</ResultMessage></PositionResponse>';
    const escaped = answer.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    return {
      headers: { 'content-type': 'text/xml; charset=utf-8' },
      text:
        '<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>' +
        `<GetPositionResponse xmlns="http://lbs.carrier.example/"><GetPositionResult>${escaped}</GetPositionResult></GetPositionResponse>` +
        '</soap:Body></soap:Envelope>',
    };
  });
}

/** A SOAP 1.1 fault, HTTP 500 as the SOAP 1.1 binding sends it. */
export function soapFault(code: string, message: string): Answer {
  return {
    status: 500,
    headers: { 'content-type': 'text/xml; charset=utf-8' },
    text:
      '<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>' +
      `<soap:Fault><faultcode>${code}</faultcode><faultstring>${message}</faultstring></soap:Fault></soap:Body></soap:Envelope>`,
  };
}
