import { createHash } from 'node:crypto';
import type { AnyBulkWriteOperation, Connection, Types } from 'mongoose';
import { articleDedupKey, jobDedupKey } from '../domain/dedup-key.ts';
import type { EnrichedEntry, EntryType } from '../domain/entry.ts';
import { sameTerms } from '../domain/entry-terms.ts';
import { jobStatus } from '../domain/job-status.ts';
import type { SourceTerms } from '../domain/source.ts';
import { bulkUpdate, sendUnordered } from './bulk-updates.ts';
import { resolveDuplicates } from './duplicate-resolver.ts';
import { type EntryDoc, entryModel, type Origin, unshareUpdate } from './models/entry.ts';
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

/** What an entry copies of its source's terms: what they require of the board. */
export function termsFields(terms: SourceTerms) {
  return {
    attribution: { required: terms.attribution, note: terms.note },
    syndication: terms.syndication,
  };
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
    ...termsFields(source.terms),
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
  owner: Owner,
  sourceId: Types.ObjectId,
): AnyBulkWriteOperation<EntryDoc> {
  return {
    updateOne: {
      filter: { _id: owner._id },
      update: { $set: { ...fields.set, sourceId }, ...unshareUpdate(owner.sharedWith, sourceId) },
    },
  };
}

/** The entry that holds a URL a run also lists: whose it is, and who else lists it. */
type Owner = Pick<EntryDoc, '_id' | 'canonicalUrl' | 'sourceId' | 'sourceName' | 'dedupKey'> & {
  sharedWith?: Origin[];
};
const OWNER_FIELDS = { canonicalUrl: 1, sourceId: 1, sourceName: 1, dedupKey: 1, sharedWith: 1 };

