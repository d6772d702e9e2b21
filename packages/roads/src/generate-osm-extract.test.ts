import { generateOsmExtract, osmExtractToPbf, osmExtractToXml } from '@beatplan/roads';
import { describe, expect, it } from 'vitest';

describe('generateOsmExtract', () => {
  it('is seeded: the same seed gives the same XML and PBF, another seed another city', async () => {
    const a = osmExtractToXml(generateOsmExtract({ seed: 4, lines: 20 })).join('');
    expect(osmExtractToXml(generateOsmExtract({ seed: 4, lines: 20 })).join('')).toBe(a);
    expect(osmExtractToXml(generateOsmExtract({ seed: 5, lines: 20 })).join('')).not.toBe(a);
    const p = await osmExtractToPbf(generateOsmExtract({ seed: 4, lines: 20 }));
    expect(Buffer.compare(p, await osmExtractToPbf(generateOsmExtract({ seed: 4, lines: 20 })))).toBe(0);
  });

  it('has the parts of a real city, with OSM structure (sorted unique ids, tags, restriction relations)', () => {
    const ex = generateOsmExtract({ seed: 1, lines: 40, villages: 3 });
    const tag = (k: string, v?: string) =>
      ex.ways.filter((w) => w.tags.some(([a, b]) => a === k && (v === undefined || b === v)));
    expect(tag('bridge', 'yes').length).toBeGreaterThanOrEqual(2);
    expect(tag('oneway', 'yes').length).toBeGreaterThan(0);
    expect(tag('oneway', '-1').length).toBeGreaterThan(0);
    expect(tag('name', 'Ring Road')).toHaveLength(1);
    expect(tag('highway', 'trunk_link').length).toBeGreaterThan(0);
    expect(tag('maxspeed', '20').length).toBeGreaterThan(0); // hill roads
    expect(tag('name').filter((w) => w.tags.some(([, v]) => v.startsWith('Village road')))).toHaveLength(3);
    expect(tag('building', 'yes').length).toBeGreaterThan(0);
    expect(tag('waterway', 'river')).toHaveLength(1);
    expect(ex.relations.length).toBeGreaterThan(0);
    expect(ex.relations.every((r) => r.members.map((m) => m.role).join() === 'from,via,to')).toBe(true);
    const ids = ex.nodes.map((n) => n.id);
    expect(ids.every((id, i) => i === 0 || id > (ids[i - 1] as number))).toBe(true);
    const known = new Set(ids);
    expect(ex.ways.every((w) => w.refs.every((r) => known.has(r)))).toBe(true);
  });
});
