import { BeatplanError, formatErrorMessage, gcj02ToBd09, wgs84ToGcj02 } from '@beatplan/core';
import {
  amapPositioning,
  baiduPositioning,
  carrierSoapPositioning,
  NetworkScanSchema,
  tencentPositioning,
} from '@beatplan/positioning';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  amapCellKey,
  soapFault,
  type StandIn,
  startAmapPositionStandIn,
  startBaiduStandIn,
  startCarrierStandIn,
  startTencentStandIn,
  TOWERS,
} from '../../test/network-stand-ins.js';
import { rejected as failure } from '../../../core/test/helpers.js';

const AT = Date.parse('2026-03-02T09:15:00+08:00');
const CELL = { radio: 'LTE', mcc: 460, mnc: 0, tac: 4189, cellId: 7359, signalDbm: -70 } as const;
const NEAR = { radio: 'LTE', mcc: 460, mnc: 0, tac: 4189, cellId: 7360, signalDbm: -81 } as const;
const CDMA = { radio: 'CDMA', mcc: 460, mnc: 13824, area: 2, cellId: 4101, signalDbm: -90 } as const;
const APS = [
  { bssid: 'AA-BB-CC-DD-EE-01', rssiDbm: -55 },
  { bssid: 'aa:bb:cc:dd:ee:02', rssiDbm: -70 },
];
const TO95 = 1.6215; // 68 % → 95 % (Rayleigh), core's normalizeAccuracy
const FAST = { seed: 1, baseDelayMs: 1, maxDelayMs: 5 };

const gcjOf = (key: string) => {
  const p = TOWERS.get(key) ?? [0, 0];
  return wgs84ToGcj02(p[0], p[1]);
};

