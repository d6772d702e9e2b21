import autocannon from 'autocannon';
import type { Repository } from '../db/repository.js';

/**
 * A load on `POST /visits/:id/end` (verification included) with autocannon: `visits` visits (default
 * 4,000) are started beforehand at the manager's retailers (10 minutes ago), then ended by `connections`
 * connections (default 10), each visit ended exactly once (autocannon's `amount`: a fixed number of
 * requests rather than a duration, so a fast host cannot run out of started visits and be counted 404s)
 * — or, given `seconds`, for that many seconds (the benchmark: start more visits than the host can end in
 * that time; a request past the last one is a 404, counted in `errors`). Resolves to requests/s, p99
 * latency, the non-2xx count and how many verdicts the database holds (one per answered request).
 */
export async function loadEndVisit(options: {
  baseUrl: string;
  token: string;
  managerId: string;
  repo: Repository;
  connections?: number;
  visits?: number;
  seconds?: number;
}): Promise<{ rps: number; p99Ms: number; errors: number; answered: number; stored: number }> {
  const { connections = 10, visits = 4_000 } = options;
  const retailers = await options.repo.listRetailers(options.managerId);
  const startAt = Date.now() - 10 * 60_000;
  const ids: string[] = [];
  for (let i = 0; i < visits; i++) {
    const r = retailers[i % retailers.length];
    if (!r) throw new Error(`manager ${options.managerId} has no retailers`);
    const id = `load-${i}-${crypto.randomUUID()}`;
    ids.push(id);
    await options.repo.insertVisit({
      id,
      managerId: options.managerId,
      retailerId: r.id,
      startFix: { lng: r.location.lng, lat: r.location.lat, accuracyM: 8, source: 'gnss', at: startAt },
      startHash: `load-${id}`,
      startReceivedAt: startAt,
      endFix: null,
      endHash: null,
      endReceivedAt: null,
      verdict: null,
    });
  }
  const where = new Map(ids.map((id, i) => [id, retailers[i % retailers.length]?.location]));
  let next = 0;
  const result = await autocannon({
    url: options.baseUrl,
    connections,
    ...(options.seconds === undefined ? { amount: visits } : { duration: options.seconds }),
    requests: [
      {
        method: 'POST',
        headers: { authorization: `Bearer ${options.token}`, 'content-type': 'application/json' },
        setupRequest: (req) => {
          const id = ids[next++] ?? 'exhausted';
          const p = where.get(id) ?? { lng: 0, lat: 0 };
          const fix = { lng: p.lng, lat: p.lat, accuracyM: 8, source: 'gnss', at: new Date().toISOString() };
          return { ...req, path: `/visits/${id}/end`, body: JSON.stringify({ fix }) };
        },
      },
    ],
  });
  const stored = (await options.repo.listVisits(startAt - 1, startAt + 1, options.managerId)).filter(
    (v) => v.verdict !== null,
  ).length;
  return {
    rps: result.requests.average,
    p99Ms: result.latency.p99,
    errors: result.non2xx + result.errors,
    answered: result['2xx'],
    stored,
  };
}
