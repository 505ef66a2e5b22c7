// `npm run --silent preview -- <url-or-file> --type jobs|articles [--json]`: fetch → parse →
// normalize without storing anything; what a source would yield, before it is saved.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadConfigOrExit } from '../../config/env.ts';
import { parseCommandArgs, UsageError } from '../../src/cli/args.ts';
import { entriesTable, entryJson } from '../../src/cli/entry-views.ts';
import { selectorsFromFlags } from '../../src/cli/selectors-input.ts';
import type { EntryType } from '../../src/domain/entry.ts';
import type { SourceKind } from '../../src/domain/source.ts';
import { decodeBody } from '../../src/ingest/fetch/charset.ts';
import { discoverSource } from '../../src/ingest/parse/discover.ts';
import { readFeed } from '../../src/ingest/read-feed.ts';
import { AppError } from '../../src/lib/errors.ts';
import { createProductFetcher } from '../fetcher-factory.ts';

const usage =
  'usage: npm run --silent preview -- <url-or-file> --type jobs|articles [--kind rss|html|jsonld|auto] [--selectors <json> | --selectors-file <path>] [--json]';
const kinds = ['rss', 'html', 'jsonld', 'auto'] as const;

async function load(
  target: string,
  config: ReturnType<typeof loadConfigOrExit>,
): Promise<{ text: string; url: string }> {
  if (/^https?:\/\//i.test(target)) {
    const fetched = await createProductFetcher(config).fetch(target);
    return { text: fetched.text, url: fetched.url };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(target))
    throw new UsageError(`only http(s) URLs or local files can be previewed (got ${target})`);
  const file = path.resolve(target);
  const bytes = await readFile(file).catch((error: NodeJS.ErrnoException) => {
    throw new AppError(
      'not_found',
      `cannot read ${target}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`,
    );
  });
  return { text: decodeBody(bytes, null).text, url: pathToFileURL(file).toString() };
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    type: { type: 'string' },
    kind: { type: 'string' },
    selectors: { type: 'string' },
    'selectors-file': { type: 'string' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  const [target, ...extra] = positionals;
  if (!target || extra.length) throw new UsageError(usage);
  if (values.type !== 'jobs' && values.type !== 'articles')
    throw new UsageError('--type must be jobs or articles');
  const kind = (values.kind ?? 'rss') as (typeof kinds)[number];
  if (!kinds.includes(kind)) throw new UsageError(`--kind must be one of ${kinds.join(', ')}`);
  const selectors = await selectorsFromFlags(values);
  if (kind === 'html' && !selectors)
    throw new UsageError('--kind html needs --selectors <json> or --selectors-file <path>');
  if (selectors && kind !== 'html' && kind !== 'auto')
    throw new UsageError(`selectors apply to --kind html only, not ${kind}`);
  const config = loadConfigOrExit();
  const fetchPage = (next: string) => load(next, config);
  let page = await load(target, config);
  let readAs: SourceKind = kind === 'auto' ? 'rss' : kind;
  if (kind === 'auto') {
    // Discovery: say which kind of source the URL is and why, then read it as that kind.
    const found = discoverSource(page.text, page.url);
    process.stderr.write(`kind: ${found.kind} — ${found.reason}\n`);
    readAs = found.kind;
    if (found.kind === 'html' && !selectors) {
      process.stderr.write('add --selectors to read it as an html source\n');
      return 3;
    }
    if (found.kind === 'rss' && found.feedUrl !== page.url)
      page = await load(found.feedUrl, config);
  }
  const reading = await readFeed(
    page.text,
    page.url,
    { type: values.type as EntryType, kind: readAs, selectors, fetchPage },
    new Date(),
  );
  if (values.json) {
    process.stdout.write(`${JSON.stringify(reading.entries.map(entryJson), null, 2)}\n`);
  } else {
    process.stdout.write(
      `${entriesTable(reading.entries)}\n\n${reading.entries.length} entries (${reading.format})\n`,
    );
  }
  if (reading.dropped.length)
    process.stderr.write(`dropped ${reading.dropped.length}: ${summarizeDrops(reading.dropped)}\n`);
  if (reading.repairs.length) process.stderr.write(`repaired: ${reading.repairs.join('; ')}\n`);
  for (const warning of reading.warnings) process.stderr.write(`warning: ${warning}\n`);
  if (reading.fieldCounts) {
    const items = reading.entries.length + reading.dropped.length;
    const filled = Object.entries(reading.fieldCounts).map(
      ([field, n]) => `${field} ${n}/${items}`,
    );
    process.stderr.write(`fields filled: ${filled.join(', ')}\n`);
  }
  return 0;
}

function summarizeDrops(dropped: Array<{ reason: string }>): string {
  const counts = new Map<string, number>();
  for (const d of dropped) counts.set(d.reason, (counts.get(d.reason) ?? 0) + 1);
  return [...counts].map(([reason, n]) => `${n} × ${reason}`).join(', ');
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  const message =
    error instanceof AppError
      ? error.message
      : error instanceof Error
        ? error.message
        : String(error);
  process.stderr.write(`backboard preview: ${message.split('\n')[0]}\n`);
  process.exitCode = error instanceof UsageError ? 2 : 1;
}
process.exit(process.exitCode ?? 0);
