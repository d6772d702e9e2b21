import { issueReason } from '@beatplan/core';
import { SaxesParser } from 'saxes';
import { AnswerShapeError } from './answer-shape-error.js';

/** An XML element with namespace prefixes dropped: local name, attributes, children, text. */
export interface XmlElement {
  name: string;
  attributes: Map<string, string>;
  children: XmlElement[];
  text: string;
}

/** Most elements one small answer may hold (a SOAP answer is a few dozen). */
const MAX_ELEMENTS = 10_000;

/**
 * Parses a small XML document (a SOAP envelope, a carrier's answer) into a tree; throws an
 * `AnswerShapeError` when it is not well-formed (the parser's words, naming line and column, as its
 * detail), has no root element, or holds more than 10,000 elements.
 */
export function parseXml(text: string): XmlElement {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let count = 0;
  let failure: Error | undefined;
  parser.on('error', (e) => {
    failure ??= e;
  });
  parser.on('opentag', (tag) => {
    if (++count > MAX_ELEMENTS)
      throw new AnswerShapeError((name) => issueReason('positioning.answer_xml_elements', { name, max: MAX_ELEMENTS }));
    const attributes = new Map<string, string>();
    for (const [k, v] of Object.entries(tag.attributes)) attributes.set(localName(k), String(v));
    const el: XmlElement = { name: localName(tag.name), attributes, children: [], text: '' };
    const parent = stack.at(-1);
    if (parent) parent.children.push(el);
    else root = el;
    stack.push(el);
  });
  const addText = (t: string) => {
    const top = stack.at(-1);
    if (top) top.text += t;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.write(text).close();
  if (failure) {
    const detail = failure.message;
    throw new AnswerShapeError((name) => issueReason('positioning.answer_not_xml', { name, detail }));
  }
  if (!root) throw new AnswerShapeError((name) => issueReason('positioning.answer_xml_root', { name }));
  return root;
}

function localName(qname: string): string {
  const i = qname.indexOf(':');
  return i < 0 ? qname : qname.slice(i + 1);
}

/** The element at `path` (local names joined by `/`, below `from`), or undefined. */
export function findPath(from: XmlElement, path: string): XmlElement | undefined {
  let at: XmlElement | undefined = from;
  for (const step of path.split('/').filter((s) => s !== '')) {
    at = at?.children.find((c) => c.name === step);
    if (!at) return undefined;
  }
  return at;
}

/** Escapes text for XML content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) =>
    c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : c === '"' ? '&quot;' : '&apos;',
  );
}