describe('amapPositioning (against a local stand-in speaking AMap’s /position)', () => {
  const KEY = 'amap-l0c-K3Y';
  let amap: StandIn;
  beforeAll(async () => {
    amap = await startAmapPositionStandIn(KEY);
  });
  afterAll(() => amap.close());
  afterEach(() => {
    amap.fault = undefined;
    amap.requests.length = 0;
  });

  it('sends bts/nearbts/macs and returns a GCJ-02 cell fix at the scan’s time, accuracy at 95 %', async () => {
    const fix = await amapPositioning({ key: KEY, baseUrl: amap.url, ...FAST }).locate({
      at: AT,
      cells: [CELL, NEAR],
      wifi: APS,
      deviceId: 'imei-8613800',
    });
    const q = amap.requests[0]?.url.searchParams;
    expect(q?.get('accesstype')).toBe('0');
    expect(q?.get('cdma')).toBe('0');
    expect(q?.get('bts')).toBe('460,0,4189,7359,-70');
    expect(q?.get('nearbts')).toBe('460,0,4189,7360,-81');
    expect(q?.get('macs')).toBe('aa:bb:cc:dd:ee:01,-55,|aa:bb:cc:dd:ee:02,-70,');
    expect(q?.get('imei')).toBe('imei-8613800');
    const [lng, lat] = gcjOf('460-0-4189-7359');
    expect(fix).toMatchObject({ crs: 'GCJ02', source: 'cell', at: AT, accuracyConfidence: 0.95 });
    expect(fix.lng).toBeCloseTo(lng, 6);
    expect(fix.lat).toBeCloseTo(lat, 6);
    expect(fix.accuracyM).toBeCloseTo(550 * TO95, 1);
  });

  it('a WiFi-only scan goes as accesstype 1 with mmac and comes back as a wifi fix', async () => {
    const fix = await amapPositioning({ key: KEY, baseUrl: amap.url, ...FAST }).locate({ at: AT, wifi: APS });
    const q = amap.requests[0]?.url.searchParams;
    expect(q?.get('accesstype')).toBe('1');
    expect(q?.get('mmac')).toBe('aa:bb:cc:dd:ee:01,-55,');
    expect(q?.has('bts')).toBe(false);
    expect(fix.source).toBe('wifi');
    expect(fix.accuracyM).toBeCloseTo(35 * TO95, 1);
  });

  it('a CDMA serving cell goes as cdma=1 and sid,nid,bid,,,signal', async () => {
    const fix = await amapPositioning({ key: KEY, baseUrl: amap.url, ...FAST }).locate({ at: AT, cells: [CDMA] });
    const q = amap.requests[0]?.url.searchParams;
    expect(q?.get('cdma')).toBe('1');
    expect(q?.get('bts')).toBe('13824,2,4101,,,-90');
    expect(fix.lng).toBeCloseTo(gcjOf('460-13824-2-4101')[0], 6);
  });

  it('property: every scan’s cells and access points reach AMap as they were observed', async () => {
    const client = amapPositioning({ key: KEY, baseUrl: amap.url, ...FAST });
    const cell = fc.record({
      mcc: fc.integer({ min: 0, max: 999 }),
      mnc: fc.integer({ min: 0, max: 999 }),
      lac: fc.integer({ min: 0, max: 65535 }),
      cellId: fc.integer({ min: 0, max: 2 ** 36 - 1 }),
      signalDbm: fc.integer({ min: -140, max: -30 }),
    });
    const mac = fc
      .array(fc.integer({ min: 0, max: 255 }), { minLength: 6, maxLength: 6 })
      .map((b) => b.map((x) => x.toString(16).padStart(2, '0')).join(':'));
    await fc.assert(
      fc.asyncProperty(
        fc.array(cell, { minLength: 1, maxLength: 5 }),
        fc.array(mac, { maxLength: 5 }),
        async (cells, macs) => {
          amap.requests.length = 0;
          await client.locate({ at: AT, cells, wifi: macs.map((bssid) => ({ bssid })) }).catch(() => undefined);
          const q = amap.requests[0]?.url.searchParams;
          const sent = [q?.get('bts'), ...(q?.get('nearbts')?.split('|') ?? [])].map((b) =>
            amapCellKey(b ?? '', false),
          );
          expect(sent).toEqual(cells.map((c) => `${c.mcc}-${c.mnc}-${c.lac}-${c.cellId}`));
          const sentMacs = (q?.get('macs') ?? '')
            .split('|')
            .filter(Boolean)
            .map((m) => m.split(',')[0]);
          expect(sentMacs).toEqual(macs);
        },
      ),
      { numRuns: 25, seed: 7 },
    );
  });

  it('result type 0 is NO_POSITION; a bad key is refused and never shown', async () => {
    const none = await failure(
      amapPositioning({ key: KEY, baseUrl: amap.url, ...FAST }).locate({
        at: AT,
        cells: [{ mcc: 460, mnc: 1, lac: 1, cellId: 1 }],
      }),
    );
    expect(none.code).toBe('NO_POSITION');
    amap.requests.length = 0;
    const refused = await failure(
      amapPositioning({ key: 'bad-s3cret', baseUrl: amap.url, ...FAST }).locate({ at: AT, cells: [CELL] }),
    );
    expect(refused.code).toBe('PROVIDER_UNAVAILABLE');
    expect(refused.issues[0]?.message).toContain('infocode 10001: INVALID_USER_KEY');
    expect(JSON.stringify([refused.message, refused.issues])).not.toContain('bad-s3cret');
    expect(amap.requests).toHaveLength(1);
  });

  it('ACCESS_TOO_FREQUENT (10004) and a 429 with Retry-After are retried; DAILY_QUERY_OVER_LIMIT is not', async () => {
    amap.fault = (r) =>
      r.n === 1
        ? { json: { status: '0', info: 'ACCESS_TOO_FREQUENT', infocode: '10004' } }
        : r.n === 2
          ? { status: 429, headers: { 'retry-after': '0' }, text: '' }
          : undefined;
    const fix = await amapPositioning({ key: KEY, baseUrl: amap.url, ...FAST }).locate({ at: AT, cells: [CELL] });
    expect(fix.crs).toBe('GCJ02');
    expect(amap.requests).toHaveLength(3);
    amap.requests.length = 0;
    amap.fault = () => ({ json: { status: '0', info: 'DAILY_QUERY_OVER_LIMIT', infocode: '10003' } });
    const e = await failure(
      amapPositioning({ key: KEY, baseUrl: amap.url, ...FAST }).locate({ at: AT, cells: [CELL] }),
    );
    expect(e.code).toBe('PROVIDER_UNAVAILABLE');
    expect(amap.requests).toHaveLength(1);
  });

  it('a slow answer times out (PROVIDER_TIMEOUT), an abort is ABORTED, a bad shape PROVIDER_RESPONSE_INVALID', async () => {
    amap.fault = () => ({ delayMs: 300, json: {} });
    const slow = await failure(
      amapPositioning({ key: KEY, baseUrl: amap.url, ...FAST, timeoutMs: 50, retries: 1 }).locate({
        at: AT,
        cells: [CELL],
      }),
    );
    expect(slow.code).toBe('PROVIDER_TIMEOUT');
    const ctrl = new AbortController();
    const pending = amapPositioning({ key: KEY, baseUrl: amap.url, ...FAST }).locate(
      { at: AT, cells: [CELL] },
      { signal: ctrl.signal },
    );
    ctrl.abort();
    expect((await failure(pending)).code).toBe('ABORTED');
    amap.fault = () => ({
      json: { status: '1', info: 'OK', infocode: '10000', result: { type: '4', location: 'x,y' } },
    });
    const bad = await failure(
      amapPositioning({ key: KEY, baseUrl: amap.url, ...FAST }).locate({ at: AT, cells: [CELL] }),
    );
    expect(bad.code).toBe('PROVIDER_RESPONSE_INVALID');
    expect(bad.issues[0]?.message).toContain('amap answered location "x,y", not "lng,lat"');
    // Issue 13: the adapter's own reading is a keyed reason, so the whole line reads in Chinese.
    expect(formatErrorMessage(bad, { locale: 'zh-CN' })).toMatch(
      /^response：amap 应答的 location 为 "x,y"，不是 "lng,lat"，实际为 /,
    );
  });

  it('a bad scan or bad options are INVALID_INPUT naming the field, before any request', async () => {
    const client = amapPositioning({ key: KEY, baseUrl: amap.url, ...FAST });
    const empty = await failure(client.locate({ at: AT }));
    expect(empty.code).toBe('INVALID_INPUT');
    expect(empty.issues[0]?.path).toEqual(['scan', 'cells']);
    const badMac = await failure(client.locate({ at: AT, wifi: [{ bssid: 'nope' }] }));
    expect(badMac.issues[0]?.path).toEqual(['scan', 'wifi', 0, 'bssid']);
    expect(amap.requests).toHaveLength(0);
    expect(() => amapPositioning({ key: '' })).toThrow(BeatplanError);
    expect(() => amapPositioning({ key: KEY, timeoutMs: -1 })).toThrow(/timeoutMs/);
  });
});

