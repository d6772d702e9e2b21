import { readFileSync } from 'node:fs';
import { formatErrorMessage, isBeatplanError } from '@beatplan/core';
import {
  buildRoadGraph,
  generateOsmExtract,
  osmExtractToPbf,
  osmExtractToXml,
  roadMatrix,
  saveRoadGraph,
} from '@beatplan/roads';
import { describe, expect, it } from 'vitest';
import { rejected } from '../../core/test/helpers.js';
import { bytes, nid, town, xmlBytes } from '../test/tiny-extract.js';

async function failure(p: Promise<unknown>): Promise<{ code: string; message: string; path: unknown }> {
  try {
    await p;
  } catch (e) {
    if (isBeatplanError(e)) return { code: e.code, message: e.message, path: e.path };
    throw e;
  }
  throw new Error('expected a BeatplanError');
}

const street = (id: number, refs: number[], tags: [string, string][] = [['highway', 'residential']]) => ({
  id,
  refs,
  tags,
});

describe('buildRoadGraph: reading extracts', () => {
  it('reads the real OSM fixture shipped by osmtogeojson (relation before its ways, ways before nodes)', async () => {
    const file = new URL('../test/data/osmtogeojson-relation-members.osm', import.meta.url);
    const g = await buildRoadGraph(readFileSync(file), { profile: 'car' });
    // 3 ways (residential + two service ways crossing at node 4295668178): the residential way's
    // 4 inner points collapse; the two service ways share their middle node, which is a junction.
    expect(g.buildStats).toMatchObject({ osmNodes: 12, osmWays: 3, routableWays: 3 });
    expect(g.junctions).toBe(7);
    expect(g.edges).toBe(2 * 5);
    const foot = await buildRoadGraph(file.pathname, { profile: 'foot' });
    expect(foot.profile).toBe('foot');
    expect(foot.edges).toBe(10);
  });

  it('gives the same graph from XML and from PBF of a generated city, and the same matrix', async () => {
    const city = generateOsmExtract({ seed: 5, lines: 24, villages: 2 });
    const fromXml = await buildRoadGraph(bytes(osmExtractToXml(city).join('')));
    const fromPbf = await buildRoadGraph(await osmExtractToPbf(city));
    expect([fromPbf.junctions, fromPbf.nodes, fromPbf.edges]).toEqual([
      fromXml.junctions,
      fromXml.nodes,
      fromXml.edges,
    ]);
    expect(fromXml.buildStats?.restrictionsApplied).toBeGreaterThan(0);
    const pts = city.nodes.filter((_, i) => i % 397 === 0).map(({ lng, lat }) => ({ lng, lat }));
    const a = roadMatrix(fromXml, pts);
    const b = roadMatrix(fromPbf, pts);
    for (let i = 0; i < a.durationsS.length; i++) {
      expect(Math.abs((a.durationsS[i] as number) - (b.durationsS[i] as number))).toBeLessThanOrEqual(0.002);
    }
  });

  it('is deterministic: the same extract gives the same graph file, byte for byte', async () => {
    const city = await osmExtractToPbf(generateOsmExtract({ seed: 9, lines: 16, villages: 1 }));
    const a = saveRoadGraph(await buildRoadGraph(city));
    const b = saveRoadGraph(await buildRoadGraph(city));
    expect(Buffer.compare(a, b)).toBe(0);
  });

  it('collapses plain way points and keeps one graph node per junction', async () => {
    // One street of 5 nodes crossed by another at its middle: junctions = 4 ends + 1 crossing.
    const ex = town([
      street(1, [nid(0, 2), nid(1, 2), nid(2, 2), nid(3, 2), nid(4, 2)]),
      street(2, [nid(2, 0), nid(2, 1), nid(2, 2), nid(2, 3), nid(2, 4)]),
    ]);
    const g = await buildRoadGraph(xmlBytes(ex));
    expect(g.junctions).toBe(5);
    expect(g.edges).toBe(8);
  });

  it('leaves out ways the profile may not use (access, classes, area) and reports it', async () => {
    const ex = town([
      street(1, [nid(0, 0), nid(1, 0)]),
      street(
        2,
        [nid(1, 0), nid(2, 0)],
        [
          ['highway', 'residential'],
          ['access', 'private'],
        ],
      ),
      street(3, [nid(2, 0), nid(3, 0)], [['highway', 'footway']]),
      street(
        4,
        [nid(3, 0), nid(4, 0)],
        [
          ['highway', 'footway'],
          ['bicycle', 'yes'],
        ],
      ),
      street(
        5,
        [nid(0, 1), nid(1, 1)],
        [
          ['highway', 'pedestrian'],
          ['area', 'yes'],
        ],
      ),
    ]);
    expect((await buildRoadGraph(xmlBytes(ex), { profile: 'car' })).buildStats?.routableWays).toBe(1);
    expect((await buildRoadGraph(xmlBytes(ex), { profile: 'bicycle' })).buildStats?.routableWays).toBe(2);
    expect((await buildRoadGraph(xmlBytes(ex), { profile: 'foot' })).buildStats?.routableWays).toBe(3);
  });
});

