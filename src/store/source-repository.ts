import { type Connection, isValidObjectId, Types } from 'mongoose';
import { feedUrlKey } from '../domain/canonical-url.ts';
import type { SourceInput } from '../domain/source.ts';
import { AppError } from '../lib/errors.ts';
import { bulkUpdate } from './bulk-updates.ts';
import { resolveDuplicates } from './duplicate-resolver.ts';
import { resumeSourceJobs } from './expiry-repository.ts';
import { entryModel, type Origin, unshareUpdate } from './models/entry.ts';
import {
  emptyHealth,
  type LastRead,
  type RunSummary,
  type SourceDoc,
  sourceModel,
} from './models/source.ts';
import { relabelEntries } from './source-relabel.ts';

/** The form a source URL is stored in, so the same feed is one source (see feedUrlKey). */
export function sourceUrlKey(url: string): string {
  return feedUrlKey(url) ?? new URL(url).toString();
}

/** Adds a source; a URL already present is an `already_exists` error naming the existing one. */
export async function createSource(connection: Connection, input: SourceInput): Promise<SourceDoc> {
  const Source = sourceModel(connection);
  const url = sourceUrlKey(input.url);
  const existing = await Source.findOne({ url }).lean();
  if (existing)
    throw new AppError(
      'already_exists',
      `a source for ${url} already exists: ${existing._id} (${existing.name})`,
    );
  const doc = await Source.create({
    ...input,
    url,
    fetchState: { etag: null, lastModified: null, bodyHash: null, finalUrl: null },
    health: emptyHealth(),
  });
  return doc.toObject();
}

/** Inserts the sources whose URLs are not stored yet; returns how many were added. */
export async function insertMissingSources(
  connection: Connection,
  inputs: SourceInput[],
): Promise<number> {
  const Source = sourceModel(connection);
  let added = 0;
  for (const input of inputs) {
    const url = sourceUrlKey(input.url);
    const result = await Source.updateOne(
      { url },
      {
        $setOnInsert: {
          ...input,
          url,
          fetchState: { etag: null, lastModified: null, bodyHash: null, finalUrl: null },
          health: emptyHealth(),
        },
      },
      { upsert: true, timestamps: true },
    );
    added += result.upsertedCount;
  }
  return added;
}

/** A source by id, or undefined (also for a malformed id). */
export async function findSource(
  connection: Connection,
  id: string,
): Promise<SourceDoc | undefined> {
  if (!isValidObjectId(id)) return undefined;
  return (await sourceModel(connection).findById(id).lean()) ?? undefined;
}

/** Every source, by name (case-insensitively) for stable listings. */
export async function listSources(
  connection: Connection,
  filter: { enabled?: boolean } = {},
): Promise<SourceDoc[]> {
  const query = filter.enabled === undefined ? {} : { enabled: filter.enabled };
  const sources = await sourceModel(connection).find(query).lean();
  return sources.sort(
    (a, b) =>
      a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || a.url.localeCompare(b.url),
  );
}

/**
 * Records a successful run: counts, the failure streak reset, and the fetch state it read
 * (`fetchState.resets` as the run found it).
 */
export async function recordRunSuccess(
  connection: Connection,
  id: Types.ObjectId | string,
  run: RunSummary,
  fetchState: SourceDoc['fetchState'],
  lastRead?: LastRead,
): Promise<void> {
  const _id = new Types.ObjectId(String(id));
  const { resets = 0, ...validators } = fetchState;
  const health = {
    $set: {
      'health.lastFetchedAt': run.at,
      'health.lastSuccessAt': run.at,
      'health.consecutiveFailures': 0,
      'health.lastRun': run,
      'health.waiting': null,
      ...(lastRead ? { 'health.lastRead': lastRead } : {}),
    },
    $inc: {
      'health.totalRuns': 1,
      'health.totalNew': run.new,
      'health.totalUpdated': run.updated,
    },
  };
  // One write with the fetch state, if no clear happened since the run read the source (see
  // `fetchState.resets`); else a second, without it, so the clear stands.
  const unchanged = resets
    ? { 'fetchState.resets': resets }
    : { 'fetchState.resets': { $exists: false } };
  const written = await sourceModel(connection).updateOne(
    { _id, ...unchanged },
    {
      ...health,
      $set: { ...health.$set, fetchState: { ...validators, ...(resets ? { resets } : {}) } },
    },
  );
  if (written.matchedCount === 0) await sourceModel(connection).updateOne({ _id }, health);
}

/** Records that a run was held back by the host's politeness: no run, no failure, just why. */
export async function recordRunWaiting(
  connection: Connection,
  id: Types.ObjectId | string,
  waiting: { until: Date; reason: string },
): Promise<void> {
  await sourceModel(connection).updateOne(
    { _id: new Types.ObjectId(String(id)) },
    { $set: { 'health.waiting': waiting } },
  );
}

/**
 * Records a failed run; returns the failure streak after it. A retry of a run that failed
 * (`retry`) records its error but counts no new failure: the streak, and the backoff it drives,
 * count runs, not the queue's attempts at one. It still leaves a streak of at least one, since
 * a success in between (an operator's "fetch now") may have cleared it.
 */
export async function recordRunFailure(
  connection: Connection,
  id: Types.ObjectId | string,
  run: RunSummary,
  error: { message: string; code: string; status: number | null },
  { retry = false }: { retry?: boolean } = {},
): Promise<number> {
  const set = {
    'health.lastFetchedAt': run.at,
    'health.lastError': { ...error, at: run.at },
    'health.lastRun': run,
    'health.waiting': null,
  };
  const update = retry
    ? { $set: set, $max: { 'health.consecutiveFailures': 1 } }
    : {
        $set: set,
        $inc: { 'health.consecutiveFailures': 1, 'health.totalRuns': 1, 'health.totalFailures': 1 },
      };
  const updated = await sourceModel(connection)
    .findOneAndUpdate({ _id: new Types.ObjectId(String(id)) }, update, { returnDocument: 'after' })
    .lean();
  return updated?.health.consecutiveFailures ?? 0;
}

