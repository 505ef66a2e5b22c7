// rss-parser 3.13 computes a "contentSnippet" for every item's content with
// /<(?:.|\n)*?>/: each "<" with no ">" after it scans to the end of the text, so 160,000 of
// them (a CDATA description of "<" or "&lt;", 0.5 MB) blocked the event loop for 16 s, and the
// fetcher's 5 MB cap allowed hours. The parse deadline cannot stop synchronous work. We never
// read the snippet (the adapter maps the raw nodes itself), so it is no longer computed.
// @ts-expect-error: rss-parser ships no types for its internal helpers.
import rssParserUtils from 'rss-parser/lib/utils.js';

const utils = rssParserUtils as { getSnippet: (text: string) => string };
const stock = utils.getSnippet;

/** Replaces rss-parser's snippet helper with one that costs nothing. Idempotent. */
export function skipRssParserSnippets(): void {
  utils.getSnippet = () => '';
}

/** rss-parser's snippet helper, as it is now: for the test that checks it stays replaced. */
export function rssParserSnippet(text: string): string {
  return utils.getSnippet(text);
}

/**
 * Runs `measure` with rss-parser as shipped, snippets and all: the benchmark's baseline is
 * rss-parser's own rate, not the rate of the rss-parser we run.
 */
export async function withStockRssParser<T>(measure: () => Promise<T>): Promise<T> {
  const ours = utils.getSnippet;
  utils.getSnippet = stock;
  try {
    return await measure();
  } finally {
    utils.getSnippet = ours;
  }
}
