import { PbfWriter } from 'pbf';
import { writeBlob, writeBlobHeader, writeHeaderBlock, writePrimitiveBlock } from './generated/osm-pbf.js';
import type { OsmExtract } from './generate-osm-extract.js';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;').replace(/>/g, '&gt;');
const tagXml = (tags: [string, string][] | undefined) =>
  (tags ?? []).map(([k, v]) => `    <tag k="${esc(k)}" v="${esc(v)}"/>\n`).join('');

/**
 * Writes an extract as OpenStreetMap XML (API 0.6 layout: nodes, then ways, then relations), in
 * chunks of about a thousand elements so that a large city never becomes one giant string.
 *
 * @param ex - the extract (from {@link generateOsmExtract}).
 * @returns the document as string chunks; join them or write them to a stream in order.
 * @throws never.
 * @example
 * // not run: writes a file from the caller's data
 * writeFileSync('city.osm', osmExtractToXml(generateOsmExtract({ seed: 1 })).join(''));
 */
export function osmExtractToXml(ex: OsmExtract): string[] {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>\n<osm version="0.6" generator="beatplan">\n'];
  let buf = '';
  const add = (s: string) => {
    buf += s;
    if (buf.length > 1 << 16) {
      out.push(buf);
      buf = '';
    }
  };
  for (const n of ex.nodes) {
    const head = `  <node id="${n.id}" lat="${n.lat.toFixed(7)}" lon="${n.lng.toFixed(7)}" version="1"`;
    add(n.tags?.length ? `${head}>\n${tagXml(n.tags)}  </node>\n` : `${head}/>\n`);
  }
  for (const w of ex.ways) {
    add(
      `  <way id="${w.id}" version="1">\n${w.refs.map((r) => `    <nd ref="${r}"/>\n`).join('')}${tagXml(w.tags)}  </way>\n`,
    );
  }
  for (const r of ex.relations) {
    const members = r.members
      .map((m) => `    <member type="${m.type}" ref="${m.ref}" role="${esc(m.role)}"/>\n`)
      .join('');
    add(`  <relation id="${r.id}" version="1">\n${members}${tagXml(r.tags)}  </relation>\n`);
  }
  out.push(`${buf}</osm>\n`);
  return out;
}

/** Elements per PrimitiveBlock, as osmium writes them. */
const PER_BLOCK = 8000;

/** A string table for one block: index 0 is the empty string, as the format requires. */
class Strings {
  list: string[] = [''];
  map = new Map<string, number>([['', 0]]);
  id(s: string): number {
    let i = this.map.get(s);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(s);
      this.map.set(s, i);
    }
    return i;
  }
}

async function blob(type: string, data: Uint8Array): Promise<Uint8Array[]> {
  const { deflateSync } = await import('node:zlib');
  const b = new PbfWriter();
  writeBlob({ raw_size: data.length, zlib_data: deflateSync(data) }, b);
  const body = b.finish();
  const h = new PbfWriter();
  writeBlobHeader({ type, datasize: body.length }, h);
  const header = h.finish();
  const len = new Uint8Array(4);
  new DataView(len.buffer).setUint32(0, header.length);
  return [len, header, body];
}

/**
 * Writes an extract as an OpenStreetMap PBF file: an OSMHeader blob, then zlib-compressed
 * PrimitiveBlocks of at most 8,000 elements (dense nodes, ways, relations; granularity 100 nanodegrees),
 * encoded with the writer that the `pbf` compiler generated from the OSM schema. Node only (zlib).
 *
 * @param ex - the extract.
 * @returns the file's bytes.
 * @throws never.
 * @example
 * // not run: writes a file from the caller's data
 * writeFileSync('city.osm.pbf', await osmExtractToPbf(generateOsmExtract({ seed: 1 })));
 */
export async function osmExtractToPbf(ex: OsmExtract): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  const hw = new PbfWriter();
  writeHeaderBlock({ required_features: ['OsmSchema-V0.6', 'DenseNodes'], writingprogram: 'beatplan' }, hw);
  parts.push(...(await blob('OSMHeader', hw.finish())));
  const enc = new TextEncoder();
  const block = async (fill: (st: Strings) => object) => {
    const st = new Strings();
    const group = fill(st);
    const w = new PbfWriter();
    writePrimitiveBlock(
      { stringtable: { s: st.list.map((x) => enc.encode(x)) }, primitivegroup: [group], granularity: 100 },
      w,
    );
    parts.push(...(await blob('OSMData', w.finish())));
  };
  for (let b = 0; b < ex.nodes.length; b += PER_BLOCK) {
    await block((st) => {
      const id: number[] = [];
      const lat: number[] = [];
      const lon: number[] = [];
      const kv: number[] = [];
      let pid = 0;
      let plat = 0;
      let plon = 0;
      for (const n of ex.nodes.slice(b, b + PER_BLOCK)) {
        const la = Math.round(n.lat * 1e7);
        const lo = Math.round(n.lng * 1e7);
        id.push(n.id - pid);
        lat.push(la - plat);
        lon.push(lo - plon);
        [pid, plat, plon] = [n.id, la, lo];
        for (const [k, v] of n.tags ?? []) kv.push(st.id(k), st.id(v));
        kv.push(0);
      }
      return { dense: { id, lat, lon, keys_vals: kv } };
    });
  }
  for (let b = 0; b < ex.ways.length; b += PER_BLOCK) {
    await block((st) => ({
      ways: ex.ways.slice(b, b + PER_BLOCK).map((w) => ({
        id: w.id,
        keys: w.tags.map(([k]) => st.id(k)),
        vals: w.tags.map(([, v]) => st.id(v)),
        refs: w.refs.map((r, i) => r - (i ? (w.refs[i - 1] as number) : 0)),
      })),
    }));
  }
  for (let b = 0; b < ex.relations.length; b += PER_BLOCK) {
    await block((st) => ({
      relations: ex.relations.slice(b, b + PER_BLOCK).map((r) => ({
        id: r.id,
        keys: r.tags.map(([k]) => st.id(k)),
        vals: r.tags.map(([, v]) => st.id(v)),
        roles_sid: r.members.map((m) => st.id(m.role)),
        memids: r.members.map((m, i) => m.ref - (i ? (r.members[i - 1]?.ref as number) : 0)),
        types: r.members.map((m) => (m.type === 'node' ? 0 : 1)),
      })),
    }));
  }
  const total = parts.reduce((s, p) => s + p.length, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
