import type { OsmExtract } from '@beatplan/roads';
import { osmExtractToXml } from '@beatplan/roads';

/**
 * A small hand-made town for semantic tests, on a 100 m lattice at (120.0, 30.0):
 *
 *   node ids: 1 + i + 10 * j for lattice (i, j), i, j in 0..4; ways given by their node lists.
 */
export const M_PER_DEG_LAT = 111_320;
const LNG0 = 120;
const LAT0 = 30;
const mPerDegLng = M_PER_DEG_LAT * Math.cos((LAT0 * Math.PI) / 180);

/** Coordinates of lattice point (i, j), plus an offset in metres. */
export function at(i: number, j: number, dxM = 0, dyM = 0): { lng: number; lat: number } {
  return { lng: LNG0 + (i * 100 + dxM) / mPerDegLng, lat: LAT0 + (j * 100 + dyM) / M_PER_DEG_LAT };
}

export const nid = (i: number, j: number) => 1 + i + 10 * j;

/** An extract with every lattice node and the given ways/relations. */
export function town(ways: OsmExtract['ways'], relations: OsmExtract['relations'] = []): OsmExtract {
  const nodes: OsmExtract['nodes'] = [];
  for (let j = 0; j < 5; j++) for (let i = 0; i < 5; i++) nodes.push({ id: nid(i, j), ...at(i, j) });
  return { nodes, ways, relations };
}

/** The extract as XML bytes. */
export function xmlBytes(ex: OsmExtract): Uint8Array {
  return new TextEncoder().encode(osmExtractToXml(ex).join(''));
}

/** Bytes of an XML text. */
export const bytes = (s: string) => new TextEncoder().encode(s);