describe('tencentPositioning (against a local stand-in speaking Tencent’s /ws/location/v1/network)', () => {
  const KEY = 'TENC3NT-KEY';
  let tencent: StandIn;
  beforeAll(async () => {
    tencent = await startTencentStandIn(KEY);
  });
  afterAll(() => tencent.close());
  afterEach(() => {
    tencent.fault = undefined;
    tencent.requests.length = 0;
  });

  it('posts cellinfo and wifiinfo as JSON and returns a GCJ-02 fix', async () => {
    const fix = await tencentPositioning({ key: KEY, baseUrl: tencent.url, ...FAST }).locate({
      at: AT,
      cells: [CELL],
      wifi: APS,
      deviceId: 'dev-1',
    });
    expect(JSON.parse(tencent.requests[0]?.body ?? '')).toEqual({
      key: KEY,
      device_id: 'dev-1',
      cellinfo: [{ mcc: 460, mnc: 0, lac: 4189, cellid: 7359, rss: -70 }],
      wifiinfo: [
        { mac: 'aa:bb:cc:dd:ee:01', rssi: -55 },
        { mac: 'aa:bb:cc:dd:ee:02', rssi: -70 },
      ],
    });
    expect(fix).toMatchObject({ crs: 'GCJ02', source: 'cell', at: AT });
    expect(fix.lat).toBeCloseTo(gcjOf('460-0-4189-7359')[1], 6);
  });

  it('status 120 (per-second limit) is retried, 311 refused, no location is NO_POSITION', async () => {
    tencent.fault = (r) => (r.n === 1 ? { json: { status: 120, message: '此key每秒请求量已达到上限' } } : undefined);
    await tencentPositioning({ key: KEY, baseUrl: tencent.url, ...FAST }).locate({ at: AT, cells: [CELL] });
    expect(tencent.requests).toHaveLength(2);
    const refused = await failure(
      tencentPositioning({ key: 'wrong', baseUrl: tencent.url, ...FAST }).locate({ at: AT, cells: [CELL] }),
    );
    expect(refused.issues[0]?.message).toContain('status 311');
    const none = await failure(
      tencentPositioning({ key: KEY, baseUrl: tencent.url, ...FAST }).locate({
        at: AT,
        wifi: [{ bssid: '02:00:00:00:00:09' }],
      }),
    );
    expect(none.code).toBe('NO_POSITION');
  });
});

