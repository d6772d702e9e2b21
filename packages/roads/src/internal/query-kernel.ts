import { BeatplanError, issueReason, wasmBlockedError } from '@beatplan/core';
import { ROAD_QUERIES_WASM_BASE64 } from '../generated/road-queries-wasm.js';
import type { Seeds } from './point-seeds.js';
import type { RoadGraphData } from './road-graph-data.js';

/** The exports of assembly/road-queries.ts. */
interface RoadQueryExports {
  memory: WebAssembly.Memory;
  heapBase(): number;
  workBytes(nodes: number, capacity: number): number;
  setGraph(...args: number[]): void;
  buildBuckets(targets: number, tgtOff: number, tgtNode: number, tgtKey: number, bucketPtr: number): number;
  scanSources(
    sFrom: number,
    sTo: number,
    srcOff: number,
    srcNode: number,
    srcKey: number,
    targets: number,
    out: number,
  ): void;
}

let compiled: WebAssembly.Module | undefined;

function decodeBase64(base64: string): Uint8Array<ArrayBuffer> {
  const text = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(text.length));
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/**
 * A new instance of the query kernel (the module compiled once). A page whose Content-Security-Policy
 * refuses WebAssembly gets `BeatplanError` `WASM_BLOCKED` (see core's `wasmBlockedError`); a later call
 * compiles again.
 */
function instantiateKernel(): RoadQueryExports {
  try {
    compiled ??= new WebAssembly.Module(decodeBase64(ROAD_QUERIES_WASM_BASE64));
    const instance = new WebAssembly.Instance(compiled, {
      env: {
        abort: () => {
          throw new BeatplanError('INTERNAL', [{ path: [], ...issueReason('roads.kernel_aborted') }]);
        },
      },
    });
    return instance.exports as unknown as RoadQueryExports;
  } catch (error) {
    throw wasmBlockedError(error);
  }
}

/** One instance per graph: the hierarchy copied into its memory once, then reused by every query. */
interface Kernel {
  ex: RoadQueryExports;
  /** First free byte after the graph and the work area. */
  queryBase: number;
}

const kernels = new WeakMap<RoadGraphData, Kernel>();
const align = (p: number, a: number) => Math.ceil(p / a) * a;

function ensure(ex: RoadQueryExports, bytes: number): void {
  const have = ex.memory.buffer.byteLength;
  if (bytes <= have) return;
  if (bytes > 4 * 2 ** 30)
    throw new BeatplanError('INVALID_INPUT', [{ path: [], ...issueReason('roads.memory_4gib') }]);
  ex.memory.grow(Math.ceil((bytes - have) / 65536));
}

function kernelFor(g: RoadGraphData): Kernel {
  const cached = kernels.get(g);
  if (cached) return cached;
  const ex = instantiateKernel();
  const n = g.nodeCount;
  const capacity = n + 1; // the heap holds each node at most once
  let p = align(ex.heapBase(), 16);
  const put = (arr: Int32Array | Float64Array) => {
    p = align(p, 8);
    const at = p;
    p += arr.byteLength;
    return at;
  };
  const ptrs = [g.upOff, g.upTgt, g.upKey, g.dnOff, g.dnTgt, g.dnKey].map(put);
  const work = align(p, 8);
  p = work + ex.workBytes(n, capacity);
  ensure(ex, p + 65536);
  const mem = ex.memory.buffer;
  [g.upOff, g.upTgt, g.upKey, g.dnOff, g.dnTgt, g.dnKey].forEach((arr, k) => {
    const at = ptrs[k] as number;
    if (arr instanceof Int32Array) new Int32Array(mem, at, arr.length).set(arr);
    else new Float64Array(mem, at, arr.length).set(arr);
  });
  ex.setGraph(n, ...ptrs, work, capacity);
  const kernel = { ex, queryBase: align(p, 16) };
  kernels.set(g, kernel);
  return kernel;
}

/** A matrix query in progress: buckets built for the targets; `rows` scans sources in chunks. */
export interface MatrixRun {
  /** Least keys from sources [from, to) to every target, row-major (a view: copy before the next call). */
  rows(from: number, to: number): Float64Array;
}

/**
 * Lays the seeds out in the kernel's memory, runs the targets' backward searches and returns a
 * handle that runs the sources' forward searches in chunks of rows.
 */
export function startMatrix(g: RoadGraphData, sources: Seeds[], targets: Seeds[], maxRows: number): MatrixRun {
  const { ex, queryBase } = kernelFor(g);
  const lay = (list: Seeds[], p: number) => {
    const seeds = list.reduce((s, x) => s + x.nodes.length, 0);
    const off = p;
    const node = off + 4 * (list.length + 1);
    const key = align(node + 4 * seeds, 8);
    return { off, node, key, end: key + 8 * seeds, list };
  };
  const src = lay(sources, queryBase);
  const tgt = lay(targets, src.end);
  const out = align(tgt.end, 8);
  const buckets = align(out + 8 * maxRows * targets.length, 16);
  ensure(ex, buckets + 65536);
  const mem = ex.memory.buffer;
  for (const part of [src, tgt]) {
    const off = new Int32Array(mem, part.off, part.list.length + 1);
    let k = 0;
    part.list.forEach((s, i) => {
      off[i] = k;
      new Int32Array(mem, part.node + 4 * k, s.nodes.length).set(s.nodes);
      new Float64Array(mem, part.key + 8 * k, s.keys.length).set(s.keys);
      k += s.nodes.length;
    });
    off[part.list.length] = k;
  }
  ex.buildBuckets(targets.length, tgt.off, tgt.node, tgt.key, buckets);
  return {
    rows(from, to) {
      ex.scanSources(from, to, src.off, src.node, src.key, targets.length, out);
      return new Float64Array(ex.memory.buffer, out, (to - from) * targets.length);
    },
  };
}
