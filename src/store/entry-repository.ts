import { createHash } from 'node:crypto';
import type { AnyBulkWriteOperation, Connection, Types } from 'mongoose';
import { articleDedupKey, jobDedupKey } from '../domain/dedup-key.ts';
import type { EnrichedEntry, EntryType } from '../domain/entry.ts';
import { jobStatus } from '../domain/job-status.ts';
import type { SourceTerms } from '../domain/source.ts';
import { bulkUpdate, sendUnordered } from './bulk-updates.ts';
import { resolveDuplicates } from './duplicate-resolver.ts';
import { type EntryDoc, entryModel } from './models/entry.ts';
import { sourceModel } from './models/source.ts';

/** How long an unchanged entry's lastSeenAt may lag before a run refreshes it. */
export const lastSeenRefreshMs = 6 * 60 * 60 * 1000;

export type UpsertCounts = {
  new: number;
  updated: number;
  unchanged: number;
  /** Items whose URL another (existing) source stored first: left as that source keeps them. */
  elsewhere?: ListedElsewhere;
};
/**
 * How many of a run's items another source already lists, and which sources: their names for
 * the operator, their ids so that removing one of them has this source read its feed again.
 */
export type ListedElsewhere = { count: number; sources: string[]; sourceIds: string[] };
export type StorePolicy = { maxJobAgeDays: number; dedupWindowDays: number };
export type StoreSource = {
  _id: Types.ObjectId;
  name: string;
  type: EntryType;
  terms: SourceTerms;
  /** When the source last stored a run in full; absent or null: never. */
  health?: { lastSuccessAt: Date | null };
};

/** A stable hash of what a reader sees of an entry; bookkeeping fields are left out. */
export function contentHash(entry: EnrichedEntry): string {
  const { type: _type, terms: _terms, ...content } = entry;
  return createHash('sha256').update(JSON.stringify(content)).digest('base64url');
}

/** The key that groups copies of one listing across sources. */
export function dedupKeyOf(entry: EnrichedEntry): string {
  if (entry.type === 'articles')
    return articleDedupKey(entry.title, entry.summary, entry.canonicalUrl);
  return jobDedupKey(
    entry.job ?? { company: null, role: null, applyUrl: null },
    entry.title,
    entry.canonicalUrl,
  );
}

type EntryFields = { set: Record<string, unknown>; setOnInsert: Record<string, unknown> };

/** What storing `entry` writes: fields every version sets, and those only a first sighting sets. */
function entryFields(
  entry: EnrichedEntry,
  source: StoreSource,
  hash: string,
  now: Date,
  policy: StorePolicy,
): EntryFields {
  const { type: _type, publishedAt, ...fields } = entry;
  const state =
    entry.type === 'jobs'
      ? jobStatus(entry.job, publishedAt, now, policy.maxJobAgeDays)
      : { status: 'open' as const, reason: null };
  const set: Record<string, unknown> = {
    ...fields,
    sourceName: source.name,
    attribution: { required: source.terms.attribution, note: source.terms.note },
    syndication: source.terms.syndication,
    status: state.status,
    closedReason: state.reason,
    closedAt: state.status === 'closed' ? now : null,
    dedupKey: dedupKeyOf(entry),
    contentHash: hash,
    lastSeenAt: now,
    changedAt: now,
  };
  const setOnInsert: Record<string, unknown> = { sourceId: source._id, firstSeenAt: now };
  // A missing source date becomes the first-seen time, once.
  if (publishedAt) set.publishedAt = publishedAt;
  else setOnInsert.publishedAt = now;
  return { set, setOnInsert };
}

/**
 * Takes over an entry whose source no longer exists (removed with its items kept, then added
 * again): the listing is this source's now, and its first sighting stays.
 */
function adoptOp(
  fields: EntryFields,
  id: Types.ObjectId,
  sourceId: Types.ObjectId,
): AnyBulkWriteOperation<EntryDoc> {
  return { updateOne: { filter: { _id: id }, update: { $set: { ...fields.set, sourceId } } } };
}

/** A new version of an entry this source stored before, addressed by its _id. */
function updateOp(fields: EntryFields, id: Types.ObjectId): AnyBulkWriteOperation<EntryDoc> {
  return { updateOne: { filter: { _id: id }, update: { $set: fields.set } } };
}

/**
 * The document a first sighting of `entry` stores (also how benchmarks seed a board). Inserted
 * whole: a plain insert keeps every field (FerretDB 1.24 drops null and [] values from
 * $setOnInsert) and, unlike an upsert keyed on a non-_id field, costs no collection scan on
 * FerretDB.
 */
export function newEntryDocument(
  entry: EnrichedEntry,
  source: StoreSource,
  hash: string,
  now: Date,
  policy: StorePolicy,
): EntryDoc {
  const { set, setOnInsert } = entryFields(entry, source, hash, now, policy);
  return { ...setOnInsert, ...set, duplicateOf: null, alsoListedOn: [] } as unknown as EntryDoc;
}

