import { feedUrlKey, visitUrl } from '../domain/canonical-url.ts';
import type { EnrichedEntry, EntryType, NormalizedEntry } from '../domain/entry.ts';
import type { SourceOptions } from '../domain/source.ts';
import { enrichEntries } from './enrich/enrich-job.ts';
import { applyKeywordRules } from './normalize/keyword-rules.ts';
import { type DroppedItem, normalizeFeed } from './normalize/normalize-feed.ts';
import { type BodySettings, parseSourceBody } from './read-source-body.ts';

/** What a feed body yields: the entries to store, what was left out and why, what was repaired. */
export type FeedReading = {
  format: string;
  feedTitle: string | null;
  /** The site the feed says it belongs to (its channel link; a page source's own URL). */
  siteUrl: string | null;
  entries: EnrichedEntry[];
  dropped: DroppedItem[];
  repairs: string[];
  /** What the operator should know: selectors that found nothing, pages that failed, ... */
  warnings: string[];
  /** For html sources: how many items had each selector field filled. */
  fieldCounts: Record<string, number> | null;
};

/**
 * Parse (by source kind) → normalize → enrich, on an already-decoded body. Shared by the refresh worker and by
 * preview, which is why it stores nothing. A source's keep/block rules feed the job relevance
 * classifier (off-topic jobs are kept, only hidden); for articles they filter.
 */
export async function readFeed(
  text: string,
  feedUrl: string,
  settings: { type: EntryType; options?: Partial<SourceOptions> } & BodySettings,
  now: Date,
): Promise<FeedReading> {
  const feed = await parseSourceBody(text, feedUrl, settings);
  const options = settings.options ?? {};
  const { entries, dropped } = normalizeFeed(feed, {
    type: settings.type,
    feedUrl,
    now,
    dateHint: {
      order: options.dateOrder ?? undefined,
      // An html source's selector time zone also covers dates read without a format.
      timeZone: options.timeZone ?? settings.selectors?.timeZone ?? undefined,
    },
    titleFormat: options.titleFormat ?? null,
  });
  const rules = { keep: options.keep ?? [], block: options.block ?? [] };
  let kept: NormalizedEntry[] = entries;
  if (settings.type === 'articles') {
    kept = [];
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
  }
  const enriched = enrichEntries(kept, { now, rules });
  return {
    format: feed.format,
    feedTitle: feed.title,
    siteUrl: siteUrlOf(feed.link, feedUrl),
    entries: enriched,
    dropped,
    repairs: feed.repairs,
    warnings: [...feed.warnings, ...ruleFailureWarnings(enriched, dropped)],
    fieldCounts: feed.fieldCounts,
  };
}

// Paths that name a feed, not a page a visitor can read: "/jobs.rss", "/feed/", "/atom.xml".
const FEED_PATH = /(?:\.(?:rss|xml|atom|rdf|json)|\/(?:feeds?|rss|atom)\/?)$/i;

/**
 * The site a feed names as its own, for visitors: its channel link, unless that is the feed
 * itself (We Work Remotely's channel links to its own RSS) or another feed.
 */
export function siteUrlOf(link: string | null, feedUrl: string): string | null {
  const site = link ? visitUrl(link, feedUrl) : null;
  if (!site) return null;
  if (feedUrlKey(site) === feedUrlKey(feedUrl) || FEED_PATH.test(new URL(site).pathname))
    return null;
  return site;
}

const RULE_FAILED = /\b(?:keep|block) rule .* could not run \(.*?\)(?=;|$)|^held back: .*/;

/**
 * A keep/block rule that could not run (too slow on a listing: safe-pattern's time limit) holds
 * items back, or fails to keep them, without any error: the run says so, once per rule, with
 * how many items it hit, so the operator sees it on the source instead of a quietly empty board.
 */
export function ruleFailureWarnings(entries: EnrichedEntry[], dropped: DroppedItem[]): string[] {
  const reasons = [
    ...entries.map((e) => e.intel?.relevance.reason ?? ''),
    ...dropped.map((d) => d.reason),
  ];
  const hits = new Map<string, number>();
  for (const reason of reasons) {
    const failure = RULE_FAILED.exec(reason)?.[0];
    if (failure) hits.set(failure, (hits.get(failure) ?? 0) + 1);
  }
  return [...hits].map(([failure, count]) => `${failure}, on ${count} item(s)`);
}
