import type { EntryType, NormalizedEntry } from '../domain/entry.ts';
import type { SourceOptions } from '../domain/source.ts';
import { applyKeywordRules } from './normalize/keyword-rules.ts';
import { type DroppedItem, normalizeFeed } from './normalize/normalize-feed.ts';
import { parseFeed } from './parse/feed.ts';

/** What a feed body yields: the entries to store, what was left out and why, what was repaired. */
export type FeedReading = {
  format: string;
  feedTitle: string | null;
  entries: NormalizedEntry[];
  dropped: DroppedItem[];
  repairs: string[];
};

/**
 * Parse → normalize → keyword rules, on an already-decoded body. Shared by the refresh
 * worker and by preview, which is why it stores nothing.
 */
export async function readFeed(
  text: string,
  feedUrl: string,
  settings: { type: EntryType; options?: Partial<SourceOptions> },
  now: Date,
): Promise<FeedReading> {
  const feed = await parseFeed(text, feedUrl);
  const options = settings.options ?? {};
  const { entries, dropped } = normalizeFeed(feed, {
    type: settings.type,
    feedUrl,
    now,
    dateHint: { order: options.dateOrder ?? undefined, timeZone: options.timeZone ?? undefined },
  });
  const kept: NormalizedEntry[] = [];
  const rules = { keep: options.keep ?? [], block: options.block ?? [] };
  for (const entry of entries) {
    const decision = applyKeywordRules(entry, rules);
    if (decision.keep) kept.push(entry);
    else
      dropped.push({
        reason: decision.reason ?? 'filtered by keyword rules',
        title: entry.title,
        link: entry.url,
      });
  }
  return {
    format: feed.format,
    feedTitle: feed.title,
    entries: kept,
    dropped,
    repairs: feed.repairs,
  };
}
