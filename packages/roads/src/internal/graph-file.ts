import { BeatplanError, issueReason, type ReasonedMessage } from '@beatplan/core';
import Flatbush from 'flatbush';
import { ROAD_PROFILE_NAMES } from '../road-profiles.js';
import type { RoadGraphData } from './road-graph-data.js';

/**
 * The graph file format, version 3 (all little-endian; every array starts 8-byte aligned, so a load
 * is a few typed-array views on the bytes, with no parsing and no rebuilding):
 *
 * | bytes | field |
 * | --- | --- |
 * | 0–7 | magic `BPROADS1` |
 * | 8–11 | u32 format version (3) |
 * | 12–15 | u32 profile: 0 car, 1 motorcycle, 2 bicycle, 3 foot |
 * | 16–19 | u32 number of arrays (20) |
 * | 20–23 | u32 checksum (the `checksum` function of this file), computed with these four bytes read as 0 |
 * | 24–31 | f64 payload bytes |
 * | 32–71 | f64 query nodes, junctions, cos(lat0), lng0, lat0 (the snapping index's local frame) |
 * | 72– | payload: per array, u32 type (1 i32, 2 u32, 3 f64, 4 u8, 5 f32), u32 0, f64 length, then the data padded to 8 bytes |
 *
 * Arrays, in order: the hierarchy (up offsets, targets, keys; down likewise), chain geometry (lng and
 * lat in 1e-7°, chain starts, cumulative metres as f32), directed edges (ms, dm as u32, head, tail
 * starts, tails), junctions (chain ends, node starts, nodes), snapping (first point of each run of up
 * to 8 segments, the Flatbush index's own buffer with Float32 boxes in the local frame).
 *
 * Version 2 (f64 coordinates, one f64 box per segment) and older files are refused with a typed error
 * asking for a rebuild.
 */
export const GRAPH_FILE_VERSION = 3;
const MAGIC = 'BPROADS1';
const HEADER_BYTES = 72;

type Arr = Int32Array | Uint32Array | Float64Array | Uint8Array | Float32Array;
const FIELDS = [
  ['upOff', 1],
  ['upTgt', 1],
  ['upKey', 3],
  ['dnOff', 1],
  ['dnTgt', 1],
  ['dnKey', 3],
  ['lngE7', 1],
  ['latE7', 1],
  ['chainStart', 2],
  ['chainCumM', 5],
  ['edgeTimeMs', 2],
  ['edgeDistDm', 2],
  ['edgeHead', 1],
  ['tailStart', 2],
  ['tails', 1],
  ['chainEnds', 1],
  ['junctionNodeStart', 2],
  ['junctionNodes', 1],
  ['runPoint', 2],
  ['index', 4],
] as const;
type Field = (typeof FIELDS)[number][0];
const CTORS = { 1: Int32Array, 2: Uint32Array, 3: Float64Array, 4: Uint8Array, 5: Float32Array } as const;

const FNV_PRIME = 0x01000193;

/** FNV-1a steps of words [from, to) (a multiple of 4 apart) into the four lanes `s` (word i feeds lane i mod 4). */
function checksumLanes(w: Uint32Array, from: number, to: number, s: Int32Array): void {
  let a = s[0] as number;
  let b = s[1] as number;
  let c = s[2] as number;
  let d = s[3] as number;
  for (let i = from; i < to; i += 4) {
    a = Math.imul(a ^ (w[i] as number), FNV_PRIME);
    b = Math.imul(b ^ (w[i + 1] as number), FNV_PRIME);
    c = Math.imul(c ^ (w[i + 2] as number), FNV_PRIME);
    d = Math.imul(d ^ (w[i + 3] as number), FNV_PRIME);
  }
  s[0] = a;
  s[1] = b;
  s[2] = c;
  s[3] = d;
}

/** Words per call of `checksumLanes`: a small hot function is optimised after its first calls, a long loop only by on-stack replacement (about 2× the first load's checksum time). */
const CHECKSUM_CHUNK = 1 << 14;

