import { decodeHTMLStrict } from 'entities';
import { ParseError } from '../../lib/errors.ts';
import { applyEdits, scanXml, type TextEdit } from './xml-scan.ts';

/** A repaired text and the one-line sentence recorded in RawFeed.repairs. */
export type Repaired = { text: string; note: string };

const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);
const AMPERSAND = /&(?:(#\d+|#x[0-9a-fA-F]+)|([A-Za-z][\w.-]*))?(;?)/g;

/**
 * Escapes `&` that does not start a reference (rss-parser #207), and replaces HTML named
 * entities XML does not define with character references, in text and attribute values only.
 */
export function escapeAmpersands(text: string): Repaired | null {
  let bare = 0;
  let named = 0;
  const fix = (chunk: string): string =>
    chunk.replace(AMPERSAND, (match, numeric?: string, name?: string, semi?: string) => {
      if (semi && numeric) return match;
      if (semi && name && XML_ENTITIES.has(name)) return match;
      const decoded = semi && name ? decodeHTMLStrict(match) : match;
      if (decoded !== match) {
        named++;
        return [...decoded].map((c) => `&#${c.codePointAt(0)};`).join('');
      }
      bare++;
      return `&amp;${match.slice(1)}`;
    });
  const edits = editTokens(text, ['text', 'open'], fix);
  if (bare + named === 0) return null;
  const parts = [
    bare ? `escaped ${bare} bare & character${bare > 1 ? 's' : ''}` : '',
    named ? `replaced ${named} HTML entit${named > 1 ? 'ies' : 'y'} XML does not define` : '',
  ];
  return { text: applyEdits(text, edits), note: parts.filter(Boolean).join(', ') };
}

/** Escapes `<` characters that cannot start markup ("a < b" in a title). */
export function escapeStrayLessThan(text: string): Repaired | null {
  const edits: TextEdit[] = [];
  for (const token of scanXml(text)) {
    if (token.kind === 'stray-lt')
      edits.push({ start: token.start, end: token.end, insert: '&lt;' });
  }
  if (edits.length === 0) return null;
  const note = `escaped ${edits.length} stray < character${edits.length > 1 ? 's' : ''}`;
  return { text: applyEdits(text, edits), note };
}

/** How much expanding a DOCTYPE's entities may add to a document: real feeds add bytes. */
export const MAX_DOCTYPE_GROWTH = 1_000_000;

/**
 * Removes a <!DOCTYPE> with an internal subset, expanding the simple entities it declares:
 * xml2js does not read DTDs, so a declared `&entity;` fails as undefined.
 */
export function expandDoctype(text: string): Repaired | null {
  for (const token of scanXml(text)) {
    if (token.kind === 'open') return null;
    if (token.kind !== 'doctype') continue;
    const doctype = text.slice(token.start, token.end);
    if (!doctype.includes('[')) return null;
    const declared = new Map<string, string>();
    for (const m of doctype.matchAll(/<!ENTITY\s+([A-Za-z_][\w.-]*)\s+(["'])([^<]*?)\2\s*>/g)) {
      declared.set(m[1] as string, m[3] as string);
    }
    const rest = applyEdits(text, [{ start: token.start, end: token.end, insert: '' }]);
    // A 1 MB value named 300 times is 300 MB from a 1 MB body, past every byte limit the
    // fetcher enforced (the "billion laughs" family): expansion stops at MAX_DOCTYPE_GROWTH.
    let grown = 0;
    const expanded = rest.replace(/&([A-Za-z_][\w.-]*);/g, (ref, name: string) => {
      const value = declared.get(name);
      if (value === undefined) return ref;
      grown += value.length - ref.length;
      if (grown > MAX_DOCTYPE_GROWTH)
        throw new ParseError(
          `the <!DOCTYPE> declares entities that would grow the feed by over ${MAX_DOCTYPE_GROWTH / 1_000_000} MB: refused, as an entity bomb`,
        );
      return value;
    });
    const note = `removed the <!DOCTYPE> internal subset${declared.size ? ` and expanded its ${declared.size} entit${declared.size > 1 ? 'ies' : 'y'}` : ''}`;
    return { text: expanded, note };
  }
  return null;
}

function editTokens(text: string, kinds: string[], fix: (chunk: string) => string): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const token of scanXml(text)) {
    if (!kinds.includes(token.kind)) continue;
    const chunk = text.slice(token.start, token.end);
    const fixed = fix(chunk);
    if (fixed !== chunk) edits.push({ start: token.start, end: token.end, insert: fixed });
  }
  return edits;
}
