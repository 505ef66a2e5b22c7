// An article card: it links out to the origin, with reading time and source.
import { type EntryDoc, otherListings } from '../../store/models/entry.ts';
import { formatDay, postedAgo, topicName } from '../format.ts';

export type ArticleCard = {
  id: string;
  url: string;
  title: string;
  summary: string;
  author: string | null;
  readingMinutes: number | null;
  topics: Array<{ slug: string; name: string }>;
  postedAgo: string;
  postedIso: string;
  postedDay: string;
  /** When the board added it, shown in the added order only. */
  addedAgo: string | null;
  addedIso: string;
  sourceName: string;
  sourceId: string;
  /** The same article on other sources: its copies are not listed themselves. */
  alsoListedOn: Array<{ sourceName: string; url: string }>;
};

/** The card of a stored article. */
/** `added`: the list is in the order entries were added, so the card says when. */
export function articleCard(article: EntryDoc, now: Date, { added = false } = {}): ArticleCard {
  const intel = article.articleIntel;
  return {
    id: String(article._id),
    url: article.url,
    title: article.title,
    summary: article.summary,
    author: article.author,
    readingMinutes: intel?.readingMinutes ?? null,
    topics: (intel?.topics ?? []).slice(0, 4).map((slug) => ({ slug, name: topicName(slug) })),
    postedAgo: postedAgo(article.publishedAt, now),
    postedIso: article.publishedAt.toISOString(),
    postedDay: formatDay(article.publishedAt),
    addedAgo: added ? postedAgo(article.firstSeenAt, now) : null,
    addedIso: article.firstSeenAt.toISOString(),
    sourceName: article.sourceName,
    sourceId: String(article.sourceId),
    alsoListedOn: otherListings(article).map((o) => ({
      sourceName: o.sourceName,
      url: o.url,
    })),
  };
}