/**
 * The file's checksum: FNV-1a over its 32-bit words in four interleaved lanes (word i feeds lane
 * i mod 4; the checksum word, index 5, is read as 0), the lanes then folded by FNV-1a. Each step is a
 * bijection of the lane for a fixed word, so any change of one word changes the checksum; four lanes
 * keep the multiplier pipeline busy (a few milliseconds per 100 MB).
 */
function checksum(w: Uint32Array): number {
  const s = new Int32Array([0x811c9dc5, 0x050c5d1f, 0x1b873593, 0x7feb352d]);
  const n = w.length;
  for (let i = 0; i < Math.min(8, n); i++) {
    const x = i === 5 ? 0 : (w[i] as number);
    s[i & 3] = Math.imul((s[i & 3] as number) ^ x, FNV_PRIME);
  }
  const whole = n < 8 ? 8 : 8 + ((n - 8) & ~3);
  for (let i = 8; i < whole; i += CHECKSUM_CHUNK) checksumLanes(w, i, Math.min(whole, i + CHECKSUM_CHUNK), s);
  for (let i = whole; i < n; i++) s[0] = Math.imul((s[0] as number) ^ (w[i] as number), FNV_PRIME);
  let h = Math.imul((s[0] as number) ^ (s[1] as number), FNV_PRIME);
  h = Math.imul(h ^ (s[2] as number), FNV_PRIME);
  h = Math.imul(h ^ (s[3] as number), FNV_PRIME);
  return h >>> 0;
}

/** The bytes of a Flatbush index (its buffer may be a whole graph file after a load). */
function indexBytes(index: Flatbush): Uint8Array {
  const idx = index._indices;
  return new Uint8Array(
    index.data as ArrayBuffer,
    index.byteOffset,
    idx.byteOffset + idx.byteLength - index.byteOffset,
  );
}

function arrayOf(g: RoadGraphData, f: Field): Arr {
  return f === 'index' ? indexBytes(g.index) : g[f];
}

/** Serialises a graph into one buffer (see the format above). */
export function writeGraphFile(g: RoadGraphData): Uint8Array {
  let payload = 0;
  for (const [f] of FIELDS) payload += 16 + Math.ceil(arrayOf(g, f).byteLength / 8) * 8;
  const buf = new ArrayBuffer(HEADER_BYTES + payload);
  const view = new DataView(buf);
  const bytes = new Uint8Array(buf);
  for (let i = 0; i < 8; i++) bytes[i] = MAGIC.charCodeAt(i);
  view.setUint32(8, GRAPH_FILE_VERSION, true);
  view.setUint32(12, ROAD_PROFILE_NAMES.indexOf(g.profile), true);
  view.setUint32(16, FIELDS.length, true);
  view.setFloat64(24, payload, true);
  view.setFloat64(32, g.nodeCount, true);
  view.setFloat64(40, g.junctionCount, true);
  view.setFloat64(48, g.cosLat0, true);
  view.setFloat64(56, g.lng0, true);
  view.setFloat64(64, g.lat0, true);
  let p = HEADER_BYTES;
  for (const [f, type] of FIELDS) {
    const a = arrayOf(g, f);
    view.setUint32(p, type, true);
    view.setFloat64(p + 8, a.length, true);
    p += 16;
    bytes.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), p);
    p += Math.ceil(a.byteLength / 8) * 8;
  }
  view.setUint32(20, checksum(new Uint32Array(buf, 0, buf.byteLength / 4)), true);
  return bytes;
}

function corrupt(reasoned: ReasonedMessage): BeatplanError {
  return new BeatplanError('INVALID_INPUT', [{ path: ['graphFile'], ...reasoned }]);
}

