// The story demo (examples/story-demo.mjs) on a SMALL synthetic city: the chain plan → visits →
// verdicts → inspection → cross-check → report holds, and what was planted is what is found.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Retailer, Visit, VisitPlan } from '@beatplan/core';
import type { VisitVerdict } from '@beatplan/geofence';
import {
  drawSample,
  redrawSample,
  type CrossCheckReport,
  type InspectionHistoryEntry,
  type InspectionPlan,
} from '@beatplan/inspection';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** The parts of `runStoryDemo`'s answer this test reads (the demo is plain JavaScript). */
interface Story {
  ok: boolean;
  checks: Record<string, boolean>;
  plans: VisitPlan[];
  pilotRetailers: (Retailer & { managerId: string })[];
  visits: Visit[];
  truth: {
    kind: string;
    managerId: string;
    date: string;
    retailerId: string;
    visitId: string | null;
    recordId?: string;
  }[];
  verification: {
    verdicts: VisitVerdict[];
    summary: { days: { managerId: string; date: string; notVisitedRetailerIds: string[] | null }[] };
  };
  drawn: InspectionPlan;
  sample: InspectionPlan;
  history: InspectionHistoryEntry[];
  records: { id: string; retailerId: string; managerVisitConfirmed: 'yes' | 'no' | 'unsure' }[];
  recordVerdicts: VisitVerdict[];
  crossCheck: CrossCheckReport;
  html: string;
  htmlPath: string;
  roles: { spoof: string };
  report: {
    managers: { managerId: string; flaggedVerified: number; rank: number | null }[];
    whatIf: { label: string; ranking: string[] }[];
  };
}

// a variable specifier: the demo is JavaScript without type declarations
const demoModule = './story-demo.mjs';
const outDir = mkdtempSync(join(tmpdir(), 'beatplan-story-'));
let story: Story;

beforeAll(async () => {
  const { runStoryDemo } = (await import(/* @vite-ignore */ demoModule)) as {
    runStoryDemo: (options: object) => Promise<Story>;
  };
  story = await runStoryDemo({
    seed: 7,
    retailers: 600,
    managers: 4,
    pilots: 4,
    days: 3,
    sampleSize: 12,
    inspectionDays: 1,
    outDir,
    log: () => {},
  });
});
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

const verdictOf = (visitId: string) => story.verification.verdicts.find((v) => v.visitId === visitId)!;

