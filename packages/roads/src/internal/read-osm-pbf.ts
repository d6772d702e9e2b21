import { BeatplanError, issueReason, throwIfAborted, type ReasonedMessage } from '@beatplan/core';
import { PbfReader } from 'pbf';
import {
  type PrimitiveBlock,
  readBlob,
  readBlobHeader,
  readHeaderBlock,
  readPrimitiveBlock,
} from '../generated/osm-pbf.js';
import type { OsmCollector, OsmMember } from './osm-collector.js';

/** The PBF format's own limits: a BlobHeader ≤ 64 KiB, a Blob ≤ 32 MiB. */
const MAX_HEADER_BYTES = 64 * 1024;
const MAX_BLOB_BYTES = 32 * 1024 * 1024;
/** Features beatplan reads; a file that requires another one is refused. */
const KNOWN_FEATURES = new Set(['OsmSchema-V0.6', 'DenseNodes']);
const MEMBER_TYPES = ['node', 'way', 'relation'] as const;

/** A problem the reader itself finds in a blob: its keyed reason, given the byte offset of the blob. */
class BlobProblem extends Error {
  constructor(readonly reasonAt: (offset: number) => ReasonedMessage) {
    super(reasonAt(0).message);
  }
}

function bad(blob: number, why: ReasonedMessage, cause?: unknown): BeatplanError {
  return new BeatplanError(
    'INVALID_INPUT',
    [{ path: ['extract', 'blob', blob], ...why }],
    cause === undefined ? {} : { cause },
  );
}

/** Inflates with node:zlib (loaded on first use, so the package still loads in a browser). */
async function inflateAsync(data: Uint8Array, size: number): Promise<Uint8Array> {
  const { inflate } = await import('node:zlib');
  return new Promise((resolve, reject) =>
    inflate(data, { maxOutputLength: Math.max(size, 1) }, (err, out) => (err ? reject(err) : resolve(out))),
  );
}

/** Growing byte queue over the incoming chunks. */
class ByteQueue {
  private buf = new Uint8Array(1 << 16);
  private start = 0;
  private end = 0;
  offset = 0; // file offset of `start`
  get size(): number {
    return this.end - this.start;
  }
  push(chunk: Uint8Array): void {
    if (this.end + chunk.length > this.buf.length) {
      const size = this.size;
      if (size + chunk.length <= this.buf.length) this.buf.copyWithin(0, this.start, this.end);
      else {
        const next = new Uint8Array((size + chunk.length) * 2);
        next.set(this.buf.subarray(this.start, this.end));
        this.buf = next;
      }
      this.start = 0;
      this.end = size;
    }
    this.buf.set(chunk, this.end);
    this.end += chunk.length;
  }
  /** A copy of `n` bytes after the first `skip`, without consuming them. */
  buffered(skip: number, n: number): Uint8Array {
    return this.buf.slice(this.start + skip, this.start + skip + n);
  }
  peekUint32(): number {
    const b = this.buf;
    const s = this.start;
    return (
      (((b[s] as number) << 24) | ((b[s + 1] as number) << 16) | ((b[s + 2] as number) << 8) | (b[s + 3] as number)) >>>
      0
    );
  }
  take(n: number): Uint8Array {
    const out = this.buf.slice(this.start, this.start + n);
    this.start += n;
    this.offset += n;
    return out;
  }
}

function decodeBlock(block: PrimitiveBlock, sink: OsmCollector): void {
  const decoder = new TextDecoder();
  const strings = (block.stringtable?.s ?? []).map((s) => decoder.decode(s));
  const str = (i: number) => strings[i] ?? '';
  const g = block.granularity;
  const tagsOf = (keys: number[], vals: number[]) => {
    const tags = new Map<string, string>();
    for (let i = 0; i < keys.length; i++) tags.set(str(keys[i] as number), str(vals[i] as number));
    return tags;
  };
  for (const group of block.primitivegroup) {
    for (const n of group.nodes) {
      sink.addNode(n.id, 1e-9 * (block.lon_offset + g * n.lon), 1e-9 * (block.lat_offset + g * n.lat));
    }
    const dense = group.dense;
    if (dense) {
      let id = 0;
      let lat = 0;
      let lon = 0;
      for (let i = 0; i < dense.id.length; i++) {
        id += dense.id[i] as number;
        lat += dense.lat[i] as number;
        lon += dense.lon[i] as number;
        sink.addNode(id, 1e-9 * (block.lon_offset + g * lon), 1e-9 * (block.lat_offset + g * lat));
      }
    }
    for (const w of group.ways) {
      const refs = new Array<number>(w.refs.length);
      let ref = 0;
      for (let i = 0; i < w.refs.length; i++) refs[i] = ref += w.refs[i] as number;
      sink.addWay(w.id, refs, tagsOf(w.keys, w.vals));
    }
    for (const r of group.relations) {
      const members: OsmMember[] = [];
      let ref = 0;
      for (let i = 0; i < r.memids.length; i++) {
        ref += r.memids[i] as number;
        const type = MEMBER_TYPES[r.types[i] ?? 0];
        if (!type) {
          const [relation, kind] = [Number(r.id), Number(r.types[i])];
          throw new BlobProblem((offset) => issueReason('roads.pbf_member_type', { relation, type: kind, offset }));
        }
        members.push({ type, ref, role: str(r.roles_sid[i] ?? 0) });
      }
      sink.addRelation(r.id, members, tagsOf(r.keys, r.vals));
    }
  }
}

