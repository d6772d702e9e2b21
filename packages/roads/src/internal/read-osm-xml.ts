import { BeatplanError, issueReason, throwIfAborted } from '@beatplan/core';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { OsmCollector, OsmMember } from './osm-collector.js';

type Element = 'node' | 'way' | 'relation';

/** The element being read and what it has collected so far. */
interface Current {
  kind: Element;
  id: number;
  lng: number;
  lat: number;
  refs: number[];
  members: OsmMember[];
  tags: Map<string, string>;
}

function fail(parser: SaxesParser, path: (string | number)[], message: string, value?: unknown): never {
  const where = `${message} (line ${parser.line}, column ${parser.column + 1})`;
  throw new BeatplanError('INVALID_INPUT', [
    value === undefined ? { path, message: where } : { path, message: where, value },
  ]);
}

function numberAttr(parser: SaxesParser, tag: SaxesTagPlain, name: string, path: (string | number)[]): number {
  const raw = tag.attributes[name];
  const value = raw === undefined || raw === '' ? Number.NaN : Number(raw);
  if (!Number.isFinite(value)) fail(parser, [...path, name], `<${tag.name}> needs a numeric ${name}`, raw);
  return value;
}

/**
 * Streams an OpenStreetMap XML document (`.osm`, API 0.6 format) into the collector with the
 * `saxes` parser: nodes, ways and relations in any order, with their tags; other elements (bounds,
 * note, meta) are skipped. Malformed XML, a root other than `<osm>`, or an element without its
 * numeric attributes throws a typed error naming the element and the line.
 *
 * @throws {BeatplanError} `INVALID_INPUT` naming the element; `ABORTED` when the signal fires.
 */
export async function readOsmXml(
  chunks: AsyncIterable<Uint8Array>,
  sink: OsmCollector,
  signal?: AbortSignal,
): Promise<void> {
  const parser = new SaxesParser({ position: true });
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let current: Current | null = null;
  let depth = 0;
  let sawRoot = false;
  parser.on('error', (e) => fail(parser, ['extract'], `malformed XML: ${e.message.replace(/^.*?:\d+:\d+: /, '')}`));
  parser.on('opentag', (raw) => {
    const tag = raw as SaxesTagPlain;
    depth++;
    if (depth === 1) {
      if (tag.name !== 'osm')
        fail(parser, ['extract'], 'not an OpenStreetMap XML document (root must be <osm>)', tag.name);
      sawRoot = true;
      return;
    }
    const name = tag.name;
    if (depth === 2 && (name === 'node' || name === 'way' || name === 'relation')) {
      const id = numberAttr(parser, tag, 'id', [name]);
      current = { kind: name, id, lng: 0, lat: 0, refs: [], members: [], tags: new Map() };
      if (name === 'node') {
        current.lat = numberAttr(parser, tag, 'lat', [name, id]);
        current.lng = numberAttr(parser, tag, 'lon', [name, id]);
      }
      return;
    }
    if (depth !== 3 || !current) return;
    const path = [current.kind, current.id];
    if (name === 'tag') {
      const k = tag.attributes.k;
      if (k === undefined) fail(parser, [...path, 'tag'], '<tag> needs a k attribute');
      current.tags.set(k, tag.attributes.v ?? '');
    } else if (name === 'nd' && current.kind === 'way') {
      current.refs.push(numberAttr(parser, tag, 'ref', [...path, 'nd', current.refs.length]));
    } else if (name === 'member' && current.kind === 'relation') {
      const type = tag.attributes.type as string | undefined;
      if (type !== 'node' && type !== 'way' && type !== 'relation') {
        fail(
          parser,
          [...path, 'member', current.members.length, 'type'],
          'member type must be node, way or relation',
          type,
        );
      }
      const ref = numberAttr(parser, tag, 'ref', [...path, 'member', current.members.length]);
      current.members.push({ type, ref, role: tag.attributes.role ?? '' });
    }
  });
  parser.on('closetag', () => {
    depth--;
    if (depth !== 1 || !current) return;
    const c: Current = current;
    current = null;
    if (c.kind === 'node') sink.addNode(c.id, c.lng, c.lat);
    else if (c.kind === 'way') sink.addWay(c.id, c.refs, c.tags);
    else sink.addRelation(c.id, c.members, c.tags);
  });
  for await (const chunk of chunks) {
    throwIfAborted(signal);
    sink.addBytes(chunk.byteLength);
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch (cause) {
      throw new BeatplanError('INVALID_INPUT', [{ path: ['extract'], ...issueReason('roads.xml_utf8') }], {
        cause,
      });
    }
    parser.write(text);
  }
  parser.close();
  if (!sawRoot) fail(parser, ['extract'], 'the extract is empty: no <osm> element');
}
