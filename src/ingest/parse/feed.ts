import { ParseError } from '../../lib/errors.ts';
import { withDeadline } from './deadline.ts';
import { JOB_FIELDS } from './item-fields.ts';
import { readJsonFeed } from './json-feed.ts';
import type { RawFeed } from './raw-feed.ts';
import { preserveInlineMarkup } from './raw-markup.ts';
import { repairDocument } from './repair.ts';
import { extractEmbeddedFeed } from './repair-structure.ts';
import { type ParsedXml, parseWithRssParser } from './rss-parser-adapter.ts';
import { type Sniffed, sniffDocument, stripPreamble } from './sniff.ts';
import { readXmlFeed } from './xml-feed.ts';

/** How long one parseFeed call may take, repairs included, unless told otherwise. */
export const DEFAULT_PARSE_DEADLINE_MS = 10_000;

// Each round re-parses the whole document; three rounds leave room for one repair exposing
// another problem, without looping on a hopeless body.
const MAX_REPAIR_ROUNDS = 3;

/** Options for parseFeed. */
export type ParseFeedOptions = {
  deadlineMs?: number;
  /** More item elements to keep in RawItem.extra for this source, beyond JOB_FIELDS. */
  extraFields?: readonly string[];
};

/**
 * Parses a decoded feed body (RSS 0.9x/1.0/2.0, Atom, JSON Feed) into a RawFeed, repairing
 * what it safely can; otherwise throws a ParseError with a one-line reason.
 */
export async function parseFeed(
  text: string,
  feedUrl: string,
  options: ParseFeedOptions = {},
): Promise<RawFeed> {
  const deadlineMs = options.deadlineMs ?? DEFAULT_PARSE_DEADLINE_MS;
  const deadline = { at: Date.now() + deadlineMs, ms: deadlineMs };
  const extraNames = [...new Set([...JOB_FIELDS, ...(options.extraFields ?? [])])];
  const body = stripPreamble(text);
  const sniffed = sniffDocument(body);
  if (sniffed.kind === 'empty') throw new ParseError(sniffed.reason);
  if (sniffed.kind === 'not-feed') throw new ParseError(`not a feed: ${sniffed.reason}`);
  if (sniffed.kind === 'json') return readJsonFeed(body, feedUrl, extraNames);
  const { xml, root, repairs } =
    sniffed.kind === 'html'
      ? feedInsidePage(body, sniffed)
      : { xml: body, root: sniffed, repairs: [] };
  const parsed = await parseRepairing(xml, repairs, deadline, extraNames);
  const { format, rootAttrs } = root;
  return readXmlFeed(parsed, { format, rootAttrs, feedUrl, extraNames, repairs });
}

type XmlRoot = Extract<Sniffed, { kind: 'xml' }>;

// A page is never turned into a feed; only a real feed wrapped in one is cut out of it.
function feedInsidePage(
  body: string,
  page: Extract<Sniffed, { kind: 'html' }>,
): { xml: string; root: XmlRoot; repairs: string[] } {
  const embedded = extractEmbeddedFeed(body);
  const root = embedded ? sniffDocument(embedded.text) : null;
  if (embedded && root?.kind === 'xml')
    return { xml: embedded.text, root, repairs: [embedded.note] };
  const title = page.title ? ` ("${page.title}")` : '';
  const hint = page.feedLink ? `; it links to a feed at ${page.feedLink}` : '';
  throw new ParseError(`not a feed: the document is an HTML page${title}${hint}`);
}

// The deadline catches a parse that never settles (rss-parser's pending promise); it cannot
// cut a synchronous xml2js run short, which is why the fetcher caps body size first.
async function parseRepairing(
  xml: string,
  repairs: string[],
  deadline: { at: number; ms: number },
  extraNames: readonly string[],
): Promise<ParsedXml> {
  const timedOut = () => new ParseError(`parse timed out after ${deadline.ms} ms`, [...repairs]);
  let current = xml;
  for (let round = 0; ; round++) {
    const remaining = deadline.at - Date.now();
    if (remaining <= 0) throw timedOut();
    const prepared = preserveInlineMarkup(current);
    try {
      const parsed = await withDeadline(
        parseWithRssParser(prepared.text, extraNames),
        remaining,
        timedOut,
      );
      repairs.push(...prepared.notes);
      return parsed;
    } catch (error) {
      if (error instanceof ParseError) throw error;
      const repaired = round < MAX_REPAIR_ROUNDS ? repairDocument(current) : null;
      if (!repaired)
        throw new ParseError(failureMessage(error, repairs), [...repairs], { cause: error });
      current = repaired.text;
      repairs.push(...repaired.notes);
    }
  }
}

// One line: sax's "message\nLine: 4\nColumn: 2\nChar: x" becomes "message at line 4, column 2".
function failureMessage(error: unknown, repairs: string[]): string {
  const after = repairs.length > 0 ? ` (after repairs: ${repairs.join('; ')})` : '';
  const message = error instanceof Error ? error.message : String(error);
  const [first = '', ...rest] = message.split('\n');
  const line = /Line: (\d+)/.exec(rest.join(' '))?.[1];
  const column = /Column: (\d+)/.exec(rest.join(' '))?.[1];
  if (line !== undefined)
    return `malformed XML: ${first.trim()} at line ${Number(line) + 1}, column ${column ?? '?'}${after}`;
  if (/not recognized as RSS/i.test(first))
    return `not a feed: rss-parser does not recognize the document${after}`;
  const name = error instanceof Error ? error.name : 'Error';
  return `unreadable feed: rss-parser threw ${name}: ${first.trim()}${after}`;
}