/** Reads a graph file; every structural fact the queries rely on is checked. */
export function readGraphFile(input: Uint8Array): RoadGraphData {
  if (input.byteLength < HEADER_BYTES) throw corrupt(issueReason('roads.file_short', { bytes: input.byteLength }));
  let magic = '';
  for (let i = 0; i < 8; i++) magic += String.fromCharCode(input[i] as number);
  if (magic.slice(0, 7) !== MAGIC.slice(0, 7)) throw corrupt(issueReason('roads.file_magic'));
  // Aligned copy, so typed views need no further copying.
  const buf = input.byteOffset % 8 === 0 ? input : input.slice();
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const version = view.getUint32(8, true);
  if (magic !== MAGIC || version !== GRAPH_FILE_VERSION) {
    throw corrupt(issueReason('roads.file_version', { version, reads: GRAPH_FILE_VERSION }));
  }
  const profile = ROAD_PROFILE_NAMES[view.getUint32(12, true)];
  const payload = view.getFloat64(24, true);
  if (
    !profile ||
    view.getUint32(16, true) !== FIELDS.length ||
    payload !== buf.byteLength - HEADER_BYTES ||
    payload % 8
  ) {
    throw corrupt(issueReason('roads.file_header'));
  }
  const words = new Uint32Array(buf.buffer, buf.byteOffset, buf.byteLength / 4);
  if (checksum(words) !== view.getUint32(20, true)) throw corrupt(issueReason('roads.file_checksum'));
  const arrays = new Map<Field, Arr>();
  let indexAt = 0;
  let p = HEADER_BYTES;
  for (const [f, type] of FIELDS) {
    if (p + 16 > buf.byteLength || view.getUint32(p, true) !== type)
      throw corrupt(issueReason('roads.file_array', { array: f }));
    const length = view.getFloat64(p + 8, true);
    const Ctor = CTORS[type];
    const bytes = length * Ctor.BYTES_PER_ELEMENT;
    p += 16;
    if (!Number.isSafeInteger(length) || length < 0 || p + bytes > buf.byteLength)
      throw corrupt(issueReason('roads.file_array', { array: f }));
    arrays.set(f, new Ctor(buf.buffer as ArrayBuffer, buf.byteOffset + p, length));
    if (f === 'index') indexAt = buf.byteOffset + p;
    p += Math.ceil(bytes / 8) * 8;
  }
  const get = <T extends Arr>(f: Field) => arrays.get(f) as T;
  const nodeCount = view.getFloat64(32, true);
  const g = {
    profile,
    nodeCount,
    junctionCount: view.getFloat64(40, true),
    cosLat0: view.getFloat64(48, true),
    lng0: view.getFloat64(56, true),
    lat0: view.getFloat64(64, true),
    upOff: get<Int32Array>('upOff'),
    upTgt: get<Int32Array>('upTgt'),
    upKey: get<Float64Array>('upKey'),
    dnOff: get<Int32Array>('dnOff'),
    dnTgt: get<Int32Array>('dnTgt'),
    dnKey: get<Float64Array>('dnKey'),
    lngE7: get<Int32Array>('lngE7'),
    latE7: get<Int32Array>('latE7'),
    chainStart: get<Uint32Array>('chainStart'),
    chainCumM: get<Float32Array>('chainCumM'),
    edgeTimeMs: get<Uint32Array>('edgeTimeMs'),
    edgeDistDm: get<Uint32Array>('edgeDistDm'),
    edgeHead: get<Int32Array>('edgeHead'),
    tailStart: get<Uint32Array>('tailStart'),
    tails: get<Int32Array>('tails'),
    chainEnds: get<Int32Array>('chainEnds'),
    junctionNodeStart: get<Uint32Array>('junctionNodeStart'),
    junctionNodes: get<Int32Array>('junctionNodes'),
    runPoint: get<Uint32Array>('runPoint'),
    index: openIndex(
      buf.buffer as ArrayBuffer,
      indexAt,
      get<Uint8Array>('index').length,
      get<Uint32Array>('runPoint').length,
    ),
  };
  checkStructure(g);
  return g;
}