describe('buildRoadGraph: bad input is a typed error naming the element', () => {
  const ok = town([street(7, [nid(0, 0), nid(1, 0)])]);

  it('malformed and truncated XML, a foreign root, an element without its attributes', async () => {
    expect(await failure(buildRoadGraph(bytes('<osm><node id="1" lat="1" lon="2"></osm>')))).toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/^extract: malformed XML: .*\(line 1, column/),
    });
    const text = osmExtractToXml(ok).join('');
    expect((await failure(buildRoadGraph(bytes(text.slice(0, text.length - 40))))).message).toMatch(/malformed XML/);
    expect((await failure(buildRoadGraph(bytes('<gpx></gpx>')))).message).toMatch(/root must be <osm>/);
    expect((await failure(buildRoadGraph(bytes('<osm><node id="3" lat="x" lon="2"/></osm>')))).message).toMatch(
      /^node\[3\]\.lat: <node> needs a numeric lat/,
    );
  });

  it('a way that references a missing node, a self-loop segment, duplicate ids, absurd maxspeed', async () => {
    const missing = town([street(7, [nid(0, 0), 999])]);
    expect((await failure(buildRoadGraph(xmlBytes(missing)))).message).toBe(
      'way[7].nd[1]: the way references a node the extract does not contain, received 999',
    );
    const loop = town([street(8, [nid(0, 0), nid(1, 0), nid(1, 0)])]);
    expect((await failure(buildRoadGraph(xmlBytes(loop)))).message).toMatch(
      /^way\[8\]\.nd\[2\]: the way repeats the same node/,
    );
    const dupNode = { ...ok, nodes: [...ok.nodes, { id: nid(0, 0), lng: 120, lat: 30 }] };
    expect((await failure(buildRoadGraph(xmlBytes(dupNode)))).message).toMatch(/^node\[1\]: the node id appears twice/);
    const dupWay = town([street(7, [nid(0, 0), nid(1, 0)]), street(7, [nid(1, 0), nid(2, 0)])]);
    expect((await failure(buildRoadGraph(xmlBytes(dupWay)))).message).toMatch(/^way\[7\]: the way id appears twice/);
    const fast = town([
      street(
        9,
        [nid(0, 0), nid(1, 0)],
        [
          ['highway', 'primary'],
          ['maxspeed', '900'],
        ],
      ),
    ]);
    expect((await failure(buildRoadGraph(xmlBytes(fast)))).message).toBe(
      'way[9].maxspeed: maxspeed must be within [1, 300] km/h, received "900"',
    );
  });

  it('truncated or corrupt PBF, garbage bytes', async () => {
    const pbf = await osmExtractToPbf(ok);
    expect((await failure(buildRoadGraph(pbf.subarray(0, pbf.length - 7)))).message).toMatch(/truncated/);
    const bad = pbf.slice();
    for (let i = 40; i < bad.length; i += 3) bad[i] = (bad[i] as number) ^ 0x5a;
    expect(await failure(buildRoadGraph(bad))).toMatchObject({
      code: 'INVALID_INPUT',
      path: ['extract', 'blob', expect.any(Number)],
    });
    expect((await failure(buildRoadGraph(new Uint8Array([0, 0, 0, 9, 1, 2, 3]), { format: 'pbf' }))).code).toBe(
      'INVALID_INPUT',
    );
  });

  it('names a data blob before the header in English and in Chinese (its own finding, keyed; issue 13)', async () => {
    const pbf = await osmExtractToPbf(ok);
    // The first blob (OSMHeader): a 4-byte header length, a BlobHeader whose field 3 (varint) is the blob's size.
    const headerLength = new DataView(pbf.buffer, pbf.byteOffset).getUint32(0);
    let k = 4;
    let datasize = 0;
    while (k < 4 + headerLength) {
      const tag = pbf[k++] as number;
      let v = 0;
      for (let shift = 0; ; shift += 7) {
        const byte = pbf[k++] as number;
        v += (byte & 0x7f) * 2 ** shift;
        if (byte < 0x80) break;
      }
      if (tag === 0x18) datasize = v;
      else if ((tag & 7) === 2) k += v;
    }
    const e = await rejected(buildRoadGraph(pbf.subarray(4 + headerLength + datasize), { format: 'pbf' }));
    expect(e.message).toBe('extract.blob[0]: malformed OSMData: OSMData before the OSMHeader blob (byte 0)');
    expect(formatErrorMessage(e, { locale: 'zh-CN' })).toBe(
      'extract.blob[0]：OSMData 格式错误：OSMData 出现在 OSMHeader blob 之前（第 0 字节）',
    );
  });

  it('limits checked while streaming, an extract without roads, bad options, an aborted build', async () => {
    expect((await failure(buildRoadGraph(xmlBytes(ok), { maxNodes: 10 }))).message).toMatch(
      /more than 10 nodes \(option maxNodes\)/,
    );
    expect((await failure(buildRoadGraph(xmlBytes(ok), { maxBytes: 100 }))).message).toMatch(/more than 100 bytes/);
    const none = town([street(1, [nid(0, 0), nid(1, 0)], [['highway', 'footway']])]);
    expect((await failure(buildRoadGraph(xmlBytes(none)))).message).toMatch(/no road the car profile may use/);
    expect((await failure(buildRoadGraph(xmlBytes(ok), { speedsKmh: { footway: 5 } }))).message).toMatch(
      /^options\.speedsKmh\.footway: the car profile does not use highway=footway/,
    );
    const ac = new AbortController();
    ac.abort();
    expect((await failure(buildRoadGraph(xmlBytes(ok), { signal: ac.signal }))).code).toBe('ABORTED');
  });
});