describe('baiduPositioning (against a local stand-in speaking Baidu’s /locapi/v2)', () => {
  const KEY = 'ba1du-ak';
  let baidu: StandIn;
  beforeAll(async () => {
    baidu = await startBaiduStandIn(KEY);
  });
  afterAll(() => baidu.close());
  afterEach(() => {
    baidu.fault = undefined;
    baidu.requests.length = 0;
  });

  it('asks for bd09ll by default and labels the fix BD09; GCJ02 on request', async () => {
    const fix = await baiduPositioning({ key: KEY, baseUrl: baidu.url, ...FAST }).locate({
      at: AT,
      cells: [CELL, NEAR],
    });
    const sent = JSON.parse(baidu.requests[0]?.body ?? '') as { body: Record<string, unknown>[] };
    expect(sent.body[0]).toMatchObject({
      accesstype: 0,
      cdma: 0,
      bts: '460,0,4189,7359,-70',
      nearbts: '460,0,4189,7360,-81',
      coor: 'bd09ll',
      ctime: String(AT / 1000),
    });
    const [gLng, gLat] = gcjOf('460-0-4189-7359');
    const [bLng, bLat] = gcj02ToBd09(gLng, gLat);
    expect(fix.crs).toBe('BD09');
    expect(fix.lng).toBeCloseTo(bLng, 6);
    expect(fix.lat).toBeCloseTo(bLat, 6);
    const g = await baiduPositioning({ key: KEY, baseUrl: baidu.url, crs: 'GCJ02', ...FAST }).locate({
      at: AT,
      cells: [CELL],
    });
    expect(g.crs).toBe('GCJ02');
    expect(g.lng).toBeCloseTo(gLng, 6);
  });

  it('errcode 901 (concurrency) is retried, 700 (bad key) refused without the key', async () => {
    baidu.fault = (r) => (r.n === 1 ? { json: { errcode: 901, msg: 'exceeding concurrency' } } : undefined);
    await baiduPositioning({ key: KEY, baseUrl: baidu.url, ...FAST }).locate({ at: AT, cells: [CELL] });
    expect(baidu.requests).toHaveLength(2);
    const e = await failure(
      baiduPositioning({ key: 'leak-me-not', baseUrl: baidu.url, ...FAST }).locate({ at: AT, cells: [CELL] }),
    );
    expect(e.issues[0]?.message).toContain('errcode 700');
    expect(JSON.stringify([e.message, e.issues])).not.toContain('leak-me-not');
  });
});

