// Readers for the raw xml2js nodes rss-parser hands back through customFields (keepArray):
// an element is a plain string when it has neither attributes nor child elements, otherwise
// an object with `$` (attributes), `_` (text) and one array per child element name.

/** An element as xml2js gives it. */
export type XmlNode = string | XmlElement;
/** An element with attributes or children. */
export type XmlElement = { $?: Record<string, string>; _?: string; [child: string]: unknown };
/** Raw child elements by name, each list in document order. */
export type XmlFields = Record<string, XmlNode[] | undefined>;

/** The element's own text as found, or null when it has none. */
export function nodeText(node: XmlNode | undefined): string | null {
  if (typeof node === 'string') return node === '' ? null : node;
  if (node && typeof node._ === 'string' && node._ !== '') return node._;
  return null;
}

/** One attribute of an element, or null. */
export function nodeAttr(node: XmlNode | undefined, name: string): string | null {
  if (!node || typeof node === 'string') return null;
  const value = node.$?.[name];
  return typeof value === 'string' ? value : null;
}

/** The child elements called `name`. */
export function childNodes(node: XmlNode | undefined, name: string): XmlNode[] {
  if (!node || typeof node === 'string') return [];
  const children = node[name];
  return Array.isArray(children) ? (children as XmlNode[]) : [];
}

/** The first non-empty text among the fields `names`, in order of preference. */
export function firstText(fields: XmlFields, ...names: string[]): string | null {
  for (const name of names) {
    for (const node of fields[name] ?? []) {
      const text = nodeText(node);
      if (text !== null) return text;
    }
  }
  return null;
}

/** Every text node below `node`, depth first: the readable text of an element xml2js broke up. */
export function deepText(node: XmlNode | undefined): string {
  if (node === undefined) return '';
  if (typeof node === 'string') return node;
  const parts = typeof node._ === 'string' ? [node._] : [];
  for (const [key, value] of Object.entries(node)) {
    if (key === '$' || key === '_' || !Array.isArray(value)) continue;
    for (const child of value) parts.push(deepText(child as XmlNode));
  }
  return parts.join(' ');
}
