// Plain text out of feed markup: titles, summaries, search input. Feeds escape their HTML once,
// twice ("&amp;amp;") or not at all, so decoding repeats until the text stops changing.
import { DecodingMode, decodeHTML } from 'entities';
import { Parser } from 'htmlparser2';

/** Elements whose content is never readable text. */
export const NON_TEXT_TAGS = [
  'script',
  'style',
  'textarea',
  'option',
  'xmp',
  'iframe',
  'object',
  'embed',
  'form',
  'input',
  'button',
  'select',
  'noscript',
  'noembed',
  'noframes',
  'svg',
  'math',
  'template',
  'title',
  'head',
  'canvas',
  'audio',
  'video',
];

// Ending or starting one of these ends a line of the text: a paragraph, list item, cell, <br>.
const BLOCK_TAG =
  /<\/?(?:address|article|aside|blockquote|br|caption|dd|div|dl|dt|figcaption|figure|footer|h[1-6]|header|hr|li|main|nav|ol|p|pre|section|table|tbody|td|tfoot|th|thead|tr|ul)\b[^>]*>/gi;
// Line breaks in the source's markup show as spaces in a browser: only blocks end lines.
const SOURCE_LINE_BREAK = /[\n\r\f\v\u0085\u2028\u2029]/g;
// Markup a title may carry, escaped or not; anything else between angle brackets ("Vec<T>") is text.
const TITLE_TAG =
  /<\/?(?:a|abbr|b|big|br|cite|code|del|div|em|font|h[1-6]|i|img|ins|kbd|mark|p|q|s|small|span|strike|strong|sub|sup|u)\b[^<>]*>/gi;
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/g;

/** Decodes HTML entities, repeatedly, so double-escaped text ("&amp;amp;", "&amp;#8217;") comes out plain. */
export function decodeEntities(text: string): string {
  return decodeAgain(decodeHTML(text));
}

// Later passes need the semicolon: "?a=1&amp;copy=2" must end as "&copy=2", not "©=2".
function decodeAgain(text: string): string {
  let current = text;
  for (let pass = 0; pass < 2; pass++) {
    const next = decodeHTML(current, DecodingMode.Strict);
    if (next === current) break;
    current = next;
  }
  return current;
}

/**
 * The readable text of an HTML fragment: tags dropped, entities decoded, one line per block
 * (paragraph, list item, cell, <br>) and whitespace collapsed within lines. Extractors read
 * line ends where a "Location:" or "Salary:" value stops; summaries join the lines.
 */
export function htmlToText(html: string): string {
  // The parser decodes entities once, as decodeEntities' first pass would.
  const marked = html.replace(SOURCE_LINE_BREAK, ' ').replace(BLOCK_TAG, '\n$&\n');
  return collapseLines(decodeAgain(markupText(marked)));
}

const NON_TEXT = new Set(NON_TEXT_TAGS);

/**
 * The text nodes of markup, entities decoded once, without the content of NON_TEXT_TAGS
 * elements: the text sanitize-html keeps with no tag allowed (its nesting count included),
 * read by the parser it uses, without building the escaped output it would then be decoded from.
 */
function markupText(html: string): string {
  let text = '';
  // Inside a non-text element: how many elements are open from it down (as sanitize-html counts).
  let skipped = 0;
  const parser = new Parser(
    {
      onopentag(name) {
        if (skipped > 0) skipped++;
        else if (NON_TEXT.has(name)) skipped = 1;
      },
      ontext(chunk) {
        if (skipped === 0) text += chunk;
      },
      onclosetag() {
        if (skipped > 0) skipped--;
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return text;
}

/** Shortens text to at most max characters, cutting at a word boundary and marking the cut with "…". */
export function summarize(text: string, max = 300): string {
  const plain = collapse(text);
  if (plain.length <= max) return plain;
  let cut = plain.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  // A cut inside one very long word keeps the characters rather than leaving almost nothing.
  if (space > max / 2) cut = cut.slice(0, space);
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut.replace(/[\s,;:.\-–—]+$/, '')}…`;
}

/** A title as plain text: entities decoded, markup (real or escaped) stripped, whitespace collapsed. */
export function cleanTitle(raw: string): string {
  const decoded = decodeEntities(raw)
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(TITLE_TAG, (tag) => (/^<\/?(?:br|div|h\d|p)\b/i.test(tag) ? ' ' : ''));
  return collapse(decoded);
}

// Whitespace runs as one space; a lone space is left where it is. Same result as /\s+/g → ' ',
// six times faster on a listing's text (most of its runs are a single space already).
const WHITESPACE_TO_SPACE = /\s\s+|[^\S ]/g;

function collapse(text: string): string {
  return text.replace(INVISIBLE, '').replace(WHITESPACE_TO_SPACE, ' ').trim();
}

// As collapse, but a whitespace run holding a line end is one line end.
function collapseLines(text: string): string {
  return text
    .replace(INVISIBLE, '')
    .replace(WHITESPACE_TO_SPACE, (run) => (run.includes('\n') ? '\n' : ' '))
    .trim();
}
