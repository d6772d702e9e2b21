import { parseOrThrow } from '@beatplan/core';
import {
  adjustSample,
  applyAdjustments,
  crossCheck,
  drawSample,
  InspectionPlanSchema,
  recordInspection,
  redrawSample,
  routeInspection,
  SAMPLE_ALGORITHM,
  SampleAdjustmentSchema,
  SampleSpecSchema,
  STRATUM_FIELDS,
  verificationRates,
} from '@beatplan/inspection';
import { describe, expect, it } from 'vitest';
import { city } from './helpers.js';

// The @example of every export, run through the public package name (so examples cannot rot).
describe('JSDoc examples', () => {
  const retailers = city(60);
  const history = [{ retailerId: 'R001', at: '2025-02-10T10:00:00+08:00' }];

  it('drawSample, redrawSample, adjustSample, applyAdjustments, InspectionPlanSchema', () => {
    const plan = drawSample(
      retailers,
      { stratifyBy: 'manager', size: 12, excludeInspectedSince: '2025-02-01' },
      { seed: 42, history },
    );
    expect(plan.retailerIds).toHaveLength(12);
    expect(plan.strata.map((s) => s.drawn)).toEqual([3, 3, 3, 3]);
    expect(plan.fingerprint).toMatch(/^fnv1a64:/);
    expect(redrawSample(plan, retailers, { history })).toEqual(plan);
    expect(() => redrawSample(plan, retailers.slice(1), { history })).toThrow(/the input changed since the draw/);
    const removed = plan.retailerIds[0]!;
    const added = retailers.map((r) => r.id).find((id) => !plan.retailerIds.includes(id))!;
    const adjusted = adjustSample(plan, {
      remove: [removed],
      add: [added],
      by: 'team lead Zhao',
      reason: `${removed} closed for renovation`,
      at: '2025-03-04T08:00:00+08:00',
    });
    expect(adjusted.adjustments).toHaveLength(1);
    expect(
      applyAdjustments(
        ['R1', 'R2'],
        [{ at: 1740963600000, by: 'lead', reason: 'closed', add: ['R9'], remove: ['R1'] }],
      ),
    ).toEqual(['R2', 'R9']);
    expect(parseOrThrow(InspectionPlanSchema, JSON.parse(JSON.stringify(adjusted)), ['plan'])).toEqual(adjusted);
  });

  it('schemas and constants', () => {
    expect(
      SampleSpecSchema.parse({ stratifyBy: 'manager', size: 30, excludeInspectedSince: '2025-01-01' }),
    ).toMatchObject({ utcOffsetMinutes: 480 });
    expect(SAMPLE_ALGORITHM).toEqual({ name: 'stratified-efraimidis-spirakis-fnv1a64', version: 2 });
    expect(
      SampleAdjustmentSchema.parse({
        at: '2025-03-04T08:00:00+08:00',
        by: 'lead Zhao',
        reason: 'shop closed',
        add: [],
        remove: ['R17'],
      }).at,
    ).toBe(1741046400000);
    expect(STRATUM_FIELDS.includes('segment')).toBe(true);
  });

  it('routeInspection', async () => {
    const plan = drawSample(retailers, { size: 10 }, { seed: 1 });
    const route = await routeInspection(plan, retailers, {
      base: { lng: 116.4, lat: 39.9 },
      date: '2025-03-05',
      maxStopsPerDay: 8,
    });
    expect(route.days.map((d) => d.stops.length)).toEqual([8, 2]);
    expect(route.days[0]!.stops[0]!.arrival).toMatch(/^2025-03-05T09:\d\d:\d\d\+08:00$/);
  });

  it('recordInspection, crossCheck, verificationRates', () => {
    const { fixVerdict } = recordInspection(
      {
        id: 'I1',
        retailerId: 'R1',
        inspectorId: 'X1',
        at: '2025-03-05T10:00:00+08:00',
        fix: { lng: 116.404, lat: 39.915, accuracyM: 6, source: 'gnss', at: '2025-03-05T09:59:30+08:00' },
        pricesTagged: true,
        policyMaterialDisplayed: false,
        satisfaction: 4,
        managerVisitConfirmed: 'yes',
      },
      { id: 'R1', location: { lng: 116.404, lat: 39.915 } },
    );
    expect(fixVerdict?.status).toBe('verified');
    const fix = (at: string) => ({ lng: 116.4, lat: 39.9, accuracyM: 8, source: 'gnss' as const, at });
    const report = crossCheck({
      period: { from: '2025-03-01T00:00:00+08:00', to: '2025-03-08T00:00:00+08:00' },
      records: [
        {
          id: 'I3',
          retailerId: 'R3',
          inspectorId: 'X1',
          at: '2025-03-10T10:00:00+08:00',
          fix: fix('2025-03-10T10:00:00+08:00'),
          pricesTagged: true,
          policyMaterialDisplayed: true,
          satisfaction: 3,
          managerVisitConfirmed: 'no',
        },
      ],
      visits: [
        {
          id: 'V12',
          managerId: 'M1',
          retailerId: 'R3',
          start: fix('2025-03-04T10:00:00+08:00'),
          end: fix('2025-03-04T10:20:00+08:00'),
        },
      ],
      verdicts: [{ visitId: 'V12', status: 'verified' }],
    });
    expect(report.contradictions).toMatchObject([
      { code: 'VERIFIED_VISIT_DENIED', retailerId: 'R3', visitIds: ['V12'] },
    ]);
    expect(
      verificationRates(
        [
          { id: 'V1', managerId: 'M1' },
          { id: 'V2', managerId: 'M1' },
          { id: 'V3', managerId: 'M2' },
        ],
        [
          { visitId: 'V1', status: 'verified' },
          { visitId: 'V2', status: 'rejected' },
          { visitId: 'V3', status: 'verified' },
        ],
      ),
    ).toEqual({ M1: 0.5, M2: 1 });
  });
});
