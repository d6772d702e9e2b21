import { readFileSync } from 'node:fs';
import { formatErrorMessage, isBeatplanError } from '@beatplan/core';
import {
  buildRoadGraph,
  GRAPH_FILE_VERSION,
  generateOsmExtract,
  loadRoadGraph,
  osmExtractToPbf,
  type RoadGraph,
  roadMatrix,
  saveRoadGraph,
} from '@beatplan/roads';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';

function message(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (isBeatplanError(e, 'INVALID_INPUT')) return e.message;
    throw e;
  }
  throw new Error('expected INVALID_INPUT');
}

describe('saveRoadGraph / loadRoadGraph', () => {
  let graph: RoadGraph;
  let file: Uint8Array;
  beforeAll(async () => {
    graph = await buildRoadGraph(await osmExtractToPbf(generateOsmExtract({ seed: 2, lines: 20, villages: 2 })), {
      profile: 'motorcycle',
    });
    file = saveRoadGraph(graph);
  });

  it('round-trips: the loaded graph answers exactly as the built one, also from an unaligned buffer', () => {
    const pts = [
      { lng: 120.158, lat: 30.268 },
      { lng: 120.163, lat: 30.273 },
      { lng: 120.151, lat: 30.279 },
    ];
    const loaded = loadRoadGraph(file, { profile: 'motorcycle' });
    expect([loaded.profile, loaded.nodes, loaded.edges, loaded.junctions]).toEqual([
      'motorcycle',
      graph.nodes,
      graph.edges,
      graph.junctions,
    ]);
    expect(loaded.buildStats).toBeUndefined();
    const a = roadMatrix(graph, pts);
    expect(roadMatrix(loaded, pts)).toEqual(a);
    const shifted = new Uint8Array(file.length + 3);
    shifted.set(file, 3);
    expect(roadMatrix(loadRoadGraph(shifted.subarray(3)), pts)).toEqual(a);
    expect(Buffer.compare(saveRoadGraph(loaded), file)).toBe(0);
  });

  it('refuses a foreign, truncated, other-version or other-profile file with a typed error', () => {
    expect(
      message(() =>
        loadRoadGraph(new TextEncoder().encode('<osm></osm> and some more bytes here .......................')),
      ),
    ).toMatch(/^graphFile: not a beatplan road graph file/);
    expect(message(() => loadRoadGraph(file.subarray(0, file.length - 8)))).toMatch(/truncated or corrupt/);
    const other = file.slice();
    new DataView(other.buffer).setUint32(8, GRAPH_FILE_VERSION + 1, true);
    expect(message(() => loadRoadGraph(other))).toMatch(/version 4; this beatplan reads version 3: rebuild/);
    expect(message(() => loadRoadGraph(file, { profile: 'car' }))).toBe(
      'graphFile.profile: the graph was built for motorcycle, not car, received "motorcycle"',
    );
  });

  it('refuses a real version 2 file (written by the previous format) with a typed error asking for a rebuild', () => {
    const v2 = readFileSync(new URL('../test/data/graph-v2.bpg', import.meta.url));
    expect(message(() => loadRoadGraph(v2))).toBe(
      'graphFile: graph file format version 2; this beatplan reads version 3: rebuild the graph',
    );
  });

  it('writes why a file is refused in Chinese with zh-CN (issue 13)', () => {
    const v2 = readFileSync(new URL('../test/data/graph-v2.bpg', import.meta.url));
    let error: unknown;
    try {
      loadRoadGraph(v2);
    } catch (e) {
      error = e;
    }
    expect(isBeatplanError(error, 'INVALID_INPUT') && formatErrorMessage(error, { locale: 'zh-CN' })).toContain(
      'graphFile：道路图文件格式版本为 2；本 beatplan 读取版本 3：请重新构建道路图',
    );
  });

  it('detects any flipped byte (checksum or structure), never crashes (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: file.length - 1 }), fc.integer({ min: 1, max: 255 }), (at, x) => {
        const bad = file.slice();
        bad[at] = (bad[at] as number) ^ x;
        expect(message(() => loadRoadGraph(bad))).toMatch(/^graphFile: /);
      }),
      { numRuns: 200 },
    );
    for (let at = 8; at < 56; at++) {
      const bad = file.slice();
      bad[at] = (bad[at] as number) ^ 1;
      expect(message(() => loadRoadGraph(bad))).toMatch(/^graphFile: /);
    }
  });
});
