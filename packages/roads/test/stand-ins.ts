import { type Answer, type RecordedRequest, type StandIn, parsePair, startStandIn, truth } from './stand-in-server.js';

const table = (from: [number, number][], to: [number, number][], pick: 'm' | 's') =>
  from.map((a) => to.map((b) => truth(a, b)?.[pick] ?? null));

/**
 * OSRM `osrm-routed` table service: `GET /table/v1/{profile}/{lng,lat;…}?sources=…&destinations=…&annotations=…`;
 * 400 `TooBig` beyond `maxTableSize²` pairs, 400 `InvalidQuery` for a malformed coordinate list.
 */
export function startOsrmStandIn(maxTableSize = 100): Promise<StandIn> {
  return startStandIn((req) => {
    const m = /^\/table\/v1\/([^/]+)\/(.+)$/.exec(req.url.pathname);
    if (!m)
      return {
        status: 400,
        json: { code: 'InvalidUrl', message: `URL string malformed close to position 1: "${req.url.pathname}"` },
      };
    let coords: [number, number][];
    try {
      coords = decodeURIComponent(m[2] as string)
        .split(';')
        .map(parsePair);
    } catch {
      return { status: 400, json: { code: 'InvalidQuery', message: 'Query string malformed close to position 0' } };
    }
    const indexes = (name: string) => {
      const v = req.url.searchParams.get(name);
      return v === null || v === 'all' ? coords.map((_, i) => i) : v.split(';').map(Number);
    };
    const sources = indexes('sources');
    const destinations = indexes('destinations');
    if ([...sources, ...destinations].some((i) => !Number.isInteger(i) || i < 0 || i >= coords.length)) {
      return { status: 400, json: { code: 'InvalidOptions', message: 'Index out of bounds' } };
    }
    if (sources.length * destinations.length > maxTableSize * maxTableSize) {
      return { status: 400, json: { code: 'TooBig', message: 'Too many table coordinates' } };
    }
    const annotations = (req.url.searchParams.get('annotations') ?? 'duration').split(',');
    const from = sources.map((i) => coords[i] as [number, number]);
    const to = destinations.map((i) => coords[i] as [number, number]);
    const waypoint = (c: [number, number]) => ({
      location: c,
      name: '',
      hint: 'KSoKADRYroqUBAEAEAAAABkAAAAGAAAAAAAAABhnCQCLtwAA',
      distance: 0,
    });
    const json: Record<string, unknown> = { code: 'Ok', sources: from.map(waypoint), destinations: to.map(waypoint) };
    if (annotations.includes('duration')) json.durations = table(from, to, 's');
    if (annotations.includes('distance')) json.distances = table(from, to, 'm');
    return { json };
  });
}

/** Valhalla `POST /sources_to_targets` (verbose answer, units kilometers); 400 error_code 150 beyond `maxPairs`. */
export function startValhallaStandIn(maxPairs = 2500): Promise<StandIn> {
  return startStandIn((req) => {
    if (req.url.pathname !== '/sources_to_targets') {
      return {
        status: 404,
        json: {
          error_code: 106,
          error: "Try any of: '/route' '/sources_to_targets'",
          status_code: 404,
          status: 'Not Found',
        },
      };
    }
    const q = JSON.parse(req.body) as {
      sources: { lat: number; lon: number }[];
      targets: { lat: number; lon: number }[];
      costing?: string;
      units?: string;
    };
    if (!q.costing)
      return {
        status: 400,
        json: { error_code: 124, error: 'No edge/node costing provided', status_code: 400, status: 'Bad Request' },
      };
    if (q.sources.length * q.targets.length > maxPairs) {
      return {
        status: 400,
        json: {
          error_code: 150,
          error: `Exceeded max locations: ${maxPairs}`,
          status_code: 400,
          status: 'Bad Request',
        },
      };
    }
    const toKm = q.units === 'miles' ? 1609.344 : 1000;
    const rows = q.sources.map((s, a) =>
      q.targets.map((t, b) => {
        const r = truth([s.lon, s.lat], [t.lon, t.lat]);
        return {
          from_index: a,
          to_index: b,
          time: r ? r.s : null,
          distance: r ? Math.round((r.m / toKm) * 1e4) / 1e4 : null,
        };
      }),
    );
    return {
      json: { sources_to_targets: rows, sources: q.sources, targets: q.targets, units: q.units ?? 'kilometers' },
    };
  });
}

