// What one operator field reads from one scope (an item element, or a whole detail page).
// Text is read the way a reader sees it: block elements and <br> separate words, scripts and
// styles say nothing, runs of whitespace are one space. URLs come back absolute; markup keeps
// its tags with its links made absolute, so it reads the same wherever it is shown.
import type { Cheerio, CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { resolveUrl } from '../../domain/canonical-url.ts';
import { escapeHtml } from '../../domain/html-escape.ts';
import type { FieldName, FieldSelector } from '../../domain/html-selectors.ts';

/** How a field's value is read: plain text, every match's text, a URL, an image URL, markup or a date. */
export type FieldKind = 'text' | 'list' | 'url' | 'image' | 'html' | 'date';

/** Values found for a field; `verbatim` marks a machine-readable date (a datetime attribute). */
export type FieldValue = { values: string[]; verbatim: boolean };

const BLOCK =
  /^(address|article|aside|blockquote|br|dd|div|dl|dt|figcaption|figure|footer|h[1-6]|header|hr|li|main|ol|p|pre|section|table|td|th|tr|ul)$/;
const KINDS: Partial<Record<FieldName, FieldKind>> = {
  link: 'url',
  tags: 'list',
  thumbnail: 'image',
  summary: 'html',
  description: 'html',
  date: 'date',
};

/** How the named field is read. */
export function fieldKind(name: FieldName): FieldKind {
  return KINDS[name] ?? 'text';
}

/** The page's base URL: its <base href> resolved against the page URL, else the page URL. */
export function pageBase($: CheerioAPI, pageUrl: string): string {
  const href = $('base[href]').first().attr('href');
  return (href && resolveUrl(href, pageUrl)) || pageUrl;
}

/** The field's values in scope (throws on a selector css-select cannot read). */
export function readField(
  $: CheerioAPI,
  scope: Cheerio<AnyNode>,
  field: FieldSelector,
  kind: FieldKind,
  base: string,
): FieldValue {
  if (field.value !== null) return { values: fixedValues(field.value, kind), verbatim: false };
  const matches = (field.selector === null ? scope : scope.find(field.selector)).toArray();
  const read = (el: AnyNode) => elementValue($, el, field.attribute, kind, base);
  if (kind === 'list') {
    return { values: matches.map((el) => read(el)).filter((v) => v !== ''), verbatim: false };
  }
  for (const el of matches) {
    const value = read(el);
    if (value !== '') {
      const verbatim = kind === 'date' && (field.attribute ?? datetimeOf(el)) === 'datetime';
      return { values: [value], verbatim };
    }
  }
  return { values: [], verbatim: false };
}

function fixedValues(value: string, kind: FieldKind): string[] {
  if (kind === 'list')
    return value
      .split(',')
      .map((tag) => tag.trim())
      .filter(Boolean);
  return [kind === 'html' ? escapeHtml(value) : value];
}

function elementValue(
  $: CheerioAPI,
  el: AnyNode,
  attribute: string | null,
  kind: FieldKind,
  base: string,
): string {
  const node = $(el);
  if (attribute) {
    const raw = (node.attr(attribute) ?? '').trim();
    if (kind === 'url' || kind === 'image') return (raw && resolveUrl(raw, base)) ?? '';
    return kind === 'html' ? escapeHtml(raw) : raw;
  }
  if (kind === 'url') return urlOf(node.attr('href') ?? linkOf(node), base);
  if (kind === 'image') return urlOf(imageOf(node), base);
  if (kind === 'html') return absoluteHtml(node, base);
  if (kind === 'date' && datetimeOf(el)) return (node.attr('datetime') ?? '').trim();
  return collapse(textOf(el));
}

/** A link field without attribute: the href of the element, of the link around it, or of the first link in it. */
function linkOf(node: Cheerio<AnyNode>): string {
  return node.closest('a[href]').attr('href') ?? node.find('a[href]').first().attr('href') ?? '';
}

function imageOf(node: Cheerio<AnyNode>): string {
  const img = node.is('img') ? node : node.find('img').first();
  // Lazy-loading pages keep the real image in data-src and a placeholder in src.
  const fromImg = img.attr('data-src') ?? img.attr('src');
  return fromImg ?? node.attr('content') ?? node.attr('href') ?? '';
}

function urlOf(raw: string, base: string): string {
  return (raw.trim() && resolveUrl(raw, base)) || '';
}

// A <time datetime> says its date for machines: that wins over the words shown to readers, when
// it is one (WordPress themes have shipped datetime="comment_date").
function datetimeOf(el: AnyNode): 'datetime' | null {
  const element = el as Element;
  const datetime = element.name === 'time' ? element.attribs?.datetime?.trim() : undefined;
  return datetime && /^\d{4}-\d{2}-\d{2}/.test(datetime) ? 'datetime' : null;
}

function absoluteHtml(node: Cheerio<AnyNode>, base: string): string {
  const copy = node.clone();
  for (const attribute of ['href', 'src', 'poster']) {
    copy.find(`[${attribute}]`).each((_, el) => {
      const absolute = resolveUrl(el.attribs[attribute] ?? '', base);
      if (absolute) el.attribs[attribute] = absolute;
    });
  }
  return (copy.html() ?? '').trim();
}

function textOf(node: AnyNode): string {
  if (node.type === 'text') return node.data;
  if (node.type !== 'tag' && node.type !== 'root' && node.type !== 'cdata') return '';
  const inner = node.children.map(textOf).join('');
  return node.type === 'tag' && BLOCK.test(node.name) ? ` ${inner} ` : inner;
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