/** One write of a run, built only when its slice goes out. */
type PlannedWrite = {
  op: () => AnyBulkWriteOperation<EntryDoc>;
  /** For an insert: its URL, and the update that adopts an entry left by a removed source. */
  insert?: { canonicalUrl: string; adopt: (id: Types.ObjectId) => AnyBulkWriteOperation<EntryDoc> };
};

type Written = { written: number; elsewhere: ListedElsewhere };

const noneElsewhere = (): ListedElsewhere => ({ count: 0, sources: [], sourceIds: [] });

// Writes go out in slices, each built just before it is sent: the driver serializes a batch at
// once, which for a 5 MB feed's 2,600 inserts in one batch held ~170 MB.
const WRITE_SLICE = 250;

/**
 * Runs the writes: inserts in slices, updates a few per command (see bulk-updates.ts). An insert
 * refused because the URL is stored already belongs to another source (see `claimedElsewhere`).
 */
async function writeAll(
  connection: Connection,
  Entry: ReturnType<typeof entryModel>,
  planned: PlannedWrite[],
): Promise<Written> {
  const inserts = planned.filter((p) => p.insert);
  const updates = planned.filter((p) => !p.insert);
  const total: Written = { written: 0, elsewhere: noneElsewhere() };
  for (let offset = 0; offset < inserts.length; offset += WRITE_SLICE) {
    const slice = await insertSlice(connection, Entry, inserts.slice(offset, offset + WRITE_SLICE));
    total.written += slice.written;
    total.elsewhere.count += slice.elsewhere.count;
    total.elsewhere.sources = [
      ...new Set([...total.elsewhere.sources, ...slice.elsewhere.sources]),
    ];
    total.elsewhere.sourceIds = [
      ...new Set([...total.elsewhere.sourceIds, ...slice.elsewhere.sourceIds]),
    ];
  }
  for (let offset = 0; offset < updates.length; offset += WRITE_SLICE) {
    const slice = updates.slice(offset, offset + WRITE_SLICE);
    total.written += (
      await bulkUpdate(
        Entry,
        slice.map((p) => p.op()),
      )
    ).upsertedCount;
  }
  return total;
}

async function insertSlice(
  connection: Connection,
  Entry: ReturnType<typeof entryModel>,
  planned: PlannedWrite[],
): Promise<Written> {
  try {
    // Straight to the driver, like every write of a run (see sendUnordered).
    const result = await sendUnordered(
      Entry,
      planned.map((p) => p.op()),
    );
    return { written: result.insertedCount, elsewhere: noneElsewhere() };
  } catch (error) {
    const failed = (error as { writeErrors?: Array<{ index: number; code: number }> }).writeErrors;
    const result = (error as { result?: { insertedCount: number } }).result;
    const refused = failed?.map((e) => planned[e.index]?.insert);
    if (!failed || !result || !refused || failed.some((e, i) => e.code !== 11000 || !refused[i]))
      throw error;
    const claimed = await claimedElsewhere(
      connection,
      Entry,
      refused as NonNullable<PlannedWrite['insert']>[],
    );
    return { written: result.insertedCount, elsewhere: claimed };
  }
}

/**
 * The refused inserts: URLs another source stored first (the same feed added twice, under a
 * redirect or another query string; a partner republishing the listing). A listing belongs to
 * the source that stored it first, with that source's name, terms and keep/block rules; a run
 * of another source never rewrites it, and says how many it left. An entry whose source was
 * removed (its items kept) is adopted instead.
 */
async function claimedElsewhere(
  connection: Connection,
  Entry: ReturnType<typeof entryModel>,
  refused: NonNullable<PlannedWrite['insert']>[],
): Promise<ListedElsewhere> {
  const byUrl = new Map(refused.map((r) => [r.canonicalUrl, r]));
  const owners = await Entry.find(
    { canonicalUrl: { $in: [...byUrl.keys()] } },
    { canonicalUrl: 1, sourceId: 1, sourceName: 1 },
  ).lean();
  const live = new Set(
    (
      await sourceModel(connection)
        .find({ _id: { $in: [...new Set(owners.map((o) => String(o.sourceId)))] } }, { _id: 1 })
        .lean()
    ).map((s) => String(s._id)),
  );
  const adopted = owners.filter((o) => !live.has(String(o.sourceId)));
  await bulkUpdate(
    Entry,
    adopted.map((o) =>
      (byUrl.get(o.canonicalUrl) as NonNullable<PlannedWrite['insert']>).adopt(o._id),
    ),
  );
  const kept = owners.filter((o) => live.has(String(o.sourceId)));
  return {
    count: kept.length,
    sources: [...new Set(kept.map((o) => o.sourceName))].sort(),
    sourceIds: [...new Set(kept.map((o) => String(o.sourceId)))].sort(),
  };
}

