import type { Repaired } from './repair-escapes.ts';
import { applyEdits, decodeXmlText, scanXml, type TextEdit, type XmlToken } from './xml-scan.ts';

/** Element names an invalid Atom date is renamed to, so the raw string still reaches the date normalizer. */
export const SET_ASIDE_DATES = {
  published: 'backboard-unparsed-published',
  updated: 'backboard-unparsed-updated',
};

/**
 * Rewrites Atom `<link>URL</link>` (no href) as `<link href="URL"/>`, and drops empty ones:
 * rss-parser reads `link.$.rel` and throws a TypeError on a link without attributes.
 */
export function fixAtomTextLinks(text: string): Repaired | null {
  const tokens = atomTokens(text);
  if (!tokens) return null;
  const edits: TextEdit[] = [];
  let rewritten = 0;
  for (let i = 0; i < tokens.length; i++) {
    const open = tokens[i] as XmlToken;
    if (
      open.kind !== 'open' ||
      open.name !== 'link' ||
      /\shref\s*=/.test(text.slice(open.start, open.end))
    )
      continue;
    const closeAt = open.selfClosing ? i : nextClose(tokens, i, 'link');
    const close = tokens[closeAt];
    if (!close) continue;
    const href = text.slice(open.end, close.start).trim();
    const attrs = text.slice(open.start + 5, open.selfClosing ? open.end - 2 : open.end - 1).trim();
    const keep = /^[^<]+$/.test(href) && !open.selfClosing;
    if (keep) rewritten++;
    const insert = keep
      ? `<link${attrs ? ` ${attrs}` : ''} href="${href.replace(/"/g, '&quot;')}"/>`
      : '';
    edits.push({ start: open.start, end: close.end, insert });
    i = closeAt;
  }
  if (edits.length === 0) return null;
  const dropped = edits.length - rewritten;
  const parts = [
    rewritten ? `turned ${rewritten} Atom <link>URL</link> into <link href>` : '',
    dropped ? `dropped ${dropped} Atom <link> without href` : '',
  ];
  return { text: applyEdits(text, edits), note: parts.filter(Boolean).join(', ') };
}

/**
 * Renames an entry's `<published>`/`<updated>` that `new Date()` cannot read: rss-parser
 * calls `toISOString()` on it and the RangeError would lose the whole feed. The raw string is
 * kept under another name for our own date normalizer, which has fallbacks.
 */
export function setAsideBadAtomDates(text: string): Repaired | null {
  const tokens = atomTokens(text);
  if (!tokens) return null;
  const edits: TextEdit[] = [];
  const values: string[] = [];
  let inEntry = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as XmlToken;
    if (t.name === 'entry' && !t.selfClosing)
      inEntry += t.kind === 'open' ? 1 : t.kind === 'close' ? -1 : 0;
    if (inEntry <= 0 || t.kind !== 'open' || t.selfClosing) continue;
    if (t.name !== 'published' && t.name !== 'updated') continue;
    const close = tokens[i + 1]?.kind === 'close' ? tokens[i + 1] : tokens[i + 2];
    if (close?.kind !== 'close' || close.name !== t.name) continue;
    const value = decodeXmlText(text.slice(t.end, close.start));
    if (value.length === 0 || !Number.isNaN(new Date(value).getTime())) continue;
    const renamed = SET_ASIDE_DATES[t.name];
    edits.push({ start: t.start + 1, end: t.start + 1 + t.name.length, insert: renamed });
    edits.push({
      start: close.start + 2,
      end: close.start + 2 + close.name.length,
      insert: renamed,
    });
    values.push(`<${t.name}>${value.trim()}`);
  }
  if (edits.length === 0) return null;
  const note = `set aside ${values.length} Atom date${values.length > 1 ? 's' : ''} rss-parser cannot read (${values.slice(0, 2).join(', ')}${values.length > 2 ? ', …' : ''}) for the date normalizer`;
  return { text: applyEdits(text, edits), note };
}

function nextClose(tokens: XmlToken[], from: number, name: string): number {
  for (let j = from + 1; j < tokens.length; j++) {
    const t = tokens[j] as XmlToken;
    if (t.kind === 'close' && t.name === name) return j;
  }
  return -1;
}

function atomTokens(text: string): XmlToken[] | null {
  const tokens = [...scanXml(text)];
  const root = tokens.find((t) => t.kind === 'open');
  return root?.name === 'feed' ? tokens : null;
}