/** GraphHopper `POST /matrix?key=…` with `fail_fast`; 401 for a wrong key, 400 beyond `maxPoints` a side. */
export function startGraphHopperStandIn(key: string, maxPoints = 50): Promise<StandIn> {
  return startStandIn((req) => {
    if (req.url.pathname !== '/matrix' || req.method !== 'POST') return { status: 404, json: { message: 'Not found' } };
    if (req.url.searchParams.get('key') !== key)
      return {
        status: 401,
        json: {
          message: 'Wrong credentials. Register and get a valid API key at https://www.graphhopper.com/developers/',
        },
      };
    const q = JSON.parse(req.body) as {
      from_points: [number, number][];
      to_points: [number, number][];
      out_arrays?: string[];
      fail_fast?: boolean;
    };
    if (q.from_points.length > maxPoints || q.to_points.length > maxPoints) {
      return {
        status: 400,
        json: {
          message: `Too many points for Matrix API: ${q.from_points.length}x${q.to_points.length}`,
          hints: [{ message: `max ${maxPoints}` }],
        },
      };
    }
    const times = table(q.from_points, q.to_points, 's');
    if (q.fail_fast !== false && times.some((row) => row.includes(null))) {
      return {
        status: 400,
        json: {
          message: 'Connection between locations not found',
          hints: [{ message: 'Connection between locations not found', details: 'ConnectionNotFoundException' }],
        },
      };
    }
    const json: Record<string, unknown> = {
      info: { copyrights: ['GraphHopper', 'OpenStreetMap contributors'], took: 3 },
    };
    if (q.out_arrays?.includes('times')) json.times = times;
    if (q.out_arrays?.includes('distances')) json.distances = table(q.from_points, q.to_points, 'm');
    return { json };
  });
}

/** AMap `GET /v3/distance?key&origins&destination&type`: failures as HTTP 200 `status: "0"` bodies. */
export function startAmapStandIn(key: string): Promise<StandIn> {
  return startStandIn((req: RecordedRequest): Answer => {
    const p = req.url.searchParams;
    if (req.url.pathname !== '/v3/distance')
      return { json: { status: '0', info: 'SERVICE_NOT_AVAILABLE', infocode: '10002' } };
    if (p.get('key') !== key) return { json: { status: '0', info: 'INVALID_USER_KEY', infocode: '10001' } };
    let origins: [number, number][];
    let destination: [number, number];
    try {
      origins = (p.get('origins') ?? '').split('|').map(parsePair);
      destination = parsePair(p.get('destination') ?? '');
    } catch {
      return { json: { status: '0', info: 'INVALID_PARAMS', infocode: '20000' } };
    }
    const sixDecimals = (v: number) =>
      Math.round(v * 1e6) === v * 1e6 || Math.abs(Math.round(v * 1e6) - v * 1e6) < 1e-6;
    if (origins.length > 100 || ![...origins, destination].every(([a, b]) => sixDecimals(a) && sixDecimals(b))) {
      return { json: { status: '0', info: 'INVALID_PARAMS', infocode: '20000' } };
    }
    const results = origins.map((o, k) => {
      const r = truth(o, destination);
      return r
        ? {
            origin_id: String(k + 1),
            dest_id: '1',
            distance: String(Math.round(r.m)),
            duration: String(Math.round(r.s)),
          }
        : { origin_id: String(k + 1), dest_id: '1', distance: '0', duration: '0', info: '未规划出路线', code: '1' };
    });
    return { json: { status: '1', info: 'OK', infocode: '10000', count: String(results.length), results } };
  });
}