describe('carrierSoapPositioning (against a local SOAP stand-in)', () => {
  let carrier: StandIn;
  beforeAll(async () => {
    carrier = await startCarrierStandIn();
  });
  afterAll(() => carrier.close());
  afterEach(() => {
    carrier.fault = undefined;
    carrier.requests.length = 0;
  });
  const options = (extra: object = {}) => ({
    url: `${carrier.url}/PositionService.asmx`,
    namespace: 'http://lbs.carrier.example/',
    crs: ['GCJ02', 'WGS84'] as ('GCJ02' | 'WGS84')[],
    answer: { crs: 'CoordType', noPositionCodes: ['404'] },
    ...FAST,
    ...extra,
  });

  it('sends GetPosition(xml) in a SOAP 1.1 envelope and reads the escaped answer document', async () => {
    const fix = await carrierSoapPositioning(options()).locate({ at: AT, cells: [CELL], deviceId: 'd-1' });
    const req = carrier.requests[0];
    expect(req?.body).toContain('<GetPosition xmlns="http://lbs.carrier.example/"><xml>&lt;PositionRequest&gt;');
    expect(req?.body).toContain('&lt;DeviceId&gt;d-1&lt;/DeviceId&gt;');
    expect(fix).toMatchObject({ crs: 'GCJ02', source: 'cell', at: AT });
    expect(fix.lng).toBeCloseTo(gcjOf('460-0-4189-7359')[0], 6);
    expect(fix.accuracyM).toBeCloseTo(550 * TO95, 1);
  });

  it('an answer in an undeclared coordinate system is PROVIDER_RESPONSE_INVALID', async () => {
    const bd = await startCarrierStandIn('BD-09');
    try {
      const e = await failure(carrierSoapPositioning({ ...options(), url: bd.url }).locate({ at: AT, cells: [CELL] }));
      expect(e.code).toBe('PROVIDER_RESPONSE_INVALID');
      expect(e.issues[0]?.message).toContain('"BD09", not one it declares (GCJ02, WGS84)');
    } finally {
      await bd.close();
    }
  });

  it('a Server fault is retried, a Client fault refused; an unknown cell (code 404) is NO_POSITION', async () => {
    carrier.fault = (r) => (r.n === 1 ? soapFault('soap:Server', '数据库忙') : undefined);
    await carrierSoapPositioning(options()).locate({ at: AT, cells: [CELL] });
    expect(carrier.requests).toHaveLength(2);
    carrier.fault = () => soapFault('soap:Client', 'bad request document');
    const e = await failure(carrierSoapPositioning(options()).locate({ at: AT, cells: [CELL] }));
    expect(e.code).toBe('PROVIDER_UNAVAILABLE');
    expect(e.issues[0]?.message).toContain('SOAP fault soap:Client: bad request document');
    carrier.fault = undefined;
    const none = await failure(
      carrierSoapPositioning(options()).locate({ at: AT, cells: [{ mcc: 460, mnc: 1, lac: 9, cellId: 9 }] }),
    );
    expect(none.code).toBe('NO_POSITION');
    expect(none.issues[0]?.message).toContain('位置未知');
  });

  it('SOAP 1.2 sends application/soap+xml with the action; not well-formed XML is PROVIDER_RESPONSE_INVALID', async () => {
    carrier.fault = () => ({ text: '<soap:Envelope><soap:Body>', headers: { 'content-type': 'text/xml' } });
    const e = await failure(carrierSoapPositioning(options({ soapVersion: '1.2' })).locate({ at: AT, cells: [CELL] }));
    expect(e.code).toBe('PROVIDER_RESPONSE_INVALID');
    expect(e.issues[0]?.message).toMatch(/^carrier answered XML that is not well-formed: /);
    expect(formatErrorMessage(e, { locale: 'zh-CN' })).toMatch(/^response：carrier 的应答不是格式正确的 XML：/);
    expect(carrier.requests[0]?.body).toContain('http://www.w3.org/2003/05/soap-envelope');
  });

  it('waits long by default (30 s per attempt) and times out at the host’s timeoutMs', async () => {
    carrier.fault = () => ({ delayMs: 200, text: '' });
    const e = await failure(
      carrierSoapPositioning(options({ timeoutMs: 40, retries: 0 })).locate({ at: AT, cells: [CELL] }),
    );
    expect(e.code).toBe('PROVIDER_TIMEOUT');
    expect(() => carrierSoapPositioning({ ...options(), crs: [] })).toThrow(/declare at least one coordinate system/);
  });
});

describe('NetworkScanSchema', () => {
  it('caps a scan at 64 cells and needs one observation', () => {
    const many = Array.from({ length: 65 }, () => CELL);
    expect(NetworkScanSchema.safeParse({ at: AT, cells: many }).success).toBe(false);
    expect(NetworkScanSchema.safeParse({ at: AT }).success).toBe(false);
  });
});
