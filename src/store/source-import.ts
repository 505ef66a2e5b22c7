// OPML import: creates an rss source per new feed URL, skips those already present, and says
// what it did with each.
import type { Connection } from 'mongoose';
import type { EntryType } from '../domain/entry.ts';
import type { OpmlFeed } from '../domain/opml.ts';
import { sourceInputSchema } from '../domain/source.ts';
import { unreachableSourceUrl } from '../ingest/fetch/guarded-lookup.ts';
import type { SourceDoc } from './models/source.ts';
import { diffFields, recordSourceChange } from './source-change-repository.ts';
import { createSource, listSources, sourceUrlKey } from './source-repository.ts';

export type ImportReport = {
  created: SourceDoc[];
  skipped: Array<{ url: string; reason: string }>;
};

/** Creates the feeds not yet present; `type` applies to outlines that do not name one. */
export async function importFeeds(
  connection: Connection,
  feeds: OpmlFeed[],
  defaults: { type: EntryType | null; allowedHosts?: readonly string[] },
): Promise<ImportReport> {
  const known = new Set((await listSources(connection)).map((s) => sourceUrlKey(s.url)));
  const report: ImportReport = { created: [], skipped: [] };
  for (const feed of feeds) {
    if (!feed.url) {
      report.skipped.push({
        url: `“${feed.title}”`,
        reason: 'no feed URL (xmlUrl) in this outline',
      });
      continue;
    }
    const type = feed.type ?? defaults.type;
    // Checked in the order an operator fixes them: the URL, a duplicate, then the type.
    const parsed = sourceInputSchema.safeParse({
      url: feed.url,
      name: sourceName(feed),
      type: type ?? 'jobs',
      kind: 'rss',
    });
    if (!parsed.success) {
      report.skipped.push({ url: feed.url, reason: parsed.error.issues[0]?.message ?? 'invalid' });
      continue;
    }
    const unreachable = unreachableSourceUrl(parsed.data.url, defaults.allowedHosts ?? []);
    if (unreachable) {
      report.skipped.push({ url: feed.url, reason: unreachable });
      continue;
    }
    const key = sourceUrlKey(parsed.data.url);
    if (known.has(key)) {
      report.skipped.push({ url: feed.url, reason: 'already present' });
      continue;
    }
    if (!type) {
      report.skipped.push({
        url: feed.url,
        reason: 'no type: give one (jobs or articles) for outlines without a category',
      });
      continue;
    }
    known.add(key);
    report.created.push(await createSource(connection, parsed.data));
  }
  return report;
}

const MAX_NAME = 200;

/** The outline's title as a source name, shortened to fit; its URL when it has none. */
function sourceName(feed: OpmlFeed): string {
  const name = feed.title.trim() || feed.url;
  return name.length > MAX_NAME ? `${name.slice(0, MAX_NAME - 1).trimEnd()}…` : name;
}

/** Records each imported source's creation, by whom ("cli", "console:<user>"). */
export async function recordImport(
  connection: Connection,
  created: SourceDoc[],
  by: string,
): Promise<void> {
  for (const source of created)
    await recordSourceChange(connection, {
      sourceId: source._id,
      by,
      action: 'create',
      changes: diffFields({}, { url: source.url, type: source.type, from: 'opml' }),
    });
}
