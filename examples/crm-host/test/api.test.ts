import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRepository } from '../src/db/open-repository.js';
import { type Backend, postgresBackend, sqliteBackend } from './backends.js';
import { bearer, fixAt, type LoadedHost, loadHost, MONDAY, MONDAY_9AM } from './fixture.js';

// The same suite against both databases.
describe.each(['sqlite', 'postgres'])('the host on %s', (kind) => {
  let backend: Backend;
  let host: LoadedHost;
  beforeAll(async () => {
    backend = kind === 'sqlite' ? sqliteBackend() : await postgresBackend();
    host = await loadHost(await backend.fresh());
  });
  afterAll(async () => {
    await host?.app.close();
    await host?.repo.close();
    await backend?.stop();
  });

  const call = (method: 'GET' | 'POST', url: string, token: string | null, payload?: unknown) =>
    host.app.inject({
      method,
      url,
      headers: token ? bearer(token) : {},
      ...(payload === undefined ? {} : { payload: payload as never }),
    });
  const json = (res: { body: string }) => JSON.parse(res.body);
  const routeOf = async (token: string, managerId: string) =>
    json(await call('GET', `/managers/${managerId}/route?date=${MONDAY}`, token));
  const m1 = () => host.managers[0]!.id;
  const m2 = () => host.managers[1]!.id;

  it('serves OpenAPI generated from the zod schemas', async () => {
    const res = await call('GET', '/openapi.json', null);
    expect(res.statusCode, res.body).toBe(200);
    const doc = json(res);
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/visits/start', '/visits/{visitId}/end', '/import/retailers', '/plans', '/reports']),
    );
    const body = doc.paths['/visits/start'].post.requestBody.content['application/json'].schema;
    expect(body.properties.fix.properties.accuracyM).toBeDefined();
  });

  it('POST /plans plans the same week on its worker threads as in the request thread', async () => {
    // the loaded host plans with the default pool (a thread per core, whole managers in the threads)
    const inThread = await loadHost(await backend.fresh(), { planWorkers: 0 });
    try {
      const week = ['2025-03-03', '2025-03-09'] as const;
      const plans = await host.repo.listPlans(...week);
      expect(plans.length).toBeGreaterThan(0);
      expect(await inThread.repo.listPlans(...week)).toEqual(plans);
    } finally {
      await inThread.app.close();
      await inThread.repo.close();
    }
  });

  it('imports all or nothing, listing every bad row', async () => {
    const before = await host.repo.listRetailers();
    const csv =
      'id,name,lng,lat,segment,class,service_minutes,visit_frequency,order_count,order_volume\n' +
      'N1,Fine Shop,120.15,30.27,retail,B,15,weekly,1,10\n' +
      'N2,Bad Lat,120.15,123.4,retail,B,15,weekly,1,10\n' +
      'N3,Bad Segment,120.15,30.27,bakery,B,15,weekly,1,10\n' +
      'N4,Bad Minutes,120.15,30.27,retail,B,-5,weekly,1,10\n';
    const res = await host.app.inject({
      method: 'POST',
      url: '/import/retailers',
      headers: { ...bearer(host.tokens.admin), 'content-type': 'text/csv' },
      payload: csv,
    });
    expect(res.statusCode, res.body).toBe(422);
    const err = json(res);
    expect(err.code).toBe('IMPORT_FAILED');
    expect([...new Set(err.issues.map((i: { row: number }) => i.row))].sort()).toEqual([2, 3, 4]);
    expect(await host.repo.listRetailers()).toEqual(before);
    const unknownManager = await host.app.inject({
      method: 'POST',
      url: '/import/retailers',
      headers: { ...bearer(host.tokens.admin), 'content-type': 'text/csv' },
      payload: `id,name,lng,lat,segment,class,service_minutes,visit_frequency,order_count,order_volume,manager_id\nN1,A,120.15,30.27,retail,B,15,weekly,1,10,NOBODY\n`,
    });
    expect(unknownManager.statusCode, unknownManager.body).toBe(422);
    expect(json(unknownManager).code).toBe('UNKNOWN_REFERENCE');
    expect(await host.repo.listRetailers()).toEqual(before);
  });

  it('a crash in the middle of an import leaves the database as it was', async () => {
    const repo = await backend.fresh();
    const crash = { armed: false };
    const crashing = await loadHost(repo, {
      onImportRow: (i) => {
        if (i === 40 && crash.armed) throw new Error('simulated crash');
      },
    });
    const before = await repo.listRetailers();
    crash.armed = true;
    const changed = before.map((r) => ({ ...r, name: `${r.name} (renamed)` }));
    const { retailersToCsv } = await import('@beatplan/core');
    const res = await crashing.app.inject({
      method: 'POST',
      url: '/import/retailers',
      headers: { ...bearer(crashing.tokens.admin), 'content-type': 'text/csv' },
      payload: retailersToCsv(changed),
    });
    expect(res.statusCode, res.body).toBe(500);
    expect(await repo.listRetailers()).toEqual(before);
    await crashing.app.close();
    await repo.close();
  });

  it('a process killed (SIGKILL) in the middle of an import leaves the database as it was', async () => {
    const location = await backend.freshLocation();
    const loaded = await loadHost(await openRepository(location));
    const before = await loaded.repo.listRetailers();
    await loaded.app.close();
    await loaded.repo.close();
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/import-child.ts', location, '150'], {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d) => {
        out += String(d);
        if (out.includes('mid')) resolve();
      });
      child.on('exit', () => reject(new Error(`the child ended before the middle of the import: ${out}`)));
    });
    const exited = once(child, 'exit');
    child.kill('SIGKILL');
    expect((await exited)[1]).toBe('SIGKILL');
    const reopened = await openRepository(location);
    expect(await reopened.listRetailers()).toEqual(before);
    await reopened.close();
  });

  it('every role is kept out of the others’ data (401/403/404)', async () => {
    const { admin, m1: t1, m2: t2, x1, x2 } = host.tokens;
    const theirs = (await routeOf(t2, m2())).stops[0];
    expect(theirs).toBeDefined();
    const mine = (await routeOf(t1, m1())).stops[0];
    // no token, bad token
    expect((await call('GET', `/managers/${m1()}/route`, null)).statusCode).toBe(401);
    expect(json(await call('GET', '/me', 'bpt_nonsense')).code).toBe('INVALID_TOKEN');
    // a manager: not another manager's route, retailer or visit; no admin or inspector work
    expect((await call('GET', `/managers/${m2()}/route?date=${MONDAY}`, t1)).statusCode).toBe(404);
    const foreign = await call('POST', '/visits/start', t1, {
      visitId: 'v-foreign',
      retailerId: theirs.retailerId,
      fix: fixAt(theirs, MONDAY_9AM),
    });
    expect(foreign.statusCode, foreign.body).toBe(404);
    const started = await call('POST', '/visits/start', t2, {
      visitId: 'v-of-m2',
      retailerId: theirs.retailerId,
      fix: fixAt(theirs, MONDAY_9AM),
    });
    expect(started.statusCode, started.body).toBe(201);
    expect((await call('GET', '/visits/v-of-m2', t1)).statusCode).toBe(404);
    expect((await call('POST', '/visits/v-of-m2/end', t1, { fix: fixAt(mine, MONDAY_9AM + 600_000) })).statusCode).toBe(
      404,
    );
    for (const [method, url, body] of [
      ['POST', '/import/managers', host.managers],
      ['POST', '/plans', { startDate: MONDAY }],
      ['GET', `/reports?from=${MONDAY}&to=${MONDAY}`, undefined],
      ['POST', '/users', { id: 'z', name: 'z', role: 'admin' }],
      ['POST', '/inspections', { spec: { size: 3 }, seed: 1 }],
    ] as const)
      expect((await call(method, url, t1, body)).statusCode, `${method} ${url}`).toBe(403);
    // an inspector: only his own plans; no visits, routes, imports, reports
    const plan = json(await call('POST', '/inspections', x1, { spec: { size: 4 }, seed: 11 }));
    expect(plan.inspectorId).toBe('x1');
    for (const [method, url, body] of [
      ['GET', `/inspections/${plan.id}`, undefined],
      ['POST', `/inspections/${plan.id}/adjust`, { remove: [plan.plan.retailerIds[0]], reason: 'closed' }],
      ['POST', `/inspections/${plan.id}/route`, { base: { lng: 120.155, lat: 30.274 }, date: '2025-03-08' }],
      [
        'GET',
        `/inspections/${plan.id}/cross-check?from=2025-03-03T00:00:00%2B08:00&to=2025-03-08T00:00:00%2B08:00`,
        undefined,
      ],
    ] as const)
      expect((await call(method, url, x2, body)).statusCode, `${method} ${url}`).toBe(404);
    expect((await call('POST', '/inspections', x2, { spec: { size: 2 }, seed: 1, inspectorId: 'x1' })).statusCode).toBe(
      403,
    );
    expect((await call('GET', `/managers/${m1()}/route`, x1)).statusCode).toBe(403);
    expect(
      (
        await call('POST', '/visits/start', x1, {
          visitId: 'v-x',
          retailerId: mine.retailerId,
          fix: fixAt(mine, MONDAY_9AM),
        })
      ).statusCode,
    ).toBe(403);
    expect((await call('POST', '/import/managers', x1, host.managers)).statusCode).toBe(403);
    expect((await call('GET', `/reports?from=${MONDAY}&to=${MONDAY}`, x1)).statusCode).toBe(403);
    // an inspector cannot read or end a manager's visit, plan, manage users or tokens
    for (const [method, url, body] of [
      ['GET', '/visits/v-of-m2', undefined],
      ['POST', '/visits/v-of-m2/end', { fix: fixAt(theirs, MONDAY_9AM + 600_000) }],
      ['POST', '/plans', { startDate: MONDAY }],
      ['POST', '/users', { id: 'z', name: 'z', role: 'admin' }],
      ['POST', '/users/u-m1/tokens', undefined],
      ['POST', '/users/u-m1/revoke', undefined],
    ] as const)
      expect((await call(method, url, x1, body)).statusCode, `inspector ${method} ${url}`).toBe(403);
    // another inspector cannot record on x1's plan
    const record = {
      id: 'I-x2',
      retailerId: plan.plan.retailerIds[0],
      inspectorId: 'x2',
      at: '2025-03-08T10:00:00+08:00',
      fix: fixAt(mine, Date.parse('2025-03-08T09:59:00+08:00')),
      pricesTagged: true,
      policyMaterialDisplayed: true,
      satisfaction: 4,
      managerVisitConfirmed: 'no',
    };
    expect((await call('POST', `/inspections/${plan.id}/records`, x2, record)).statusCode).toBe(404);
    // a manager cannot read, adjust or record on an inspection plan, nor issue or revoke tokens
    for (const [method, url, body] of [
      ['GET', `/inspections/${plan.id}`, undefined],
      ['POST', `/inspections/${plan.id}/adjust`, { remove: [plan.plan.retailerIds[0]], reason: 'x' }],
      ['POST', `/inspections/${plan.id}/records`, record],
      ['POST', '/users/u-m2/tokens', undefined],
      ['POST', '/users/u-m2/revoke', undefined],
    ] as const)
      expect((await call(method, url, t1, body)).statusCode, `manager ${method} ${url}`).toBe(403);
    // the other manager's token still works: nothing above changed anything
    expect((await call('GET', '/visits/v-of-m2', t2)).statusCode).toBe(200);
    // the admin sees all
    expect((await call('GET', `/inspections/${plan.id}`, admin)).statusCode).toBe(200);
    expect((await call('GET', '/visits/v-of-m2', admin)).statusCode).toBe(200);
    expect((await call('GET', `/managers/${m2()}/route?date=${MONDAY}`, admin)).statusCode).toBe(200);
  });

  it('start and end are idempotent by the client id; another payload under the same id is 409', async () => {
    const t1 = host.tokens.m1;
    const stop = (await routeOf(t1, m1())).stops[1];
    const start = { visitId: 'v-idem', retailerId: stop.retailerId, fix: fixAt(stop, MONDAY_9AM) };
    const first = await call('POST', '/visits/start', t1, start);
    expect(first.statusCode, first.body).toBe(201);
    const again = await call('POST', '/visits/start', t1, start);
    expect(again.statusCode, again.body).toBe(200);
    expect(json(again)).toEqual(json(first));
    expect(json(await call('POST', '/visits/start', t1, { ...start, fix: fixAt(stop, MONDAY_9AM + 1000) })).code).toBe(
      'IDEMPOTENCY_CONFLICT',
    );
    const end = { fix: fixAt(stop, MONDAY_9AM + 15 * 60_000) };
    const ended = await call('POST', '/visits/v-idem/end', t1, end);
    expect(ended.statusCode, ended.body).toBe(201);
    expect(json(ended).verdict.status).toBe('verified');
    const endedAgain = await call('POST', '/visits/v-idem/end', t1, end);
    expect(endedAgain.statusCode, endedAgain.body).toBe(200);
    expect(json(endedAgain)).toEqual(json(ended));
    const other = await call('POST', '/visits/v-idem/end', t1, { fix: fixAt(stop, MONDAY_9AM + 20 * 60_000) });
    expect(other.statusCode, other.body).toBe(409);
    expect((await call('POST', '/visits/never-started/end', t1, end)).statusCode).toBe(404);
  });

  it('concurrent ends of one visit store one result', async () => {
    const t1 = host.tokens.m1;
    const stop = (await routeOf(t1, m1())).stops[2];
    await call('POST', '/visits/start', t1, {
      visitId: 'v-race',
      retailerId: stop.retailerId,
      fix: fixAt(stop, MONDAY_9AM),
    });
    // 8 identical ends (a retrying phone) and 4 different ones (two phones), all at once
    const bodies = [
      ...Array.from({ length: 8 }, () => ({ fix: fixAt(stop, MONDAY_9AM + 12 * 60_000) })),
      ...Array.from({ length: 4 }, (_, i) => ({ fix: fixAt(stop, MONDAY_9AM + (30 + i) * 60_000) })),
    ];
    const answers = await Promise.all(bodies.map((b) => call('POST', '/visits/v-race/end', t1, b)));
    const codes = answers.map((a) => a.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(1);
    expect(codes.every((c) => c === 201 || c === 200 || c === 409)).toBe(true);
    const winner = json(answers[codes.indexOf(201)]!);
    const stored = await host.repo.getVisit('v-race');
    expect(stored?.endFix?.at).toBe(winner.end.at);
    expect(stored?.verdict).toEqual(winner.verdict);
    for (const a of answers.filter((x) => x.statusCode === 200)) expect(json(a)).toEqual(winner);
  });

  it('offline-queued fixes: a day old is accepted; days old or in the future get documented answers', async () => {
    const t1 = host.tokens.m1;
    const stop = (await routeOf(t1, m1())).stops[3];
    host.clock.now = MONDAY_9AM + 20 * 3_600_000; // the phone comes back online 20 h later
    try {
      const late = await call('POST', '/visits/start', t1, {
        visitId: 'v-late',
        retailerId: stop.retailerId,
        fix: fixAt(stop, MONDAY_9AM),
      });
      expect(late.statusCode, late.body).toBe(201);
      const old = await call('POST', '/visits/start', t1, {
        visitId: 'v-old',
        retailerId: stop.retailerId,
        fix: fixAt(stop, MONDAY_9AM - 3 * 86_400_000),
      });
      expect(old.statusCode, old.body).toBe(422);
      expect(json(old).code).toBe('FIX_TOO_OLD');
      const future = await call('POST', '/visits/start', t1, {
        visitId: 'v-future',
        retailerId: stop.retailerId,
        fix: fixAt(stop, host.clock.now + 86_400_000),
      });
      expect(future.statusCode, future.body).toBe(422);
      expect(json(future).code).toBe('FIX_IN_FUTURE');
      expect(await host.repo.getVisit('v-old')).toBeNull();
      expect(await host.repo.getVisit('v-future')).toBeNull();
    } finally {
      host.clock.now = MONDAY_9AM + 9 * 3_600_000;
    }
  });

  it('a token revoked while the phone was offline: 401 TOKEN_REVOKED, then accepted with a new token', async () => {
    const res = await call('POST', '/users', host.tokens.admin, {
      id: 'u-m3',
      name: 'm3',
      role: 'manager',
      managerId: m1(),
    });
    const old = json(res).token;
    const stop = (await routeOf(old, m1())).stops[4];
    const queued = { visitId: 'v-revoked', retailerId: stop.retailerId, fix: fixAt(stop, MONDAY_9AM) };
    expect(json(await call('POST', '/users/u-m3/revoke', host.tokens.admin)).revoked).toBe(1);
    const refused = await call('POST', '/visits/start', old, queued);
    expect(refused.statusCode, refused.body).toBe(401);
    expect(json(refused).code).toBe('TOKEN_REVOKED');
    expect(await host.repo.getVisit('v-revoked')).toBeNull();
    const fresh = json(await call('POST', '/users/u-m3/tokens', host.tokens.admin)).token;
    expect((await call('POST', '/visits/start', fresh, queued)).statusCode).toBe(201);
  });

  it('inspections: draw, adjust, route, record, cross-check', async () => {
    const x1 = host.tokens.x1;
    const plan = json(await call('POST', '/inspections', x1, { spec: { size: 5, stratifyBy: 'manager' }, seed: 42 }));
    expect(plan.plan.retailerIds).toHaveLength(5);
    const again = json(await call('POST', '/inspections', x1, { spec: { size: 5, stratifyBy: 'manager' }, seed: 42 }));
    expect(again.plan.retailerIds).toEqual(plan.plan.retailerIds);
    const adjusted = await call('POST', `/inspections/${plan.id}/adjust`, x1, {
      remove: [plan.plan.retailerIds[0]],
      reason: 'closed for renovation',
    });
    expect(adjusted.statusCode, adjusted.body).toBe(200);
    const ids: string[] = json(adjusted).plan.retailerIds;
    expect(ids).toHaveLength(4);
    const routed = json(
      await call('POST', `/inspections/${plan.id}/route`, x1, {
        base: { lng: 120.155, lat: 30.274 },
        date: '2025-03-08',
        workingDays: ['sat', 'sun'],
      }),
    );
    const stops = routed.route.days.flatMap((d: { stops: unknown[] }) => d.stops);
    expect(stops.length + routed.route.dropped.length).toBe(4);
    const retailer = await host.repo.getRetailer(ids[0]!);
    const record = {
      id: 'I-1',
      retailerId: ids[0],
      inspectorId: 'x1',
      at: '2025-03-08T10:00:00+08:00',
      fix: { ...fixAt(retailer!.location, Date.parse('2025-03-08T09:59:00+08:00')) },
      pricesTagged: true,
      policyMaterialDisplayed: true,
      satisfaction: 4,
      managerVisitConfirmed: 'no',
    };
    const recorded = await call('POST', `/inspections/${plan.id}/records`, x1, record);
    expect(recorded.statusCode, recorded.body).toBe(201);
    expect(json(recorded).fixVerdict.status).toBe('verified');
    expect((await call('POST', `/inspections/${plan.id}/records`, x1, record)).statusCode).toBe(200);
    expect((await call('POST', `/inspections/${plan.id}/records`, x1, { ...record, satisfaction: 2 })).statusCode).toBe(
      409,
    );
    const cc = await call(
      'GET',
      `/inspections/${plan.id}/cross-check?from=2025-03-03T00:00:00%2B08:00&to=2025-03-08T00:00:00%2B08:00`,
      x1,
    );
    expect(cc.statusCode, cc.body).toBe(200);
    expect(json(cc).records).toHaveLength(1);
  });

  it('reports as JSON, CSV and HTML', async () => {
    const admin = host.tokens.admin;
    const report = await call('GET', `/reports?from=${MONDAY}&to=2025-03-09`, admin);
    expect(report.statusCode, report.body).toBe(200);
    expect(json(report).counts.visits).toBeGreaterThan(0);
    const csv = await call('GET', `/reports?from=${MONDAY}&to=2025-03-09&format=csv`, admin);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.body.split('\n')[0]).toMatch(/^managerId,/);
    const html = await call('GET', `/reports?from=${MONDAY}&to=2025-03-09&format=html`, admin);
    expect(html.body).toMatch(/^<!DOCTYPE html>/i);
    // Visits started on Monday and never ended (v-late, …): once Monday is over they are in the report, incomplete
    const open = (await host.repo.listVisits(MONDAY_9AM - 9 * 3_600_000, MONDAY_9AM + 15 * 3_600_000)).filter(
      (v) => v.endFix === null,
    );
    expect(open.map((v) => v.id)).toContain('v-late');
    expect(json(report).totals.incomplete).toBe(0);
    host.clock.now = MONDAY_9AM + 24 * 3_600_000;
    try {
      const next = json(await call('GET', `/reports?from=${MONDAY}&to=2025-03-09`, admin));
      expect(next.totals.incomplete).toBe(open.length);
      expect(next.counts.visits).toBe(json(report).counts.visits + open.length);
    } finally {
      host.clock.now = MONDAY_9AM + 9 * 3_600_000;
    }
  });
});
