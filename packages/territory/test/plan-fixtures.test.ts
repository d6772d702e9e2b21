import { readFileSync, writeFileSync } from 'node:fs';
import { importRetailersCsv } from '@beatplan/core';
import { describe, expect, it } from 'vitest';
import { partitionTerritories, planWeeklyBeats } from '../src/index.js';

// Fixture test: test/in/<name>.csv + <name>-managers.json → test/out/<name>.json (partition and one
// week of beats, figures rounded). Regenerate with REGEN=1 after an intended change of the algorithm.
const here = (p: string) => new URL(p, import.meta.url);

describe('plan fixtures', () => {
  it('small-city: CSV import → partition → beats', async () => {
    const { retailers } = importRetailersCsv(readFileSync(here('./in/small-city.csv'), 'utf8'));
    const managers = JSON.parse(readFileSync(here('./in/small-city-managers.json'), 'utf8')) as unknown[];
    const part = partitionTerritories(retailers, managers);
    const byId = new Map(retailers.map((r) => [r.id, r]));
    const beats = [];
    for (const [j, m] of managers.entries()) {
      const own = part.territories[j]!.retailerIds.map((id) => byId.get(id)!);
      beats.push(await planWeeklyBeats(m, own, { startDate: '2025-03-03', weeks: 1, seed: 1 }));
    }
    const actual = {
      balanced: part.balanced,
      territories: part.stats.map((s) => ({
        managerId: s.managerId,
        retailers: s.retailers,
        workloadMinutes: Math.round(s.workloadMinutes),
        compactness: Math.round(s.compactness * 1000) / 1000,
        pieces: s.pieces,
      })),
      beats: beats.map((b) => ({
        managerId: b.managerId,
        visits: b.totals.visits,
        dropped: b.dropped.length,
        days: b.days.map((d) => `${d.weekday}:${d.stops}`),
      })),
      firstDay: beats[0]!.plans[0]!.stops.map((s) => s.retailerId),
    };
    const out = here('./out/small-city.json');
    if (process.env.REGEN) writeFileSync(out, `${JSON.stringify(actual, null, 2)}\n`);
    expect(actual).toEqual(JSON.parse(readFileSync(out, 'utf8')));
  });
});
