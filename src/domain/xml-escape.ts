// Anything outside XML 1.0's Char production. With the `u` flag a lone surrogate is one code
// point outside every range here, so it is matched (and dropped) while valid pairs are kept.
const ILLEGAL_XML_CHARS = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  // Parsers turn a literal CR (or CRLF) into LF, so only a reference round-trips it.
  '\r': '&#xD;',
};

// Attribute-value normalization turns a literal tab or LF into a space.
const ATTRIBUTE_ENTITIES: Record<string, string> = { ...ENTITIES, '\t': '&#x9;', '\n': '&#xA;' };

/** Text or attribute content made safe for XML 1.0: markup escaped, illegal characters dropped. */
export function escapeXml(text: string): string {
  return text.replace(ILLEGAL_XML_CHARS, '').replace(/[&<>"'\r]/g, (c) => ENTITIES[c] ?? c);
}

/** Like escapeXml, and keeps tabs and newlines in an attribute value from becoming spaces. */
export function escapeXmlAttribute(value: string): string {
  return value
    .replace(ILLEGAL_XML_CHARS, '')
    .replace(/[&<>"'\r\t\n]/g, (c) => ATTRIBUTE_ENTITIES[c] ?? c);
}