/** The snapping index in place (no copy); its size and item count must match the file's. */
function openIndex(buffer: ArrayBuffer, at: number, bytes: number, runs: number): Flatbush {
  let index: Flatbush;
  try {
    index = Flatbush.from(buffer, at);
  } catch {
    throw corrupt(issueReason('roads.file_array', { array: 'index' }));
  }
  if (
    index.ArrayType !== Float32Array ||
    index.numItems !== Math.max(1, runs) ||
    indexBytes(index).byteLength !== bytes
  ) {
    throw corrupt(issueReason('roads.file_array', { array: 'index' }));
  }
  return index;
}

/** Whether every element of `a` lies in [lo, hi) (one branch-free min/max pass: the check of a load). */
function inRangeI32(a: Int32Array, hi: number, lo = 0): boolean {
  let min = 0;
  let max = -1;
  if (a.length > 0) min = max = a[0] as number;
  for (let i = 1; i < a.length; i++) {
    const x = a[i] as number;
    min = Math.min(min, x);
    max = Math.max(max, x);
  }
  return a.length === 0 || (min >= lo && max < hi);
}

function inRangeU32(a: Uint32Array, hi: number): boolean {
  let max = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as number;
    max = Math.max(max, x);
  }
  return max < hi;
}

/** Whether `off` is a CSR offset array of `count` lists holding `total` items: from 0, never decreasing, to total. */
function isOffsets(off: Int32Array | Uint32Array, count: number, total: number): boolean {
  if (off.length !== count + 1 || off[0] !== 0 || off[count] !== total) return false;
  return off instanceof Int32Array ? isSortedI32(off) : isSortedU32(off);
}

function isSortedI32(off: Int32Array): boolean {
  let bad = 0;
  for (let i = 1; i < off.length; i++) bad |= (off[i] as number) < (off[i - 1] as number) ? 1 : 0;
  return bad === 0;
}

function isSortedU32(off: Uint32Array): boolean {
  let bad = 0;
  for (let i = 1; i < off.length; i++) bad |= (off[i] as number) < (off[i - 1] as number) ? 1 : 0;
  return bad === 0;
}

function checkStructure(g: Omit<RoadGraphData, 'index'>): void {
  const n = g.nodeCount;
  const chains = g.chainStart.length - 1;
  const ok =
    Number.isSafeInteger(n) &&
    isOffsets(g.upOff, n, g.upTgt.length) &&
    isOffsets(g.dnOff, n, g.dnTgt.length) &&
    g.upKey.length === g.upTgt.length &&
    g.dnKey.length === g.dnTgt.length &&
    inRangeI32(g.upTgt, n) &&
    inRangeI32(g.dnTgt, n) &&
    chains >= 0 &&
    isOffsets(g.chainStart, chains, g.lngE7.length) &&
    g.latE7.length === g.lngE7.length &&
    g.chainCumM.length === g.lngE7.length &&
    g.edgeHead.length === 2 * chains &&
    g.edgeTimeMs.length === 2 * chains &&
    g.edgeDistDm.length === 2 * chains &&
    inRangeI32(g.edgeHead, n, -1) &&
    isOffsets(g.tailStart, 2 * chains, g.tails.length) &&
    inRangeI32(g.tails, n) &&
    g.chainEnds.length === 2 * chains &&
    inRangeI32(g.chainEnds, Math.max(0, g.junctionNodeStart.length - 1)) &&
    isOffsets(g.junctionNodeStart, g.junctionNodeStart.length - 1, g.junctionNodes.length) &&
    inRangeI32(g.junctionNodes, n) &&
    inRangeU32(g.runPoint, Math.max(0, g.lngE7.length - 1)) &&
    Number.isFinite(g.cosLat0) &&
    Number.isFinite(g.lng0) &&
    Number.isFinite(g.lat0);
  if (!ok) throw corrupt(issueReason('roads.file_inconsistent'));
}
