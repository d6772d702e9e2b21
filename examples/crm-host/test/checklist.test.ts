import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Backend, sqliteBackend } from './backends.js';
import { bearer, fixAt, type LoadedHost, loadHost, MONDAY } from './fixture.js';

// A province's checklist without satisfaction and without the visit question (issue 13 item 4): the host
// records under it, cross-checks and reports. One database is enough here: the checklist never reaches SQL.
const checklist = [
  { id: 'pricesTagged', label: '明码标价' },
  { id: 'policyMaterialDisplayed' },
  { id: 'stock', label: '库存充足', type: 'yes_no' as const },
];

describe('the host under a provincial inspection checklist', () => {
  let backend: Backend;
  let host: LoadedHost;
  beforeAll(async () => {
    backend = sqliteBackend();
    host = await loadHost(await backend.fresh(), { inspectionChecklist: checklist, planWorkers: 0 });
  });
  afterAll(async () => {
    await host?.app.close();
    await host?.repo.close();
    await backend?.stop();
  });
  const call = (method: 'GET' | 'POST', url: string, token: string, payload?: unknown) =>
    host.app.inject({
      method,
      url,
      headers: bearer(token),
      ...(payload === undefined ? {} : { payload: payload as never }),
    });
  const json = (res: { body: string }) => JSON.parse(res.body);

  it('records, cross-checks and reports inspections that answer only what the checklist asks', async () => {
    const x1 = host.tokens.x1;
    const plan = json(await call('POST', '/inspections', x1, { spec: { size: 3 }, seed: 5 }));
    const ids: string[] = plan.plan.retailerIds;
    const record = async (k: number, over: Record<string, unknown> = {}) => {
      const retailer = await host.repo.getRetailer(ids[k] ?? '');
      if (!retailer) throw new Error(`no retailer ${ids[k]}`);
      return call('POST', `/inspections/${plan.id}/records`, x1, {
        id: `P-${k}`,
        retailerId: retailer.id,
        inspectorId: 'x1',
        at: '2025-03-05T10:00:00+08:00',
        fix: fixAt(retailer.location, Date.parse('2025-03-05T09:59:00+08:00')),
        pricesTagged: k !== 1,
        policyMaterialDisplayed: true,
        answers: [{ itemId: 'stock', value: true }],
        ...over,
      });
    };
    for (const k of [0, 1]) {
      const res = await record(k);
      expect(res.statusCode, res.body).toBe(201);
    }
    // a seed item the checklist does not ask is refused, naming the record and the item
    const extra = await record(2, { satisfaction: 4, managerVisitConfirmed: 'yes' });
    expect(extra.statusCode).toBe(422);
    expect(json(extra).issues.map((i: { path: (string | number)[] }) => i.path.join('.'))).toEqual([
      'record.satisfaction',
      'record.managerVisitConfirmed',
    ]);
    expect(json(extra).issues[0].message).toBe(
      'record P-2 answers satisfaction, which the checklist in force does not ask',
    );

    const cc = json(
      await call(
        'GET',
        `/inspections/${plan.id}/cross-check?from=2025-03-03T00:00:00%2B08:00&to=2025-03-10T00:00:00%2B08:00`,
        x1,
      ),
    );
    expect(cc.records.map((r: { outcome: string }) => r.outcome)).toEqual(['not_asked', 'not_asked']);
    expect(cc.totals).toMatchObject({ inspected: 2, notAsked: 2, contradictions: 0 });

    const admin = host.tokens.admin;
    const report = json(await call('GET', `/reports?from=${MONDAY}&to=2025-03-09`, admin));
    expect(report.totals).toMatchObject({
      inspections: 2,
      pricesTaggedRate: 0.5,
      policyDisplayedRate: 1,
      meanSatisfaction: null,
      notAsked: { satisfaction: 2, managerVisitConfirmed: 2 },
    });
    const html = await call('GET', `/reports?from=${MONDAY}&to=2025-03-09&format=html`, admin);
    expect(html.body).toContain('satisfaction: not asked in 2 inspections');
  });

  it('refuses a bad checklist when the app is built', async () => {
    await expect(
      loadHost(await backend.fresh(), { inspectionChecklist: [{ id: 'satisfaction', required: false }] }),
    ).rejects.toThrow(/inspectionChecklist\[0\]\.required/);
  });
});