/**
 * Streams an OpenStreetMap PBF file (`.osm.pbf`) into the collector: each blob (BlobHeader + Blob,
 * raw or zlib) is decoded with the reader that the `pbf` compiler generated from the OSM schema,
 * inflated with `node:zlib` off the main thread, then its nodes (plain and dense), ways and
 * relations are handed over. Truncated files, oversized or malformed blobs, unsupported
 * compressions and required features beatplan does not know give a typed error naming the blob.
 *
 * @throws {BeatplanError} `INVALID_INPUT` naming the blob and byte; `ABORTED` when the signal fires.
 */
export async function readOsmPbf(
  chunks: AsyncIterable<Uint8Array>,
  sink: OsmCollector,
  signal?: AbortSignal,
): Promise<void> {
  const q = new ByteQueue();
  let blob = 0;
  let sawHeader = false;
  /** Decodes the next blob when it is wholly buffered; returns false when more bytes are needed. */
  const next = async (): Promise<boolean> => {
    const at = q.offset;
    const headerLength = q.peekUint32();
    if (headerLength > MAX_HEADER_BYTES)
      throw bad(blob, issueReason('roads.pbf_header_size', { bytes: headerLength, offset: at }));
    if (q.size < 4 + headerLength) return false;
    const headerBytes = q.buffered(4, headerLength);
    let header: ReturnType<typeof readBlobHeader>;
    try {
      header = readBlobHeader(new PbfReader(headerBytes));
    } catch (cause) {
      throw bad(blob, issueReason('roads.pbf_header_malformed', { offset: at }), cause);
    }
    if (!(header.datasize >= 0 && header.datasize <= MAX_BLOB_BYTES)) {
      throw bad(blob, issueReason('roads.pbf_blob_size', { bytes: header.datasize, offset: at }));
    }
    if (q.size < 4 + headerLength + header.datasize) return false;
    q.take(4 + headerLength);
    const blobBytes = q.take(header.datasize);
    let data: Uint8Array;
    try {
      const b = readBlob(new PbfReader(blobBytes));
      if (b.raw) data = b.raw;
      else if (b.zlib_data) {
        const size = b.raw_size;
        if (!(size > 0 && size <= MAX_BLOB_BYTES))
          throw new BlobProblem((offset) => issueReason('roads.pbf_raw_size', { size, offset }));
        data = await inflateAsync(b.zlib_data, size);
        const bytes = data.length;
        if (bytes !== size)
          throw new BlobProblem((offset) => issueReason('roads.pbf_inflated', { bytes, size, offset }));
      } else throw new BlobProblem((offset) => issueReason('roads.pbf_compression', { offset }));
    } catch (cause) {
      // The reader's own finding is keyed; zlib's or the decoder's words are quoted as the detail.
      const why =
        cause instanceof BlobProblem
          ? cause.reasonAt(at)
          : issueReason('roads.pbf_blob_unreadable', { detail: (cause as Error).message, offset: at });
      throw bad(blob, why, cause);
    }
    try {
      if (header.type === 'OSMHeader') {
        const h = readHeaderBlock(new PbfReader(data));
        const unknown = h.required_features.filter((f) => !KNOWN_FEATURES.has(f));
        if (unknown.length)
          throw new BlobProblem((offset) => issueReason('roads.pbf_features', { features: unknown, offset }));
        sawHeader = true;
      } else if (header.type === 'OSMData') {
        if (!sawHeader) throw new BlobProblem((offset) => issueReason('roads.pbf_data_first', { offset }));
        decodeBlock(readPrimitiveBlock(new PbfReader(data)), sink);
      }
    } catch (cause) {
      if (cause instanceof BeatplanError) throw cause;
      const why =
        cause instanceof BlobProblem
          ? cause.reasonAt(at)
          : issueReason('roads.pbf_malformed', { type: header.type, detail: (cause as Error).message, offset: at });
      throw bad(blob, why, cause);
    }
    blob++;
    return true;
  };
  for await (const chunk of chunks) {
    throwIfAborted(signal);
    sink.addBytes(chunk.byteLength);
    q.push(chunk);
    while (q.size >= 4 && (await next())) {}
  }
  if (q.size > 0) throw bad(blob, issueReason('roads.pbf_truncated', { left: q.size, offset: q.offset }));
  if (!sawHeader) throw bad(0, issueReason('roads.pbf_no_header', { offset: 0 }));
}
