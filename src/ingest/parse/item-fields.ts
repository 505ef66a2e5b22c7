import { escapeHtml } from '../../domain/html-escape.ts';
import {
  childNodes,
  deepText,
  nodeAttr,
  nodeText,
  type XmlFields,
  type XmlNode,
} from './xml-node.ts';

/**
 * Categories as plain strings: rss-parser mixes strings and `{_, $}` objects (a `domain`
 * attribute), Atom puts the name in `term`; dc:subject follows.
 */
export function readCategories(fields: XmlFields): string[] {
  const names: string[] = [];
  for (const node of [...(fields.category ?? []), ...(fields['dc:subject'] ?? [])]) {
    const name = (nodeAttr(node, 'term') ?? nodeText(node) ?? nodeAttr(node, 'label') ?? '').trim();
    if (name) names.push(name);
  }
  return names;
}

/** The author's name: RSS author / dc:creator / itunes:author text, or Atom author/name. */
export function readAuthor(fields: XmlFields): string | null {
  for (const name of ['author', 'dc:creator', 'itunes:author']) {
    for (const node of fields[name] ?? []) {
      const person =
        nodeText(childNodes(node, 'name')[0]) ??
        nodeText(node) ??
        nodeText(childNodes(node, 'email')[0]);
      if (person?.trim()) return person;
    }
  }
  return null;
}

/** Job elements kept in RawItem.extra by default (We Work Remotely and similar boards). */
export const JOB_FIELDS = [
  ...['company', 'company_name', 'company_logo', 'location', 'region', 'country', 'state', 'city'],
  ...['type', 'job_type', 'employment_type', 'remote', 'category', 'skills', 'tags'],
  ...['salary', 'salary_min', 'salary_max', 'salary_currency', 'expires_at', 'apply_url'],
];

/** Job elements (region, skills, salary_min, ...) as plain strings; repeated elements joined with ", ". */
export function readExtra(fields: XmlFields, names: readonly string[]): Record<string, string> {
  const extra: Record<string, string> = {};
  for (const name of names) {
    const values = (fields[name] ?? [])
      .map((node) => (nodeText(node) ?? deepText(node)).trim())
      .filter((value) => value !== '');
    if (values.length > 0) extra[name] = values.join(', ');
  }
  return extra;
}

/**
 * The HTML of a description/content/summary/title node. Raw markup arrives as one string
 * (see raw-markup.ts); Atom type="xhtml" loses its wrapping div; explicit type="text" is
 * escaped so the sanitizer does not read it as markup.
 */
export function htmlOf(node: XmlNode | undefined): string | null {
  if (node === undefined) return null;
  const type = nodeAttr(node, 'type')?.toLowerCase() ?? null;
  const text = nodeText(node) ?? (typeof node === 'string' ? null : rebuildMarkup(node));
  if (text === null) return null;
  if (type === 'xhtml' || type === 'application/xhtml+xml') return unwrapXhtmlDiv(text);
  if (type === 'text' || type === 'text/plain') return escapeHtml(text);
  return text;
}

/** A title's text; xhtml titles lose their wrapping div. */
export function titleOf(node: XmlNode | undefined): string | null {
  const text = nodeText(node);
  if (text === null) return null;
  return nodeAttr(node, 'type')?.toLowerCase() === 'xhtml' ? unwrapXhtmlDiv(text) : text;
}

/** The inner HTML of the `<div xmlns="http://www.w3.org/1999/xhtml">` Atom wraps xhtml content in. */
export function unwrapXhtmlDiv(html: string): string {
  const match = /^\s*<((?:[\w.-]+:)?div)\b[^>]*>([\s\S]*)<\/\1\s*>\s*$/.exec(html);
  return match ? (match[2] as string) : html;
}

// Last resort for content xml2js turned into an object that raw-markup.ts could not protect
// (an unterminated element): text first, then children in name order, so nothing is lost
// even though the original interleaving is.
function rebuildMarkup(node: Exclude<XmlNode, string>): string | null {
  const parts: string[] = typeof node._ === 'string' ? [escapeHtml(node._)] : [];
  for (const [name, children] of Object.entries(node)) {
    if (name === '$' || name === '_' || !Array.isArray(children)) continue;
    for (const child of children as XmlNode[]) {
      const attrs = Object.entries(typeof child === 'string' ? {} : (child.$ ?? {}))
        .map(([key, value]) => ` ${key}="${escapeHtml(value).replace(/"/g, '&quot;')}"`)
        .join('');
      const inner = typeof child === 'string' ? escapeHtml(child) : (rebuildMarkup(child) ?? '');
      parts.push(`<${name}${attrs}>${inner}</${name}>`);
    }
  }
  return parts.length > 0 ? parts.join('') : null;
}
