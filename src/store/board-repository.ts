// Reads behind the board's pages, feeds and API. Lists page by keyset ((publishedAt or
// firstSeenAt), _id), never by skip, so deep pages cost the same as the first and a deleted item
// breaks no cursor.
import { type Connection, isValidObjectId, type Model } from 'mongoose';
import type { PageRequest } from '../domain/board-query.ts';
import type { Cursor, ListOrder } from '../domain/cursor.ts';
import type { EntryType } from '../domain/entry.ts';
import {
  boardJobBase,
  cursorFilter,
  type Filter,
  listedFilter,
  orderField,
} from './board-filters.ts';
import { type EntryDoc, entryModel } from './models/entry.ts';
import { type SourceDoc, sourceModel } from './models/source.ts';

/** One page of a newest-first list, with the positions to continue from. */
export type EntryPage = {
  items: EntryDoc[];
  /** Matches of the whole search, not just this page. */
  total: number;
  /** Cursor for the next-newer page (a `before` link), or null on the first page. */
  newer: Cursor | null;
  /** Cursor for the next-older page (an `after` link), or null on the last page. */
  older: Cursor | null;
  /**
   * Where anything newer than this page would begin: its first item, or for an empty page the
   * `before` cursor it was asked with; null when neither exists. What a client polls for news.
   */
  newest: Cursor | null;
};

// Lists never need the full description or the search tokens.
const listProjection = { html: 0, terms: 0, contentHash: 0 } as const;
const NEWEST_FIRST = { publishedAt: -1, _id: -1 } as const;
const newestFirst = (order: ListOrder) => ({ [orderField(order)]: -1 as const, _id: -1 as const });
const oldestFirst = (order: ListOrder) => ({ [orderField(order)]: 1 as const, _id: 1 as const });

/**
 * One page of entries matching `filter`, newest first in the page's order. The added order
 * lists only entries stored before `now` less the settling time (see settledFilter).
 */
export async function findEntryPage(
  connection: Connection,
  type: EntryType,
  filter: Filter,
  page: PageRequest & { limit: number; now?: Date },
): Promise<EntryPage> {
  const model = entryModel(connection, type);
  const { after, before, limit } = page;
  const order: ListOrder = page.sort ?? 'published';
  const listed = listedFilter(filter, order, page.now ?? new Date());
  const position = after
    ? cursorFilter(after, 'older')
    : before
      ? cursorFilter(before, 'newer')
      : null;
  const paged = position ? and(listed, position) : listed;
  const [rows, total] = await Promise.all([
    model
      .find(paged, listProjection)
      .sort(before ? oldestFirst(order) : newestFirst(order))
      .limit(limit + 1)
      .lean<EntryDoc[]>(),
    model.countDocuments(listed),
  ]);
  const more = rows.length > limit;
  const items = rows.slice(0, limit);
  if (before) items.reverse();
  const first = items[0];
  const last = items.at(-1);
  const hasNewer = before ? more : Boolean(after);
  const hasOlder = before ? true : more;
  return {
    items,
    total,
    newer: hasNewer && first ? positionOf(first, order) : null,
    older: hasOlder && last ? positionOf(last, order) : null,
    newest: first ? positionOf(first, order) : (before ?? null),
  };
}

const and = (a: Filter, b: Filter): Filter => ({ $and: [a, b] });

/** One entry with its full description, or null for an unknown or malformed id. */
export async function findEntry(
  connection: Connection,
  type: EntryType,
  id: string,
): Promise<EntryDoc | null> {
  if (!isValidObjectId(id) || !/^[0-9a-f]{24}$/i.test(id)) return null;
  return entryModel(connection, type).findById(id, { terms: 0 }).lean<EntryDoc>();
}

/**
 * The newest entries of a filter, by publication date or by when the board stored them: the
 * home page's columns and the feeds' items.
 */
export async function findNewest(
  connection: Connection,
  type: EntryType,
  filter: Filter,
  limit: number,
  options: { withHtml?: boolean; order?: ListOrder } = {},
): Promise<EntryDoc[]> {
  return entryModel(connection, type)
    .find(filter, options.withHtml ? { terms: 0 } : listProjection)
    .sort(newestFirst(options.order ?? 'published'))
    .limit(limit)
    .lean<EntryDoc[]>();
}