/**
 * Stores a run's entries in one bulk write keyed on the canonical URL within the type.
 * Entries whose content hash is unchanged are not written (but for a coarse lastSeenAt, or
 * reopening a listing that came back); then duplicate groups touched by the run are resolved.
 */
export async function upsertEntries(
  connection: Connection,
  source: StoreSource,
  entries: EnrichedEntry[],
  now: Date,
  policy: StorePolicy,
): Promise<UpsertCounts> {
  const Entry = entryModel(connection, source.type);
  // Index-backed on MongoDB; FerretDB 1.24's SQLite backend decodes every document for any
  // filter but `_id` equality, so this is one scan per run there (the cost the benchmark's
  // "driver alone" figures show).
  const known = new Map<
    string,
    Pick<EntryDoc, '_id' | 'contentHash' | 'lastSeenAt' | 'closedReason' | 'dedupKey' | 'changedAt'>
  >();
  for (const doc of await Entry.find(
    { sourceId: source._id },
    { canonicalUrl: 1, contentHash: 1, lastSeenAt: 1, closedReason: 1, dedupKey: 1, changedAt: 1 },
  ).lean()) {
    known.set(doc.canonicalUrl, doc);
  }
  const planned: PlannedWrite[] = [];
  const touchedKeys = new Set<string>();
  // An entry written after the source last succeeded was stored by an attempt that failed,
  // perhaps before it resolved the entry's duplicate group. The retry finds it unchanged, so its
  // group is resolved again here; otherwise its copies would stay unmarked until it next changed.
  const lastSuccess = source.health?.lastSuccessAt?.getTime() ?? Number.NEGATIVE_INFINITY;
  let unchanged = 0;
  let updated = 0;
  for (const entry of entries) {
    const hash = contentHash(entry);
    const stored = known.get(entry.canonicalUrl);
    if (stored && stored.changedAt.getTime() > lastSuccess) touchedKeys.add(stored.dedupKey);
    // Stored entries are written by _id: FerretDB hands that filter to SQLite, which still reads
    // every row (its _id index is not on the expression its queries use) but only for the _id,
    // about 5x cheaper than decoding every document for a canonicalUrl filter.
    const key = dedupKeyOf(entry);
    // A changed key (a new way of grouping copies) rewrites the entry too, so stored entries
    // regroup at their next run rather than when their text next changes.
    if (stored?.contentHash === hash && stored.dedupKey === key) {
      unchanged++;
      const set: Record<string, unknown> = {};
      if (now.getTime() - stored.lastSeenAt.getTime() > lastSeenRefreshMs) set.lastSeenAt = now;
      // Listed again after it had disappeared: open again, and first of its group again if it was.
      if (stored.closedReason === 'no_longer_listed') {
        Object.assign(set, { status: 'open', closedReason: null, closedAt: null });
        touchedKeys.add(stored.dedupKey);
      }
      if (Object.keys(set).length)
        planned.push({
          op: () => ({ updateOne: { filter: { _id: stored._id }, update: { $set: set } } }),
        });
      continue;
    }
    touchedKeys.add(key);
    if (stored) {
      updated++;
      // An edit can move a listing out of its old group; that group is resolved again too.
      touchedKeys.add(stored.dedupKey);
      planned.push({
        op: () => updateOp(entryFields(entry, source, hash, now, policy), stored._id),
      });
    } else {
      planned.push({
        op: () => ({
          insertOne: { document: newEntryDocument(entry, source, hash, now, policy) },
        }),
        insert: {
          canonicalUrl: entry.canonicalUrl,
          adopt: (id) => adoptOp(entryFields(entry, source, hash, now, policy), id, source._id),
        },
      });
    }
  }
  if (planned.length === 0 && touchedKeys.size === 0) return { new: 0, updated, unchanged };
  const { written: inserted, elsewhere } = planned.length
    ? await writeAll(connection, Entry, planned)
    : { written: 0, elsewhere: noneElsewhere() };
  await resolveDuplicates(Entry, [...touchedKeys], policy.dedupWindowDays);
  // An entry adopted from a removed source counts as updated, not new.
  const adopted = entries.length - unchanged - updated - inserted - elsewhere.count;
  return {
    new: inserted,
    updated: updated + adopted,
    unchanged,
    ...(elsewhere.count ? { elsewhere } : {}),
  };
}

/** The canonical URLs a source has stored: which listing items are new (detail pages). */
export async function knownUrls(connection: Connection, source: StoreSource): Promise<Set<string>> {
  const rows = await entryModel(connection, source.type)
    .find({ sourceId: source._id }, { canonicalUrl: 1 })
    .lean<Array<{ canonicalUrl: string }>>();
  return new Set(rows.map((r) => r.canonicalUrl));
}
