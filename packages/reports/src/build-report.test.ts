import { readFileSync } from 'node:fs';
import { isBeatplanError } from '@beatplan/core';
import { describe, expect, it } from 'vitest';
import {
  buildReport,
  ContradictionInputSchema,
  ReportInputSchema,
  ReportTerritorySchema,
  VisitVerdictInputSchema,
  type ReportInputData,
} from '@beatplan/reports';
import { thrown as errorOf } from '../../core/test/helpers.js';

const load = (name: string) =>
  JSON.parse(readFileSync(new URL(`../test/in/${name}`, import.meta.url), 'utf8')) as Record<string, any>;
describe('buildReport', () => {
  it('runs its JSDoc example', () => {
    const report = buildReport({
      managers: [{ id: 'M1', name: 'Li', base: { lng: 120.15, lat: 30.27 }, workingHours: {} }],
      retailers: [
        {
          id: 'R1',
          name: 'Shop',
          location: { lng: 120.16, lat: 30.27 },
          segment: 'retail',
          class: 'B',
          serviceMinutes: 15,
          visitFrequency: 'weekly',
          orderCount: 4,
          orderVolume: 900,
          managerId: 'M1',
        },
      ],
    } satisfies ReportInputData);
    expect(report.managers[0]!.retailers).toBe(1);
    expect(report.managers[0]!.score).toBeNull();
    expect(report.period).toBeNull();
  });

  it('dates a 07:50 Beijing visit on its Beijing day by default (regression: the report defaulted to UTC+0)', () => {
    const shop = {
      id: 'R1',
      name: 'Shop',
      location: { lng: 120.16, lat: 30.27 },
      segment: 'retail',
      class: 'B',
      serviceMinutes: 15,
      visitFrequency: 'weekly',
      orderCount: 4,
      orderVolume: 900,
      managerId: 'M1',
    } as const;
    const fix = (at: string) => ({ lng: 120.16, lat: 30.27, accuracyM: 10, source: 'gnss', at }) as const;
    const input: ReportInputData = {
      managers: [{ id: 'M1', name: 'Li', base: { lng: 120.15, lat: 30.27 }, workingHours: {} }],
      retailers: [shop],
      visits: [
        {
          id: 'V1',
          managerId: 'M1',
          retailerId: 'R1',
          start: fix('2025-03-03T07:50:00+08:00'),
          end: fix('2025-03-03T08:10:00+08:00'),
        },
      ],
    };
    const report = buildReport(input);
    expect(report.utcOffsetMinutes).toBe(480);
    expect(report.period).toEqual({ from: '2025-03-03', to: '2025-03-03', days: 1 });
    expect(buildReport({ ...input, utcOffsetMinutes: 0 }).period).toEqual({
      from: '2025-03-02',
      to: '2025-03-02',
      days: 1,
    });
  });

  // test/in/scorecard-hand.json, worked by hand. M1: R1 visited and verified (600 s of 10 min planned),
  // R2 visited 0.01° east of the shop and rejected; an inspection at R1 (prices yes, policy no,
  // satisfaction 3) contradicts his visit. M2: R3 planned, not visited; inspection at R3 perfect.
  // Weights completion 2, verification 1, timeOnSite 1, route 1, inspection 0, integrity 1.
  it('computes the KPIs and the scorecard of the hand-worked fixture', () => {
    const r = buildReport(load('scorecard-hand.json'));
    const [m1, m2] = r.managers;
    expect(m1!.kpis).toEqual({
      completion: 1, // 2 planned stops, both visited
      verification: 0.5, // 1 verified of 2 visits
      timeOnSite: 0.3333, // min(1, 600 s verified / ((10 + 20) min · 60) of service at the visited R1 and R2)
      route: 0.6667, // planned straight line base→R1→R2→base = 4 · 0.01° of lng; travelled base→R1→(R2 + 0.01°)→base = 6 · 0.01°
      inspection: 0.5, // (1 + 0 + (3 − 1) / 4) / 3
      integrity: 0, // 1 − min(1, 1 contradiction / 1 inspection)
    });
    // 100 · (2·1 + 1·0.5 + 1·0.3333 + 1·0.6667 + 1·0) / (2 + 1 + 1 + 1 + 1); inspection has weight 0
    expect(m1!.score).toBe(58.3333);
    expect(m1!.coverage).toBe(1);
    expect(m2!.kpis).toEqual({
      completion: 0,
      verification: null,
      timeOnSite: null,
      route: null,
      inspection: 1,
      integrity: 1,
    });
    // 100 · (2·0 + 1·1) / (2 + 1); measured weight 3 of 6
    expect(m2!.score).toBe(33.3333);
    expect(m2!.coverage).toBe(0.5);
    expect(r.ranking).toEqual(['M1', 'M2']);
    expect([m1!.rank, m2!.rank]).toEqual([1, 2]);
    expect(m1).toMatchObject({
      plannedStops: 2,
      plannedVisited: 2,
      plannedVerified: 1,
      visits: 2,
      verified: 1,
      rejected: 1,
      verifiedDwellS: 600,
      expectedServiceS: 600,
      reportedDwellS: 1500,
      plannedDistanceM: 5000,
      plannedWorkMinutes: 60,
      distanceRatio: 1.5,
      visitsDenied: 1,
      contradictions: 1,
      contradictionsByKind: { VISIT_DENIED: 1 },
    });
    expect(r.period).toEqual({ from: '2025-03-03', to: '2025-03-04', days: 2 });
  });

  it('compares segments and regions, and measures the balance', () => {
    const r = buildReport(load('scorecard-hand.json'));
    expect(
      r.segments.map((g) => [g.key, g.retailers, g.visits, g.meanServiceMinutes, g.orderCountPerRetailer]),
    ).toEqual([
      ['retail', 1, 1, 10, 4],
      ['chain_supermarket', 1, 1, 20, 4],
      ['hotel_entertainment', 1, 0, 15, 4],
    ]);
    // 1 visit per retailer over 2 days = 3.5 per week
    expect(r.segments[0]!.visitsPerRetailerPerWeek).toBe(3.5);
    expect(r.regions.map((g) => g.key)).toEqual(['North', '(no region)']);
    const retailers = r.balance.metrics.find((b) => b.metric === 'retailers')!.spread;
    expect(retailers).toMatchObject({ min: 1, max: 2, maxToMinRatio: 2, cv: 0.3333 });
    expect(r.balance.primary).toBe('plannedWorkMinutes');
    expect(r.balance.repartition).toBeNull();
  });

  it('reports the before/after of a re-partition', () => {
    const rep = buildReport(load('small-city.json')).balance.repartition!;
    expect(rep.before).toMatchObject({ min: 410, max: 620, maxToMinRatio: 1.5122, cv: 0.1654 });
    expect(rep.after).toMatchObject({ min: 510, max: 540, maxToMinRatio: 1.0588, cv: 0.0233 });
    expect(rep.change).toEqual({ cv: -0.1421, maxToMinRatio: -0.4534, max: -80, min: 100 });
    expect(rep.moved).toBe(5);
  });

  it('leaves out the records outside the period', () => {
    const data = load('scorecard-hand.json');
    const r = buildReport({ ...data, period: { from: '2025-03-04', to: '2025-03-10' } });
    expect(r.counts).toMatchObject({ plans: 0, visits: 0, inspections: 2, contradictions: 0 });
    expect(r.managers[0]!.kpis.integrity).toBe(1);
    expect(r.period).toEqual({ from: '2025-03-04', to: '2025-03-10', days: 7 });
  });

  it('is deterministic and JSON-safe', () => {
    const data = load('small-city.json');
    const a = buildReport(data);
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
    expect(buildReport(structuredClone(data))).toEqual(a);
  });

  it('lists every schema problem in one INVALID_INPUT error', () => {
    const data = load('scorecard-hand.json');
    data.retailers[0].serviceMinutes = 0;
    data.verdicts[0].status = 'ok';
    data.plans[0].date = '2025-02-30';
    data.extra = true;
    const e = errorOf(() => buildReport(data));
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.issues.map((i) => i.path.join('.'))).toEqual(
      expect.arrayContaining(['retailers.0.serviceMinutes', 'verdicts.0.status', 'plans.0.date', 'extra']),
    );
    expect(e.issues).toHaveLength(4);
  });

  it('lists every duplicate id (INVALID_INPUT) and every unknown reference (UNKNOWN_REFERENCE)', () => {
    const data = load('scorecard-hand.json');
    data.visits[1].id = 'V1';
    data.verdicts[1].visitId = 'V1';
    const dup = errorOf(() => buildReport(data));
    expect(dup.code).toBe('INVALID_INPUT');
    expect(dup.message).toContain('visits[1].id: duplicate id (also at index 0), received "V1"');
    expect(dup.message).toContain('verdicts[1].visitId: duplicate visitId (also at index 0)');
    const refs = load('scorecard-hand.json');
    refs.plans[0].stops[0].retailerId = 'R9';
    refs.contradictions[0].managerId = 'M7';
    refs.territories = [{ id: 'T1', managerId: 'M1', retailerIds: ['R1', 'R404'] }];
    refs.repartition = {
      before: [{ managerId: 'M1', workloadMinutes: 10 }],
      after: [{ managerId: 'MX', workloadMinutes: 10 }],
    };
    const e = errorOf(() => buildReport(refs));
    expect(isBeatplanError(e, 'UNKNOWN_REFERENCE')).toBe(true);
    expect(e.issues.map((i) => [i.path.join('.'), i.value])).toEqual([
      ['plans.0.stops.0.retailerId', 'R9'],
      ['contradictions.0.managerId', 'M7'],
      ['territories.0.retailerIds.1', 'R404'],
      ['repartition.after.0.managerId', 'MX'],
    ]);
  });

  it('attributes a retailer without managerId to its territory, and draws degenerate hulls', () => {
    const r = buildReport(load('no-dated-records.json'));
    expect(r.managers.map((m) => m.retailers)).toEqual([2, 1, 0]);
    expect(r.map.territories.map((t) => t.rings[0]!.length)).toEqual([2, 1, 0]);
    // the GCJ-02 retailer is drawn in WGS84 (shifted a few hundred metres)
    expect(Math.abs(r.map.retailers[0]!.lng - 116.401)).toBeGreaterThan(0.003);
  });
});

describe('report input schemas (JSDoc examples)', () => {
  it('parse their examples', () => {
    expect(ReportInputSchema.parse({ retailers: [], managers: [] }).plans).toEqual([]);
    expect(
      VisitVerdictInputSchema.parse({
        visitId: 'V1',
        status: 'verified',
        reasons: [],
        distanceM: { start: 4.2, end: 6 },
        dwellS: 900,
        confidence: 0.97,
        flags: [],
        extra: 1,
      }),
    ).not.toHaveProperty('extra');
    expect(
      ContradictionInputSchema.parse({
        retailerId: 'R7',
        managerId: 'M2',
        kind: 'VISIT_DENIED',
        inspectionId: 'I3',
        visitId: 'V40',
      }).kind,
    ).toBe('VISIT_DENIED');
    expect(
      ReportTerritorySchema.parse({ id: 'T1', managerId: 'M1', retailerIds: ['R1', 'R2', 'R3'] }).polygon,
    ).toBeUndefined();
  });
});
