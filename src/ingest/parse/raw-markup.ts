import { escapeHtml } from '../../domain/html-escape.ts';
import { applyEdits, scanXml, type TextEdit, type XmlToken } from './xml-scan.ts';

// Elements whose content is HTML. When a feed writes that HTML as raw child elements instead
// of escaping it (research-computing-teams/jobs.rss, Atom type="xhtml"), xml2js turns it into
// an object that has lost the order of text and elements, and rss-parser hands the object on.
// Wrapping the raw content in CDATA before parsing makes xml2js return it as the exact string
// the feed wrote, which is the HTML we want.
const HTML_ELEMENTS = new Set(['description', 'content:encoded', 'content', 'summary', 'title']);

/** The text with raw markup inside HTML-bearing elements turned into CDATA, and notes on what needed repairing. */
export type PreservedMarkup = { text: string; notes: string[] };

type Span = { end: number; markup: boolean; balanced: boolean };

/** Wraps raw child markup of description/content/summary/title elements in CDATA so it survives as a string. */
export function preserveInlineMarkup(text: string): PreservedMarkup {
  const tokens = [...scanXml(text)];
  const edits: TextEdit[] = [];
  const unbalanced = new Map<string, number>();
  for (let i = 0; i < tokens.length; i++) {
    const open = tokens[i] as XmlToken;
    if (open.kind !== 'open' || open.selfClosing || !HTML_ELEMENTS.has(open.name)) continue;
    const span = spanOf(tokens, i, open.name);
    if (!span) continue;
    const close = tokens[span.end] as XmlToken;
    if (span.markup) {
      edits.push({
        start: open.end,
        end: close.start,
        insert: asCdata(text.slice(open.end, close.start)),
      });
      if (!span.balanced) unbalanced.set(open.name, (unbalanced.get(open.name) ?? 0) + 1);
    }
    i = span.end;
  }
  if (edits.length === 0) return { text, notes: [] };
  const notes = [...unbalanced].map(
    ([name, count]) =>
      `kept the unbalanced HTML inside ${count} <${name}> element${count > 1 ? 's' : ''} as text`,
  );
  return { text: applyEdits(text, edits), notes };
}

// Finds the end tag of the element opened at tokens[from], whether the content holds child
// elements and whether they nest properly.
function spanOf(tokens: XmlToken[], from: number, name: string): Span | null {
  const inner: string[] = [];
  let markup = false;
  let balanced = true;
  for (let i = from + 1; i < tokens.length; i++) {
    const t = tokens[i] as XmlToken;
    if (t.kind === 'incomplete') return null;
    // A stray `<` alone is left to the repair pass, which escapes it.
    if (t.kind === 'open') {
      markup = true;
      if (!t.selfClosing) inner.push(t.name);
    } else if (t.kind === 'close') {
      if (t.name === name && !inner.includes(name))
        return { end: i, markup, balanced: balanced && inner.length === 0 };
      const at = inner.lastIndexOf(t.name);
      if (at === -1 || at !== inner.length - 1) balanced = false;
      if (at !== -1) inner.length = at;
    }
  }
  return null;
}

// CDATA sections inside the content are character data: in HTML they must become escaped text.
function asCdata(inner: string): string {
  const flat = inner.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_m, data: string) => escapeHtml(data));
  return `<![CDATA[${flat.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
}
