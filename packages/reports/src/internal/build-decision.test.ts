import { readFileSync } from 'node:fs';
import { buildReport, renderReportHtml, reportToCsv } from '@beatplan/reports';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hexGrid } from './hex-grid.js';

const city = JSON.parse(readFileSync(new URL('../../test/in/small-city.json', import.meta.url), 'utf8')) as Record<
  string,
  any
>;

describe('hexGrid', () => {
  it('puts every point in the cell whose centre is nearest (property)', () => {
    const grid = hexGrid(120.15, 30.27, 1000);
    fc.assert(
      fc.property(
        fc.double({ min: 120, max: 120.3, noNaN: true }),
        fc.double({ min: 30.1, max: 30.4, noNaN: true }),
        (lng, lat) => {
          const [q, r] = grid.cellOf(lng, lat);
          const [x, y] = grid.toXY(lng, lat);
          const dist = (qq: number, rr: number) => {
            const [cx, cy] = grid.toXY(...grid.centre(qq, rr));
            return Math.hypot(x - cx, y - cy);
          };
          // no neighbour is nearer, and the point lies within the circumradius (1000 / √3 m)
          for (const [dq, dr] of [
            [1, 0],
            [-1, 0],
            [0, 1],
            [0, -1],
            [1, -1],
            [-1, 1],
          ] as const)
            expect(dist(q, r)).toBeLessThanOrEqual(dist(q + dq, r + dr) + 1e-6);
          expect(dist(q, r)).toBeLessThanOrEqual(1000 / Math.sqrt(3) + 1e-6);
        },
      ),
      { seed: 7, numRuns: 200 },
    );
    expect(grid.areaKm2).toBeCloseTo((Math.sqrt(3) / 2) * 1, 9); // a hex of width 1 km: √3/2 km²
  });
});

describe('the decision analysis', () => {
  const report = buildReport(city);
  const d = report.decision;

  it('counts every retailer once, in one segment and class and in one cell', () => {
    expect(d.effort.reduce((a, g) => a + g.retailers, 0)).toBe(city.retailers.length);
    expect(d.cells.reduce((a, c) => a + c.retailers, 0)).toBe(city.retailers.length);
    expect(d.effort.reduce((a, g) => a + (g.effortShare ?? 0), 0)).toBeCloseTo(1, 3);
    expect(d.effort.reduce((a, g) => a + (g.volumeShare ?? 0), 0)).toBeCloseTo(1, 3);
    for (const g of d.effort)
      expect(g.verdict).toBe(
        g.effortToVolume === null
          ? null
          : g.effortToVolume >= 1.5
            ? 'more_time'
            : g.effortToVolume <= 1 / 1.5
              ? 'less_time'
              : 'balanced',
      );
  });

  it('lists as coverage gaps exactly the retailers farther than farKm (twice the median) from every base', () => {
    expect(d.farKm).toBeCloseTo(2 * (d.medianBaseKm ?? 0), 3);
    const tight = buildReport({ ...city, decision: { farKm: 0.5 } }).decision;
    expect(tight.farKm).toBe(0.5);
    expect(tight.farRetailers.every((r) => r.km > 0.5)).toBe(true);
    expect(tight.farRetailers.length).toBe(tight.cells.reduce((a, c) => a + c.farRetailers, 0));
    expect(tight.farRetailers.map((r) => r.km)).toEqual([...tight.farRetailers.map((r) => r.km)].sort((a, b) => b - a));
  });

  it('ranks the cells: rank 1 adds least for a new retailer and saves most for a new base', () => {
    const best = d.cells.filter((c) => c.newRetailerRank === 1);
    expect(best.length).toBeGreaterThan(0);
    for (const c of d.cells)
      expect(c.newRetailerMinutesPer4Weeks).toBeGreaterThanOrEqual(best[0]!.newRetailerMinutesPer4Weeks);
    const top = d.cells.find((c) => c.newBaseRank === 1)!;
    for (const c of d.cells) expect(c.newBaseKmSavedPer4Weeks).toBeLessThanOrEqual(top.newBaseKmSavedPer4Weeks);
    // a denser cell never costs more for a new retailer
    for (const a of d.cells)
      for (const b of d.cells)
        if (a.retailers > b.retailers)
          expect(a.newRetailerMinutesPer4Weeks).toBeLessThanOrEqual(b.newRetailerMinutesPer4Weeks);
  });

  it('saves nothing with a new base where a base already stands, and something far from every base', () => {
    const one: Record<string, any> = {
      ...city,
      managers: [city.managers[0]],
      retailers: city.retailers.map((r: any) => ({ ...r, managerId: city.managers[0].id })),
      territories: [],
      plans: [],
      visits: [],
      verdicts: [],
      inspections: [],
      contradictions: [],
      repartition: undefined,
    };
    const dec = buildReport(one).decision;
    const baseCell = dec.cells.reduce((a, c) => ((a.baseKm ?? 0) < (c.baseKm ?? 0) ? a : c));
    const farthest = dec.cells.reduce((a, c) => ((a.baseKm ?? 0) > (c.baseKm ?? 0) ? a : c));
    expect(farthest.newBaseKmSavedPer4Weeks).toBeGreaterThan(baseCell.newBaseKmSavedPer4Weeks);
  });

  it('shows effort, gaps and the hex siting map in the HTML (en and zh-CN), and writes the CSV tables', () => {
    const html = renderReportHtml(report);
    expect(html).toContain('<section id="decision"><h2>Decision analysis</h2>');
    expect(html).toContain('<svg id="chart-effort"');
    expect((html.match(/<polygon class="hex"/g) ?? []).length).toBe(d.cells.length);
    expect(html).toContain('<table class="new-retailer-table"');
    expect(html).toContain('<table class="new-base-table"');
    expect(renderReportHtml(report, { locale: 'zh-CN' })).toContain('<h2>决策分析</h2>');
    const csv = reportToCsv(report);
    expect(csv['decision-cells']!.split('\r\n')).toHaveLength(d.cells.length + 2);
    expect(csv['decision-effort']!.split('\r\n')[0]).toBe(
      'segment,class,retailers,requiredMinutesPer4Weeks,effortShare,verifiedMinutes,orderCount,orderVolume,volumeShare,effortToVolume,verdict',
    );
    expect(csv['decision-gaps']).toMatch(/^retailerId,name,managerId,nearestManagerId,km\r\n/);
  });
});