/**
 * Stack tags by how many of the newest `sample` board jobs carry them, most frequent first;
 * `filter` narrows the jobs (a visitor's block list).
 */
export async function popularTags(
  connection: Connection,
  options: { sample: number; top: number; filter?: Filter },
): Promise<Array<{ tag: string; count: number }>> {
  // Counted here rather than with $unwind: FerretDB 1.24 mis-groups unwound nested arrays.
  const rows = await entryModel(connection, 'jobs')
    .find(options.filter ?? boardJobBase, { 'intel.stackTags': 1 })
    .sort(NEWEST_FIRST)
    .limit(options.sample)
    .lean<Array<Pick<EntryDoc, 'intel'>>>();
  const counts = new Map<string, number>();
  for (const row of rows)
    for (const tag of row.intel?.stackTags ?? []) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  return [...counts]
    .map(([tag, count]) => ({ tag, count }))
    .sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag))
    .slice(0, options.top);
}

/**
 * How many entries each source has on the board (open primaries for jobs), by source id: its
 * own and those first listed elsewhere that it lists too, as its filter shows them.
 */
export async function entryCountsBySource(
  connection: Connection,
  type: EntryType,
): Promise<Map<string, number>> {
  const match = type === 'jobs' ? boardJobBase : { duplicateOf: null };
  const model = entryModel(connection, type) as Model<EntryDoc>;
  const own = await model.aggregate<{ _id: unknown; n: number }>([
    { $match: match },
    { $group: { _id: '$sourceId', n: { $sum: 1 } } },
  ]);
  const listedToo = async (field: 'alsoListedOn' | 'sharedWith') =>
    model.aggregate<{ _id: unknown; n: number }>([
      { $match: { ...match, [`${field}.0`]: { $exists: true } } },
      { $unwind: `$${field}` },
      { $group: { _id: `$${field}.sourceId`, n: { $sum: 1 } } },
    ]);
  const counts = new Map<string, number>();
  for (const row of [
    ...own,
    ...(await listedToo('alsoListedOn')),
    ...(await listedToo('sharedWith')),
  ])
    counts.set(String(row._id), (counts.get(String(row._id)) ?? 0) + row.n);
  return counts;
}

/** Counts of a filter, for the board's headline numbers. */
export function countEntries(
  connection: Connection,
  type: EntryType,
  filter: Filter,
): Promise<number> {
  return entryModel(connection, type).countDocuments(filter);
}

/** Open board jobs for the sitemap: id, title and last change, newest first. */
export async function sitemapJobs(
  connection: Connection,
  limit: number,
): Promise<Array<Pick<EntryDoc, '_id' | 'title' | 'job' | 'changedAt' | 'publishedAt'>>> {
  return entryModel(connection, 'jobs')
    .find(boardJobBase, { title: 1, 'job.role': 1, changedAt: 1, publishedAt: 1 })
    .sort(NEWEST_FIRST)
    .limit(limit)
    .lean<Array<Pick<EntryDoc, '_id' | 'title' | 'job' | 'changedAt' | 'publishedAt'>>>();
}

/** Every source, for the public sources page. */
export async function allSources(connection: Connection): Promise<SourceDoc[]> {
  return sourceModel(connection).find({}).lean<SourceDoc[]>();
}

/** The origins of the given source ids, by id (names and terms for attribution). */
export async function sourcesById(
  connection: Connection,
  ids: string[],
): Promise<Map<string, SourceDoc>> {
  const unique = [...new Set(ids)].filter((id) => isValidObjectId(id));
  // One equality lookup per id: $in is not index-backed on FerretDB.
  const rows = await Promise.all(
    unique.map((id) => sourceModel(connection).findById(id).lean<SourceDoc>()),
  );
  return new Map(rows.filter((r): r is SourceDoc => r !== null).map((r) => [String(r._id), r]));
}

function positionOf(entry: EntryDoc, order: ListOrder): Cursor {
  const at = order === 'added' ? entry.firstSeenAt : entry.publishedAt;
  return { order, at, id: String(entry._id) };
}
