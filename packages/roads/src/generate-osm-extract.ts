import { parseOrThrow, seededRandom } from '@beatplan/core';
import * as z from 'zod';

/** An OSM element as the generator makes it and the writers serialise it. */
export interface OsmExtract {
  nodes: { id: number; lng: number; lat: number; tags?: [string, string][] }[];
  ways: { id: number; refs: number[]; tags: [string, string][] }[];
  relations: { id: number; members: { type: 'node' | 'way'; ref: number; role: string }[]; tags: [string, string][] }[];
}

/** Options of {@link generateOsmExtract}; the schema is the only source of the defaults. */
export const GenerateOsmExtractOptionsSchema = z.strictObject({
  /** Seed: the same seed and options give the same extract, byte for byte. Default 1. */
  seed: z.number().int().default(1),
  /** Street lines each way of the city's lattice (the city has about lines² junctions). Default 40. */
  lines: z.number().int().min(12).max(2000).default(40),
  /** Villages outside the ring road. Default 6. */
  villages: z.number().int().min(0).max(200).default(6),
  /** City centre `[lng, lat]`, WGS84. Default Hangzhou `[120.16, 30.27]`. */
  center: z.tuple([z.number().min(-179).max(179), z.number().min(-80).max(80)]).default([120.16, 30.27]),
});

/** Options of {@link generateOsmExtract}: `seed`, `lines`, `villages`, `center`. */
export type GenerateOsmExtractOptions = z.input<typeof GenerateOsmExtractOptionsSchema>;

const M_PER_DEG_LAT = 111_320;

/**
 * Generates a realistic synthetic OpenStreetMap extract of a city, seeded: a street lattice that is
 * densest in the old town (blocks of ~70 m) and opens up outwards (~200 m); arterials every fifth
 * line (secondary) and tenth line (primary, with `maxspeed`); one-way pairs (lines 3 and 4 of every
 * ten, opposite directions); a river across the city crossed only by a few bridges (`bridge=yes`,
 * `layer=1`); a hill quarter of winding, slow roads (`maxspeed=20`); parks without streets; a ring
 * road (`trunk`, `maxspeed=80`) joined by `trunk_link`s; villages of a few lanes linked by winding
 * rural roads; `no_left_turn` and `only_straight_on` restriction relations at primary crossings;
 * plain way points between junctions; shops and buildings that routing must ignore. Ids increase
 * with gaps, ways are split at primary crossings, as real OSM data is.
 *
 * @param options - `seed` (default 1), `lines` (default 40), `villages` (default 6), `center`.
 * @returns the extract as plain data; write it with {@link osmExtractToXml} or {@link osmExtractToPbf}.
 * @throws {BeatplanError} `INVALID_INPUT` for bad options.
 * @example
 * const city = generateOsmExtract({ seed: 7, lines: 60 });
 * const graph = await buildRoadGraph(new TextEncoder().encode(osmExtractToXml(city).join('')));
 */