describe('the story demo on a small city', () => {
  it('plans a few days for every pilot manager and simulates their visits', () => {
    expect(new Set(story.plans.map((p) => p.managerId)).size).toBe(4);
    expect(new Set(story.plans.map((p) => p.date))).toEqual(new Set(['2025-03-03', '2025-03-04', '2025-03-05']));
    expect(story.plans.every((p) => p.stops.length > 0)).toBe(true);
    const stops = story.plans.reduce((a, p) => a + p.stops.length, 0);
    const skipped = story.truth.filter((t) => t.kind === 'skipped').length;
    expect(skipped).toBeGreaterThan(0);
    expect(story.visits.length).toBe(stops - skipped);
    for (const kind of [
      'cafe',
      'too_short',
      'coarse_cell',
      'indoor_cell',
      'spoof',
      'spoof_mock',
      'spoof_stale_pin',
      'spoof_rush',
    ]) {
      expect(
        story.truth.some((t) => t.kind === kind),
        kind,
      ).toBe(true);
    }
    expect(story.ok).toBe(true);
  });

  it('finds verified, rejected and unverifiable visits, each planted one as planted', () => {
    const statuses = new Set(story.verification.verdicts.map((v) => v.status));
    expect([...statuses].sort()).toEqual(['rejected', 'unverifiable', 'verified']);
    const expected: Record<string, { status: string; reason?: string; flag?: string }> = {
      cafe: { status: 'rejected', reason: 'OUT_OF_RANGE' },
      too_short: { status: 'rejected', reason: 'TOO_SHORT' },
      coarse_cell: { status: 'unverifiable', reason: 'ACCURACY_TOO_COARSE' },
      indoor_cell: { status: 'verified' },
      spoof: { status: 'verified', flag: 'CONSTANT_ACCURACY' },
      spoof_mock: { status: 'unverifiable', reason: 'MOCK_LOCATION', flag: 'MOCK_LOCATION' },
      spoof_stale_pin: { status: 'rejected', reason: 'OUT_OF_RANGE', flag: 'REPEATED_COORDINATES' },
      spoof_rush: { status: 'verified', flag: 'IMPOSSIBLE_SPEED' },
    };
    const planted = new Set<string>();
    for (const t of story.truth.filter((x) => x.visitId !== null)) {
      const v = verdictOf(t.visitId!);
      const e = expected[t.kind]!;
      planted.add(t.visitId!);
      expect(v.status, `${t.kind} ${t.visitId}`).toBe(e.status);
      if (e.reason) expect(v.reasons, `${t.kind} ${t.visitId}`).toContain(e.reason);
      if (e.flag) expect(v.flags, `${t.kind} ${t.visitId}`).toContain(e.flag);
    }
    // every genuine visit verifies, with no flag (no false alarm)
    const genuine = story.verification.verdicts.filter((v) => !planted.has(v.visitId));
    expect(genuine.length).toBeGreaterThan(100);
    expect(genuine.filter((v) => v.status !== 'verified' || v.flags.length > 0)).toEqual([]);
    // skipped stops show in the day summaries
    for (const t of story.truth.filter((x) => x.kind === 'skipped')) {
      const day = story.verification.summary.days.find((d) => d.managerId === t.managerId && d.date === t.date)!;
      expect(day.notVisitedRetailerIds).toContain(t.retailerId);
    }
  });

  it('draws an inspection sample that anyone can re-draw from its seed', () => {
    const { drawn, sample, pilotRetailers, history } = story;
    const again = drawSample([...pilotRetailers].reverse(), drawn.spec, { seed: drawn.seed, history });
    expect(again.retailerIds).toEqual(drawn.retailerIds);
    expect(again.fingerprint).toBe(drawn.fingerprint);
    expect(drawSample(pilotRetailers, drawn.spec, { seed: drawn.seed + 1, history }).retailerIds).not.toEqual(
      drawn.retailerIds,
    );
    // the supervisor's additions are recorded, and re-applied on a re-draw
    expect(sample.adjustments).toHaveLength(1);
    expect(sample.adjustments[0]!.add.length).toBeGreaterThan(0);
    expect(redrawSample(sample, pilotRetailers, { history }).retailerIds).toEqual(sample.retailerIds);
    expect(() => redrawSample(sample, pilotRetailers.slice(1), { history })).toThrow(/input changed/);
  });

  it('cross-checks the records and finds exactly the planted contradictions', () => {
    const cc = story.crossCheck;
    const fixOk = new Map(story.recordVerdicts.map((v) => [v.visitId, v.status === 'verified']));
    const kindOf = new Map(story.truth.filter((t) => t.visitId).map((t) => [t.visitId!, t.kind]));
    const denied = cc.contradictions.filter((c) => c.code === 'VERIFIED_VISIT_DENIED');
    // every faked visit that verified, at a retailer inspected (inspector's fix verified) who denies any visit
    const fakedDenied = story.records
      .filter((r) => r.managerVisitConfirmed === 'no' && fixOk.get(r.id))
      .flatMap((r) =>
        story.visits
          .filter((v) => v.retailerId === r.retailerId && ['spoof', 'spoof_rush'].includes(kindOf.get(v.id) ?? ''))
          .map((v) => ({ record: r.id, visit: v.id })),
      );
    expect(fakedDenied.length).toBeGreaterThan(0);
    for (const { record, visit } of fakedDenied) {
      expect(denied.find((c) => c.recordId === record)?.visitIds, `${record} ${visit}`).toContain(visit);
    }
    // genuine but unproven visits (too short, cell fixes) that the retailer confirms
    const unproven = cc.contradictions.filter((c) => c.code === 'CONFIRMED_VISIT_NOT_VERIFIED');
    expect(unproven.length).toBeGreaterThan(0);
    for (const c of unproven)
      for (const id of c.visitIds) expect(['too_short', 'coarse_cell']).toContain(kindOf.get(id));
    // the only other contradiction is the retailer planted to misremember
    const misremembers = story.truth.filter((t) => t.kind === 'inspection_misremembers').map((t) => t.recordId);
    for (const c of denied) {
      const faked = c.visitIds.some((id) => ['spoof', 'spoof_rush'].includes(kindOf.get(id) ?? ''));
      expect(faked || misremembers.includes(c.recordId), c.recordId).toBe(true);
    }
    expect(cc.contradictions.filter((c) => c.code === 'CONFIRMED_VISIT_ABSENT')).toEqual([]);
    // the inspector whose fix came from a cell tower indoors counts for nothing
    const cellFix = story.truth.find((t) => t.kind === 'inspection_cell_fix')!;
    expect(cc.records.find((r) => r.recordId === cellFix.recordId)?.outcome).toBe('inspection_unverified');
  });

  it('does not count the spoofed day as proven: under "proven visits only" the spoofer ranks last', () => {
    const spoofer = story.report.managers.find((m) => m.managerId === story.roles.spoof)!;
    expect(spoofer.flaggedVerified).toBeGreaterThan(0);
    const proven = story.report.whatIf.find((w) => w.label === 'proven visits only')!;
    expect(proven.ranking.at(-1)).toBe(story.roles.spoof);
  });

  it('writes a self-contained HTML report and the CSV tables', () => {
    expect(story.htmlPath).toBe(join(outDir, 'report.html'));
    expect(readFileSync(story.htmlPath, 'utf8')).toBe(story.html);
    expect(story.html).toMatch(/^<!DOCTYPE html>/i);
    expect(story.html).not.toMatch(/https?:\/\//i);
    expect(story.html).not.toMatch(/src="\/\//i);
    expect(story.html).not.toMatch(/<script|<link|<img|url\(/i);
    expect(story.html).toContain('<svg id="map"');
    for (const table of ['managers', 'scorecard', 'repartition'])
      expect(existsSync(join(outDir, `${table}.csv`)), table).toBe(true);
    expect(JSON.parse(readFileSync(join(outDir, 'truth.json'), 'utf8')).truth.length).toBe(story.truth.length);
  });

  it('writes the same report in Chinese beside the English one: report.zh-CN.html and zh-CN/*.csv', () => {
    const zh = readFileSync(join(outDir, 'report.zh-CN.html'), 'utf8');
    expect(zh.startsWith('<!DOCTYPE html>\n<html lang="zh-CN">')).toBe(true);
    for (const heading of ['需要关注', '绩效考核', '客户经理', '工作量均衡', '业态与区域', '定义'])
      expect(zh, heading).toContain(`<h2>${heading}</h2>`);
    const managers = readFileSync(join(outDir, 'zh-CN', 'managers.csv'), 'utf8');
    expect(managers.startsWith('\uFEFF客户经理编号,名称,区域,零售户数')).toBe(true);
    // the same cells as the English table, only the header row differs
    const en = readFileSync(join(outDir, 'managers.csv'), 'utf8');
    expect(managers.slice(managers.indexOf('\r\n'))).toBe(en.slice(en.indexOf('\r\n')));
  });
});