/** An item as a claim on its URL, should another entry hold it (see `settleClaims`). */
function claimOf(
  entry: EnrichedEntry,
  source: StoreSource,
  hash: string,
  now: Date,
  policy: StorePolicy,
): Claim {
  return {
    canonicalUrl: entry.canonicalUrl,
    url: entry.url,
    adopt: (owner) => adoptOp(entryFields(entry, source, hash, now, policy), owner, source._id),
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
 * FerretDB. `storedAt` is when the insert goes out (firstSeenAt: the added order's key).
 */
export function newEntryDocument(
  entry: EnrichedEntry,
  source: StoreSource,
  hash: string,
  now: Date,
  policy: StorePolicy,
  storedAt: Date = now,
): EntryDoc {
  const { set, setOnInsert } = entryFields(entry, source, hash, now, policy);
  return {
    ...setOnInsert,
    ...set,
    firstSeenAt: storedAt,
    duplicateOf: null,
    alsoListedOn: [],
  } as unknown as EntryDoc;
}

/** One write of a run, built only when its slice goes out. */
type PlannedWrite = {
  op: () => AnyBulkWriteOperation<EntryDoc>;
  /** For an insert: what to do if another entry holds its URL already (see `settleClaims`). */
  insert?: Claim;
  /** For an insert: its publication time, the order inserts go out in (see `writeAll`). */
  publishedMs?: number;
};

/**
 * An item of this run whose URL another entry may hold: its canonical and visit URL, and the
 * update that adopts that entry if its source was removed.
 */
type Claim = {
  canonicalUrl: string;
  url: string;
  adopt: (owner: Owner) => AnyBulkWriteOperation<EntryDoc>;
};

/** What the writes did: documents written, URLs left to others, groups to resolve again. */
type Written = { written: number; elsewhere: ListedElsewhere; touched: string[] };

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
  source: StoreSource,
  planned: PlannedWrite[],
): Promise<Written> {
  // Oldest published first: entries stored together then list, newest added first, in the
  // order their feed dates them (firstSeenAt and _id both grow with each insert).
  const inserts = planned
    .filter((p) => p.insert)
    .sort((a, b) => (a.publishedMs ?? 0) - (b.publishedMs ?? 0));
  const updates = planned.filter((p) => !p.insert);
  const total: Written = { written: 0, elsewhere: noneElsewhere(), touched: [] };
  for (let offset = 0; offset < inserts.length; offset += WRITE_SLICE) {
    const slice = await insertSlice(
      connection,
      Entry,
      source,
      inserts.slice(offset, offset + WRITE_SLICE),
    );
    total.written += slice.written;
    total.elsewhere = addElsewhere(total.elsewhere, slice.elsewhere);
    total.touched.push(...slice.touched);
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
  source: StoreSource,
  planned: PlannedWrite[],
): Promise<Written> {
  try {
    // Straight to the driver, like every write of a run (see sendUnordered).
    const result = await sendUnordered(
      Entry,
      planned.map((p) => p.op()),
    );
    return { written: result.insertedCount, elsewhere: noneElsewhere(), touched: [] };
  } catch (error) {
    const failed = (error as { writeErrors?: Array<{ index: number; code: number }> }).writeErrors;
    const result = (error as { result?: { insertedCount: number } }).result;
    const refused = failed?.map((e) => planned[e.index]?.insert);
    if (!failed || !result || !refused || failed.some((e, i) => e.code !== 11000 || !refused[i]))
      throw error;
    const claims = refused as Claim[];
    const owners = await Entry.find(
      { canonicalUrl: { $in: claims.map((c) => c.canonicalUrl) } },
      OWNER_FIELDS,
    ).lean<Owner[]>();
    const byUrl = new Map(claims.map((c) => [c.canonicalUrl, c]));
    const settled = await settleClaims(
      connection,
      Entry,
      source,
      owners.flatMap((owner) => {
        const claim = byUrl.get(owner.canonicalUrl);
        return claim ? [{ owner, claim }] : [];
      }),
    );
    return { written: result.insertedCount, ...settled };
  }
}

/**
 * URLs of this run that another entry holds: stored first by another source (the same feed
 * added twice, under a redirect or another query string; a partner republishing the listing).
 * A listing belongs to the source that stored it first, with that source's name, terms and
 * keep/block rules; a run of another source never rewrites it, says how many it left, and is
 * recorded on it (`sharedWith`): it is "also listed on" there, and if its owner stops listing
 * it, this source takes it over (closeMissingJobs). An entry whose source was removed (its
 * items kept) or is disabled (its jobs paused, off the board) is adopted instead: the listing is
 * on the board again, as this source's.
 */
async function settleClaims(
  connection: Connection,
  Entry: ReturnType<typeof entryModel>,
  source: StoreSource,
  claims: Array<{ owner: Owner; claim: Claim }>,
): Promise<Omit<Written, 'written'>> {
  if (claims.length === 0) return { elsewhere: noneElsewhere(), touched: [] };
  const live = new Set(
    (
      await sourceModel(connection)
        .find(
          {
            _id: { $in: [...new Set(claims.map(({ owner }) => String(owner.sourceId)))] },
            enabled: true,
          },
          { _id: 1 },
        )
        .lean()
    ).map((s) => String(s._id)),
  );
  const adopted = claims.filter(({ owner }) => !live.has(String(owner.sourceId)));
  const kept = claims.filter(({ owner }) => live.has(String(owner.sourceId))).map((c) => c.owner);
  // This source's record on each listing it shares: dropped where it went stale (the source's
  // name, or the URL it lists it under, changed), then added where missing.
  const stale: AnyBulkWriteOperation<EntryDoc>[] = [];
  const added: AnyBulkWriteOperation<EntryDoc>[] = [];
  for (const { owner, claim } of claims) {
    if (!live.has(String(owner.sourceId))) continue;
    const me: Origin = { sourceId: source._id, sourceName: source.name, url: claim.url };
    const mine = (owner.sharedWith ?? []).filter((o) => o.sourceId.equals(source._id));
    const current =
      mine.length === 1 && mine[0]?.sourceName === me.sourceName && mine[0]?.url === me.url;
    if (current) continue;
    if (mine.length) stale.push(unshareOp(owner, source._id));
    added.push({
      updateOne: { filter: { _id: owner._id }, update: { $push: { sharedWith: me } } },
    });
  }
  await bulkUpdate(Entry, [...adopted.map(({ owner, claim }) => claim.adopt(owner)), ...stale]);
  // After the stale records are gone: a $push in the same unordered command could run first.
  await bulkUpdate(Entry, added);
  return {
    elsewhere: {
      count: kept.length,
      sources: [...new Set(kept.map((o) => o.sourceName))].sort(),
      sourceIds: [...new Set(kept.map((o) => String(o.sourceId)))].sort(),
    },
    // An adopted entry changes source: its group's origins change with it.
    touched: adopted.map(({ owner }) => owner.dedupKey),
  };
}

// Each source adds and drops only its own records ($push, $pullAll), so two sources' runs on one
// listing cannot undo each other's. A source's own runs never overlap (its run lock).
const unshareOp = (
  owner: Pick<Owner, '_id' | 'sharedWith'>,
  sourceId: Types.ObjectId,
): AnyBulkWriteOperation<EntryDoc> => ({
  updateOne: { filter: { _id: owner._id }, update: unshareUpdate(owner.sharedWith, sourceId) },
});

function addElsewhere(a: ListedElsewhere, b: ListedElsewhere): ListedElsewhere {
  return {
    count: a.count + b.count,
    sources: [...new Set([...a.sources, ...b.sources])].sort(),
    sourceIds: [...new Set([...a.sourceIds, ...b.sourceIds])].sort(),
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
  runClock?: () => Date,
): Promise<UpsertCounts> {
  const Entry = entryModel(connection, source.type);
  // The time an insert goes out, not when the run began: a run can take minutes, and a client
  // polling the added order must not see its entries arrive below a cursor it already passed
  // (board-filters' settledFilter waits out one insert, not a whole run). Without a clock from
  // the caller, `now` stands for it.
  const writeTime = runClock ?? (() => now);
  // This source's entries, and those of others that it lists too (`sharedWith`). Index-backed
  // on MongoDB; FerretDB 1.24's SQLite backend decodes every document for any filter but `_id`
  // equality, so this is one scan per run there (the cost the benchmark's "driver alone"
  // figures show).
  const known = new Map<
    string,
    Pick<
      EntryDoc,
      '_id' | 'contentHash' | 'lastSeenAt' | 'closedReason' | 'dedupKey' | 'changedAt' | 'terms'
    >
  >();
  const shared = new Map<string, Owner>();
  // Its own entries that still record it as sharing them (taken over while its run recorded it).
  const selfShared: Owner[] = [];
  for (const doc of await Entry.find(
    { $or: [{ sourceId: source._id }, { 'sharedWith.sourceId': source._id }] },
    {
      ...OWNER_FIELDS,
      contentHash: 1,
      lastSeenAt: 1,
      closedReason: 1,
      changedAt: 1,
      terms: 1,
    },
  ).lean<
    Array<
      Owner & Pick<EntryDoc, 'contentHash' | 'lastSeenAt' | 'closedReason' | 'changedAt' | 'terms'>
    >
  >()) {
    if (!doc.sourceId.equals(source._id)) shared.set(doc.canonicalUrl, doc);
    else {
      known.set(doc.canonicalUrl, doc);
      if (doc.sharedWith?.some((o) => o.sourceId.equals(source._id))) selfShared.push(doc);
    }
  }
  const claims: Array<{ owner: Owner; claim: Claim }> = [];
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
    const owner = shared.get(entry.canonicalUrl);
    if (owner) {
      // Another source's listing, as recorded before: no insert to refuse.
      claims.push({ owner, claim: claimOf(entry, source, hash, now, policy) });
      shared.delete(entry.canonicalUrl);
      continue;
    }
    const stored = known.get(entry.canonicalUrl);
    if (stored && stored.changedAt.getTime() > lastSuccess) touchedKeys.add(stored.dedupKey);
    // Stored entries are written by _id: FerretDB hands that filter to SQLite, which still reads
    // every row (its _id index is not on the expression its queries use) but only for the _id,
    // about 5x cheaper than decoding every document for a canonicalUrl filter.
    const key = dedupKeyOf(entry);
    // A changed key (a new way of grouping copies) or changed search terms (a new way of
    // reading them, such as accent-free spellings) rewrite the entry too, so stored entries
    // take it at their next full read rather than when their text next changes.
    if (
      stored?.contentHash === hash &&
      stored.dedupKey === key &&
      sameTerms(stored.terms, entry.terms)
    ) {
      unchanged++;
      const set: Record<string, unknown> = {};
      if (now.getTime() - stored.lastSeenAt.getTime() > lastSeenRefreshMs) set.lastSeenAt = now;
      // Listed again after it had disappeared: open again, and first of its group again if it was.
      // (Or paused with its source, had enabling it not reopened it.)
      if (stored.closedReason === 'no_longer_listed' || stored.closedReason === 'source_paused') {
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
          insertOne: {
            document: newEntryDocument(entry, source, hash, now, policy, writeTime()),
          },
        }),
        insert: claimOf(entry, source, hash, now, policy),
        // Undated, it is dated when first seen: now.
        publishedMs: (entry.publishedAt ?? now).getTime(),
      });
    }
  }
  // Listings of others this source no longer lists: it is not "also listed on" them any more.
  const gone = [...shared.values(), ...selfShared].map((owner) => unshareOp(owner, source._id));
  if (planned.length === 0 && touchedKeys.size === 0 && claims.length === 0 && gone.length === 0)
    return { new: 0, updated, unchanged };
  const recorded = await settleClaims(connection, Entry, source, claims);
  await bulkUpdate(Entry, gone);
  const written = planned.length
    ? await writeAll(connection, Entry, source, planned)
    : { written: 0, elsewhere: noneElsewhere(), touched: [] };
  const inserted = written.written;
  const elsewhere = addElsewhere(recorded.elsewhere, written.elsewhere);
  await resolveDuplicates(
    Entry,
    [...new Set([...touchedKeys, ...recorded.touched, ...written.touched])],
    policy.dedupWindowDays,
  );
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
