// Every HTML page we read (listing pages, detail pages, discovery, JSON-LD) is parsed through
// here. cheerio's parsers take time growing with the square of the nesting depth: 40,000
// nested <div> (200 KB) took parse5 9 s, 160,000 took 2 minutes, all on a worker's one
// thread, where no deadline can interrupt it. Real pages nest a few dozen deep, so a page past
// MAX_DEPTH is refused before it is parsed.
import { type CheerioAPI, load } from 'cheerio';
import { ParseError } from '../../lib/errors.ts';

export const MAX_DEPTH = 1_000;

/** The page parsed by cheerio (parse5, or htmlparser2 where asked); refuses absurd nesting. */
export function loadHtml(html: string, options?: Parameters<typeof load>[1]): CheerioAPI {
  const depth = nestingDepth(html, MAX_DEPTH);
  if (depth > MAX_DEPTH)
    throw new ParseError(
      `the page nests its elements over ${MAX_DEPTH.toLocaleString('en')} deep: refused, as no listing page does`,
    );
  return load(html, options);
}

// Elements that never contain others, or that the next sibling closes without an end tag:
// counting them would take sloppy but ordinary HTML (a list of unclosed <li>) for nesting.
const NOT_NESTING = new Set(
  'area base br col embed hr img input link meta param source track wbr p li dt dd tr td th option optgroup thead tbody tfoot colgroup rb rt rp'.split(
    ' ',
  ),
);
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp']);
// One tag; [^<>]* stops at the next "<", so a scan over the page stays linear.
const TAG = /<(\/?)([A-Za-z][\w:-]*)[^<>]*?(\/?)>/g;

/**
 * How deep the page's elements nest, estimated in one linear pass over its tags (end tags
 * close the innermost open element; raw-text elements are skipped whole). Stops counting once
 * past `limit`.
 */
export function nestingDepth(html: string, limit = Number.POSITIVE_INFINITY): number {
  const lower = html.toLowerCase();
  let depth = 0;
  let deepest = 0;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(html); m !== null; m = TAG.exec(html)) {
    const [, closing, rawName, selfClosing] = m;
    const name = (rawName as string).toLowerCase();
    if (closing) {
      if (!NOT_NESTING.has(name)) depth = Math.max(0, depth - 1);
      continue;
    }
    if (RAW_TEXT.has(name)) {
      const end = lower.indexOf(`</${name}`, TAG.lastIndex);
      if (end === -1) break;
      TAG.lastIndex = end;
      continue;
    }
    if (selfClosing || NOT_NESTING.has(name)) continue;
    depth++;
    if (depth > deepest) deepest = depth;
    if (deepest > limit) break;
  }
  return deepest;
}