/** Updates an existing source's settings. */
export async function updateSource(
  connection: Connection,
  id: string,
  changes: Partial<Pick<SourceDoc, 'enabled' | 'intervalMinutes' | 'name'>>,
): Promise<SourceDoc | undefined> {
  if (!isValidObjectId(id)) return undefined;
  return (
    (await sourceModel(connection)
      .findByIdAndUpdate(id, { $set: changes }, { returnDocument: 'after' })
      .lean()) ?? undefined
  );
}

/** The settings that decide what a run reads: changing any of them makes the next run start fresh. */
const readingSettings = ['url', 'kind', 'selectors', 'options'] as const;

/**
 * Replaces an existing source's settings with the operator's edited ones. Refuses a URL another
 * source has (`already_exists`) and a jobs⇄articles switch while items are stored under the old
 * type (`type_has_items`): those items would be orphaned in the other collection.
 * Returns the source before and after, or undefined when there is no such source.
 */
export async function replaceSourceSettings(
  connection: Connection,
  id: string,
  input: SourceInput,
): Promise<{ before: SourceDoc; after: SourceDoc } | undefined> {
  const before = await findSource(connection, id);
  if (!before) return undefined;
  const Source = sourceModel(connection);
  const url = sourceUrlKey(input.url);
  const clash = await Source.findOne({ url, _id: { $ne: before._id } }).lean();
  if (clash)
    throw new AppError(
      'already_exists',
      `a source for ${url} already exists: ${clash._id} (${clash.name})`,
    );
  if (input.type !== before.type) {
    const stored = await entryModel(connection, before.type).countDocuments({
      sourceId: before._id,
    });
    if (stored > 0)
      throw new AppError(
        'type_has_items',
        `${stored} ${before.type} from this source are stored: delete the source (keeping or removing them) and add it again as ${input.type}`,
      );
  }
  const next = { ...input, url, selectors: input.selectors ?? null };
  // A new URL or recipe must not be skipped as "unchanged" by the old validators or body hash.
  const rereads = readingSettings.some(
    (key) => JSON.stringify(before[key] ?? null) !== JSON.stringify(next[key] ?? null),
  );
  const after = await Source.findByIdAndUpdate(
    before._id,
    rereads ? { $set: { ...next, ...clearedValidators }, ...countReset } : { $set: next },
    { returnDocument: 'after' },
  ).lean();
  if (after) await relabelEntries(connection, after, before, after);
  return after ? { before, after } : undefined;
}

/** Clears what makes a source's next run skip an unchanged feed: it reads the whole feed. */
const clearedValidators = {
  'fetchState.etag': null,
  'fetchState.lastModified': null,
  'fetchState.bodyHash': null,
  'fetchState.finalUrl': null,
};
/** Counted, so that a run in flight does not write back the validators just cleared. */
const countReset = { $inc: { 'fetchState.resets': 1 } };

/** Has the matching sources read their whole feed at their next run (validators cleared). */
export async function rereadFeeds(
  connection: Connection,
  filter: Record<string, unknown>,
): Promise<void> {
  await sourceModel(connection).updateMany(filter, { $set: clearedValidators, ...countReset });
}

/**
 * Deletes a source; with `removeItems` its stored jobs or articles go too. Returns how many.
 *
 * What other sources list is not lost with it. A copy whose first listing goes becomes the
 * listing (its duplicate group is regrouped at once). A URL that another source also lists was
 * left to the deleted one (a listing belongs to the source that stored it first), and those
 * sources would answer "not modified" until their feed changed: their next run reads the whole
 * feed again, and stores or adopts what is theirs now.
 */
export async function deleteSource(
  connection: Connection,
  source: Pick<SourceDoc, '_id' | 'type'>,
  removeItems: boolean,
  policy: { dedupWindowDays: number; maxJobAgeDays: number },
): Promise<{ removedItems: number }> {
  const Entry = entryModel(connection, source.type);
  let removedItems = 0;
  if (removeItems) {
    const keys = await Entry.distinct('dedupKey', { sourceId: source._id });
    removedItems = (await Entry.deleteMany({ sourceId: source._id })).deletedCount;
    await resolveDuplicates(Entry, keys, policy.dedupWindowDays);
  } else if (source.type === 'jobs') {
    // Kept items stay on the board: a disabled source's paused jobs too, since nothing could
    // enable them again once the source is gone.
    await resumeSourceJobs(connection, source._id, new Date(), policy);
  }
  await sourceModel(connection).deleteOne({ _id: source._id });
  await rereadFeeds(connection, {
    type: source.type,
    $or: [
      { 'health.lastRead.listedBy': String(source._id) },
      // Last read before reads kept who else lists their items: they may, so they read again.
      { 'health.lastRead.listedBy': { $exists: false } },
    ],
  });
  // Listings of others it listed too no longer name it.
  const listed = await Entry.find({ 'sharedWith.sourceId': source._id }, { sharedWith: 1 }).lean<
    Array<{ _id: Types.ObjectId; sharedWith: Origin[] }>
  >();
  await bulkUpdate(
    Entry,
    listed.map(({ _id, sharedWith }) => ({
      updateOne: {
        filter: { _id },
        update: unshareUpdate(sharedWith, source._id),
      },
    })),
  );
  return { removedItems };
}
