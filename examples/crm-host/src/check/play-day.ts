import type { Repository } from '../db/repository.js';

/** What a played day left behind: presses answered, visits stored, verified, lost, stored twice. */
export interface DayTally {
  /** Visits the manager played (each started and ended, every press sent twice as a retrying phone does). */
  visits: number;
  /** Of them, verified by the host's verdict (read back with GET /visits/:id). */
  verified: number;
  /** Visits answered 2xx but not in the database. */
  lost: number;
  /** Rows beyond one per visit (same retailer, same start fix time) in the database. */
  duplicates: number;
}

/** A tiny HTTP client of the host's API (real HTTP, as a phone or a CRM front end calls it). */
export function apiClient(baseUrl: string, token: string) {
  return async (method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ status: number; json: any }> => {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, json: text ? JSON.parse(text) : null };
  };
}

/**
 * Plays a manager's day through the HTTP API: reads the day's route, then at each stop starts a visit
 * and ends it 12 minutes later at the shop (GNSS fixes of 8 m, times in the last hours, so that a real
 * clock accepts them), sending every press twice (a retry after a lost answer). Reads each visit back.
 * Counts what the database holds against what was answered.
 */
export async function playDay(options: {
  baseUrl: string;
  token: string;
  managerId: string;
  date: string;
  repo: Repository;
  /** Stops to play (default all of the day's). */
  maxStops?: number;
}): Promise<DayTally> {
  const call = apiClient(options.baseUrl, options.token);
  const route = await call('GET', `/managers/${options.managerId}/route?date=${options.date}`);
  if (route.status !== 200) throw new Error(`route: ${route.status} ${JSON.stringify(route.json)}`);
  const stops: { retailerId: string; lng: number; lat: number }[] = route.json.stops.slice(0, options.maxStops);
  const dayStart = Date.now() - 10 * 3_600_000;
  const answered = new Map<string, { retailerId: string; at: number }>();
  let verified = 0;
  for (const [i, stop] of stops.entries()) {
    const at = dayStart + i * 15 * 60_000;
    const fix = (t: number) => ({
      lng: stop.lng,
      lat: stop.lat,
      accuracyM: 8,
      source: 'gnss',
      at: new Date(t).toISOString(),
    });
    const visitId = crypto.randomUUID();
    const start = { visitId, retailerId: stop.retailerId, fix: fix(at) };
    for (const attempt of [0, 1]) {
      const res = await call('POST', '/visits/start', start);
      if (res.status !== (attempt === 0 ? 201 : 200))
        throw new Error(`start: ${res.status} ${JSON.stringify(res.json)}`);
    }
    const end = { fix: fix(at + 12 * 60_000) };
    for (const attempt of [0, 1]) {
      const res = await call('POST', `/visits/${visitId}/end`, end);
      if (res.status !== (attempt === 0 ? 201 : 200)) throw new Error(`end: ${res.status} ${JSON.stringify(res.json)}`);
    }
    answered.set(visitId, { retailerId: stop.retailerId, at });
    const read = await call('GET', `/visits/${visitId}`);
    if (read.json?.verdict?.status === 'verified') verified++;
  }
  const stored = await options.repo.listVisits(dayStart - 1, Date.now(), options.managerId);
  const byId = new Set(stored.map((v) => v.id));
  const keys = new Set(stored.map((v) => `${v.retailerId}@${v.startFix.at}`));
  return {
    visits: answered.size,
    verified,
    lost: [...answered.keys()].filter((id) => !byId.has(id)).length,
    duplicates: stored.length - keys.size,
  };
}