export function generateOsmExtract(options: GenerateOsmExtractOptions = {}): OsmExtract {
  const o = parseOrThrow(GenerateOsmExtractOptionsSchema, options, ['options']);
  const rnd = seededRandom(o.seed);
  const [lng0, lat0] = o.center;
  const mPerDegLng = M_PER_DEG_LAT * Math.cos((lat0 * Math.PI) / 180);
  const L = o.lines;
  const half = (L - 1) / 2;
  // Lattice position → metres: spacing ~70 m at the centre growing to ~200 m at the edge.
  const warp = (i: number) => {
    const u = (i - half) / half;
    return Math.sign(u) * (70 * half * Math.abs(u) + 65 * half * u * u);
  };
  const extentM = warp(L - 1);
  let nextNode = 1_000_000_000;
  let nextWay = 40_000_000;
  let nextRel = 5_000_000;
  const gapId = (id: number) => id + 1 + Math.floor(rnd() * 3);
  const ex: OsmExtract = { nodes: [], ways: [], relations: [] };
  const node = (xm: number, ym: number, tags?: [string, string][]) => {
    nextNode = gapId(nextNode);
    const n = { id: nextNode, lng: lng0 + xm / mPerDegLng, lat: lat0 + ym / M_PER_DEG_LAT, ...(tags ? { tags } : {}) };
    ex.nodes.push(n);
    return n.id;
  };
  const way = (refs: number[], tags: [string, string][]) => {
    nextWay = gapId(nextWay);
    ex.ways.push({ id: nextWay, refs, tags });
    return nextWay;
  };
  const riverY = (xm: number) => extentM * 0.12 + extentM * 0.1 * Math.sin(xm / (extentM * 0.35));
  const hill = (i: number, j: number) => i > L * 0.68 && j > L * 0.68;
  const parks: [number, number, number, number][] = [];
  for (let p = 0; p < Math.max(1, Math.floor(L / 15)); p++) {
    const i = 2 + Math.floor(rnd() * (L - 6));
    const j = 2 + Math.floor(rnd() * (L - 6));
    parks.push([i, j, i + 1 + Math.floor(rnd() * 2), j + 1 + Math.floor(rnd() * 2)]);
  }
  const inPark = (i: number, j: number) => parks.some(([a, b, c, d]) => i > a && i < c && j > b && j < d);
  const grid: number[][] = [];
  const pos: [number, number][][] = [];
  for (let i = 0; i < L; i++) {
    grid.push([]);
    pos.push([]);
    for (let j = 0; j < L; j++) {
      const jitter = () => (rnd() - 0.5) * 8;
      const xy: [number, number] = [warp(i) + jitter(), warp(j) + jitter()];
      pos[i]?.push(xy);
      grid[i]?.push(inPark(i, j) ? 0 : node(xy[0], xy[1]));
    }
  }
  const bridgeCols = new Set<number>();
  for (let b = 0; b < Math.max(2, Math.round(L / 12)); b++)
    bridgeCols.add(Math.round(((b + 0.5) * L) / Math.max(2, Math.round(L / 12))));
  const lineClass = (k: number): [string, string][] => {
    if (k % 10 === 0)
      return [
        ['highway', 'primary'],
        ['maxspeed', '50'],
        ['lanes', '4'],
      ];
    if (k % 5 === 0)
      return [
        ['highway', 'secondary'],
        ['lanes', '2'],
      ];
    if (k % 10 === 3)
      return [
        ['highway', 'tertiary'],
        ['oneway', 'yes'],
      ];
    if (k % 10 === 4)
      return [
        ['highway', 'tertiary'],
        ['oneway', '-1'],
      ];
    return [['highway', Math.abs(k - half) < L / 8 && rnd() < 0.2 ? 'living_street' : 'residential']];
  };
  // Streets: each lattice line, one way per run of equally tagged blocks, split at primary crossings.
  const hillTags: [string, string][] = [
    ['highway', 'unclassified'],
    ['maxspeed', '20'],
    ['surface', 'asphalt'],
  ];
  const waysAt = new Map<string, { id: number; refs: number[] }>(); // "h|v:line:start" → way
  for (const dir of ['h', 'v'] as const) {
    for (let k = 0; k < L; k++) {
      const at = (t: number): [number, number] => (dir === 'h' ? [t, k] : [k, t]);
      const base = lineClass(k);
      const bridgeTags: [string, string][] = [...base, ['bridge', 'yes'], ['layer', '1']];
      let refs: number[] = [];
      let cur: [string, string][] | null = null;
      let start = 0;
      const flush = () => {
        if (refs.length >= 2 && cur) waysAt.set(`${dir}:${k}:${start}`, { id: way(refs, cur), refs });
        refs = [];
        cur = null;
      };
      for (let t = 1; t < L; t++) {
        const [pi, pj] = at(t - 1);
        const [i, j] = at(t);
        const ida = grid[pi]?.[pj] ?? 0;
        const idb = grid[i]?.[j] ?? 0;
        const a = pos[pi]?.[pj] as [number, number];
        const b = pos[i]?.[j] as [number, number];
        const crosses = (a[1] - riverY(a[0])) * (b[1] - riverY(b[0])) < 0;
        const isBridge = crosses && dir === 'v' && bridgeCols.has(k);
        if (!ida || !idb || (crosses && !isBridge)) {
          flush();
          continue;
        }
        const slow = hill(i, j) && hill(pi, pj) && k % 5 !== 0;
        const tags = isBridge ? bridgeTags : slow ? hillTags : base;
        if (cur !== tags || (t - 1) % 10 === 0) flush();
        if (!refs.length) {
          refs.push(ida);
          cur = tags;
          start = t - 1;
        }
        const mids = slow ? 4 : 1 + Math.floor(rnd() * 2);
        for (let m = 1; m <= mids; m++) {
          const f = m / (mids + 1);
          const wiggle = slow ? (m % 2 ? 18 : -18) : (rnd() - 0.5) * 6;
          const x = a[0] + f * (b[0] - a[0]) + (dir === 'h' ? 0 : wiggle);
          const y = a[1] + f * (b[1] - a[1]) + (dir === 'h' ? wiggle : 0);
          refs.push(node(x, y));
        }
        refs.push(idb);
      }
      flush();
    }
  }
  // Turn restrictions at primary crossings: no left turn from the west arm to the north arm, and
  // only straight on from the south arm.
  for (let i = 10; i < L - 10; i += 10) {
    for (let j = 10; j < L - 10; j += 10) {
      const via = grid[i]?.[j];
      const west = waysAt.get(`h:${j}:${i - 10}`);
      const north = waysAt.get(`v:${i}:${j}`);
      const south = waysAt.get(`v:${i}:${j - 10}`);
      if (!via || !west || !north || !south) continue;
      if (west.refs.at(-1) !== via || north.refs[0] !== via || south.refs.at(-1) !== via) continue;
      const restriction = (from: { id: number }, to: { id: number }, kind: string) => {
        nextRel = gapId(nextRel);
        ex.relations.push({
          id: nextRel,
          members: [
            { type: 'way', ref: from.id, role: 'from' },
            { type: 'node', ref: via, role: 'via' },
            { type: 'way', ref: to.id, role: 'to' },
          ],
          tags: [
            ['type', 'restriction'],
            ['restriction', kind],
          ],
        });
      };
      restriction(west, north, 'no_left_turn');
      restriction(south, north, 'only_straight_on');
    }
  }
  // Ring road outside the lattice, joined by links from the ends of the primary lines.
  const ringR = extentM * 1.25;
  const ringN = 96;
  const ring: number[] = [];
  for (let r = 0; r < ringN; r++) {
    const a = (2 * Math.PI * r) / ringN;
    ring.push(node(ringR * Math.cos(a), ringR * Math.sin(a)));
  }
  ring.push(ring[0] as number);
  way(ring, [
    ['highway', 'trunk'],
    ['maxspeed', '80'],
    ['oneway', 'no'],
    ['name', 'Ring Road'],
  ]);
  const ringNear = (x: number, y: number) => {
    const a = Math.atan2(y, x);
    return ring[Math.round((((a + 2 * Math.PI) % (2 * Math.PI)) / (2 * Math.PI)) * ringN) % ringN] as number;
  };
  for (let k = 0; k < L; k += 10) {
    for (const [i, j] of [
      [k, 0],
      [k, L - 1],
      [0, k],
      [L - 1, k],
    ] as const) {
      const id = grid[i]?.[j];
      const p = pos[i]?.[j];
      if (!id || !p) continue;
      const mid = node(p[0] * 1.12, p[1] * 1.12);
      way(
        [id, mid, ringNear(p[0], p[1])],
        [
          ['highway', 'trunk_link'],
          ['maxspeed', '60'],
        ],
      );
    }
  }
  // Villages: a little lattice each, linked to the ring by a winding rural road.
  for (let v = 0; v < o.villages; v++) {
    const a = (2 * Math.PI * (v + rnd() * 0.5)) / Math.max(1, o.villages);
    const d = ringR * (1.5 + rnd() * 0.8);
    const cx = d * Math.cos(a);
    const cy = d * Math.sin(a);
    const vg: number[][] = [];
    for (let i = 0; i < 3; i++) vg.push([0, 1, 2].map((j) => node(cx + (i - 1) * 120, cy + (j - 1) * 120)));
    for (let i = 0; i < 3; i++) {
      way(vg[i] as number[], [['highway', 'residential']]);
      way(
        [0, 1, 2].map((j) => vg[j]?.[i] as number),
        [
          ['highway', 'residential'],
          ['surface', 'unpaved'],
        ],
      );
    }
    const target = ringNear(cx, cy);
    const rural: number[] = [vg[1]?.[1] as number];
    const steps = 12;
    const ra = (2 * Math.PI * Math.round((((a + 2 * Math.PI) % (2 * Math.PI)) / (2 * Math.PI)) * ringN)) / ringN;
    for (let s = 1; s < steps; s++) {
      const f = s / steps;
      const x = cx + f * (ringR * Math.cos(ra) - cx) + Math.sin(f * 9) * 60;
      const y = cy + f * (ringR * Math.sin(ra) - cy) + Math.cos(f * 7) * 60;
      rural.push(node(x, y));
    }
    rural.push(target);
    way(rural, [
      ['highway', 'unclassified'],
      ['maxspeed', '40'],
      ['name', `Village road ${v + 1}`],
    ]);
  }
  // What routing must ignore: shops (tagged nodes) and buildings (closed ways), a river line.
  for (let s = 0; s < L * 2; s++) node((rnd() - 0.5) * extentM, (rnd() - 0.5) * extentM, [['shop', 'convenience']]);
  for (let b = 0; b < L; b++) {
    const x = (rnd() - 0.5) * extentM;
    const y = (rnd() - 0.5) * extentM;
    const c = [node(x, y), node(x + 20, y), node(x + 20, y + 15), node(x, y + 15)];
    way([...c, c[0] as number], [['building', 'yes']]);
  }
  const riverRefs: number[] = [];
  for (let s = 0; s <= 40; s++) {
    const x = -extentM * 1.1 + (s / 40) * extentM * 2.2;
    riverRefs.push(node(x, riverY(x)));
  }
  way(riverRefs, [
    ['waterway', 'river'],
    ['name', 'River'],
  ]);
  ex.nodes.sort((p, q) => p.id - q.id);
  return ex;
}
