const ENTITIES = new Map([
  ['&', '&amp;'],
  ['<', '&lt;'],
  ['>', '&gt;'],
  ['"', '&quot;'],
  ["'", '&#39;'],
]);

/**
 * Characters XML 1.0 does not allow at all, not even as a reference: C0 controls other than tab,
 * LF and CR, U+FFFE, U+FFFF and lone surrogates. A standalone SVG holding one is not well-formed.
 */
const NOT_XML =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to find them
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Escapes text for HTML and SVG, in element content and in quoted attribute values alike:
 * `& < > " '` become entities, so a retailer named `<script>` renders as text; a character XML does
 * not allow (a C0 control, a lone surrogate) becomes U+FFFD, so the SVG stays well-formed XML.
 */
export function escapeHtml(text: string): string {
  return text.replace(NOT_XML, '\ufffd').replace(/[&<>"']/g, (c) => ENTITIES.get(c) ?? c);
}
