import { createHash } from 'node:crypto';
import type { AnyBulkWriteOperation, Connection, Types } from 'mongoose';
import { articleDedupKey, jobDedupKey } from '../domain/dedup-key.ts';
import type { EnrichedEntry, EntryType } from '../domain/entry.ts';
import { jobStatus } from '../domain/job-status.ts';
import type { SourceTerms } from '../domain/source.ts';
import { bulkUpdate, sendUnordered } from './bulk-updates.ts';
import { resolveDuplicates } from './duplicate-resolver.ts';
import { type EntryDoc, entryModel } from './models/entry.ts';

/** How long an unchanged entry's lastSeenAt may lag before a run refreshes it. */
export const lastSeenRefreshMs = 6 * 60 * 60 * 1000;

export type UpsertCounts = { new: number; updated: number; unchanged: number };
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
  if (entry.type === 'articles') return articleDedupKey(entry.title, entry.canonicalUrl);
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

/** An upsert keyed on the canonical URL: for an entry another source may have stored first. */
function upsertOp(fields: EntryFields, canonicalUrl: string): AnyBulkWriteOperation<EntryDoc> {
  return {
    updateOne: {
      filter: { canonicalUrl },
      update: { $set: fields.set, $setOnInsert: fields.setOnInsert },
      upsert: true,
    },
  };
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

/** One write of a run, built only when its slice goes out; an insert carries its fallback upsert. */
type PlannedWrite = {
  op: () => AnyBulkWriteOperation<EntryDoc>;
  /** For an insert: the upsert to run when another source already stored the URL. */
  upsert?: () => AnyBulkWriteOperation<EntryDoc>;
};

// Writes go out in slices, each built just before it is sent: the driver serializes a batch at
// once, which for a 5 MB feed's 2,600 inserts in one batch held ~170 MB.
const WRITE_SLICE = 250;

/**
 * Runs the writes: inserts in slices, updates a few per command (see bulk-updates.ts); an
 * insert refused because another source stored the URL first becomes an upsert.
 */
async function writeAll(
  Entry: ReturnType<typeof entryModel>,
  planned: PlannedWrite[],
): Promise<number> {
  const inserts = planned.filter((p) => p.upsert);
  const updates = planned.filter((p) => !p.upsert);
  let written = 0;
  for (let offset = 0; offset < inserts.length; offset += WRITE_SLICE) {
    written += await insertSlice(Entry, inserts.slice(offset, offset + WRITE_SLICE));
  }
  for (let offset = 0; offset < updates.length; offset += WRITE_SLICE) {
    const slice = updates.slice(offset, offset + WRITE_SLICE);
    written += (
      await bulkUpdate(
        Entry,
        slice.map((p) => p.op()),
      )
    ).upsertedCount;
  }
  return written;
}

async function insertSlice(
  Entry: ReturnType<typeof entryModel>,
  planned: PlannedWrite[],
): Promise<number> {
  try {
    // Straight to the driver, like every write of a run (see sendUnordered).
    const result = await sendUnordered(
      Entry,
      planned.map((p) => p.op()),
    );
    return result.insertedCount + result.upsertedCount;
  } catch (error) {
    const failed = (error as { writeErrors?: Array<{ index: number; code: number }> }).writeErrors;
    const result = (error as { result?: { insertedCount: number; upsertedCount: number } }).result;
    const upsert = (index: number) => planned[index]?.upsert;
    if (!failed || !result || failed.some((e) => e.code !== 11000 || !upsert(e.index))) throw error;
    const retry = failed.map((e) => (upsert(e.index) as () => AnyBulkWriteOperation<EntryDoc>)());
    const again = await bulkUpdate(Entry, retry);
    return result.insertedCount + result.upsertedCount + again.upsertedCount;
  }
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
    if (stored?.contentHash === hash) {
      unchanged++;
      const set: Record<string, unknown> = {};
      if (now.getTime() - stored.lastSeenAt.getTime() > lastSeenRefreshMs) set.lastSeenAt = now;
      // Listed again after it had disappeared: open again.
      if (stored.closedReason === 'no_longer_listed')
        Object.assign(set, { status: 'open', closedReason: null, closedAt: null });
      if (Object.keys(set).length)
        planned.push({
          op: () => ({ updateOne: { filter: { _id: stored._id }, update: { $set: set } } }),
        });
      continue;
    }
    touchedKeys.add(dedupKeyOf(entry));
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
        upsert: () => upsertOp(entryFields(entry, source, hash, now, policy), entry.canonicalUrl),
      });
    }
  }
  if (planned.length === 0 && touchedKeys.size === 0) return { new: 0, updated, unchanged };
  // An entry stored earlier by another source counts as updated, not new.
  const inserted = planned.length ? await writeAll(Entry, planned) : 0;
  await resolveDuplicates(Entry, [...touchedKeys], policy.dedupWindowDays);
  return {
    new: inserted,
    updated: updated + (entries.length - unchanged - updated - inserted),
    unchanged,
  };
}

/** The canonical URLs a source has stored: which listing items are new (detail pages). */
export async function knownUrls(connection: Connection, source: StoreSource): Promise<Set<string>> {
  const rows = await entryModel(connection, source.type)
    .find({ sourceId: source._id }, { canonicalUrl: 1 })
    .lean<Array<{ canonicalUrl: string }>>();
  return new Set(rows.map((r) => r.canonicalUrl));
}
