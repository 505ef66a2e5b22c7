import type { AnyBulkWriteOperation, Connection, Types } from 'mongoose';
import { jobStatus } from '../domain/job-status.ts';
import { bulkUpdate } from './bulk-updates.ts';
import { resolveDuplicates } from './duplicate-resolver.ts';
import { termsFields } from './entry-repository.ts';
import { type EntryDoc, entryModel, unshareUpdate } from './models/entry.ts';
import { type SourceDoc, sourceModel } from './models/source.ts';
import { rereadFeeds } from './source-repository.ts';

/**
 * Closes open jobs whose expiry passed or that are older than `maxAgeDays`; they stay stored
 * for the record. A range scan, run hourly by the maintenance queue rather than a TTL index
 * (which FerretDB lacks and which would delete them). A closed listing's duplicate group is
 * resolved again: a copy another source still lists openly becomes the job on the board.
 */
export async function closeExpiredJobs(
  connection: Connection,
  now: Date,
  maxAgeDays: number,
  dedupWindowDays: number,
): Promise<{ expired: number; tooOld: number }> {
  const Job = entryModel(connection, 'jobs');
  const expiredFilter = { status: 'open' as const, 'job.expiresAt': { $lte: now } };
  const tooOldFilter = {
    status: 'open' as const,
    publishedAt: { $lt: new Date(now.getTime() - maxAgeDays * 86_400_000) },
  };
  const closing = await Job.find({ $or: [expiredFilter, tooOldFilter] }, { dedupKey: 1 }).lean();
  const expired = await Job.updateMany(expiredFilter, {
    $set: { status: 'closed', closedReason: 'expired', closedAt: now },
  });
  const tooOld = await Job.updateMany(tooOldFilter, {
    $set: { status: 'closed', closedReason: 'too_old', closedAt: now },
  });
  await resolveDuplicates(Job, groupKeys(closing), dedupWindowDays);
  return { expired: expired.modifiedCount, tooOld: tooOld.modifiedCount };
}

/**
 * For a source that lists all its open jobs: its open jobs missing from this run. One that
 * another source lists under the same URL (`sharedWith`) is handed over to that source, which
 * reads its whole feed at its next run to rewrite it as its own; the others are closed. Their
 * duplicate groups are resolved again (see closeExpiredJobs).
 */
export async function closeMissingJobs(
  connection: Connection,
  sourceId: Types.ObjectId,
  present: Set<string>,
  now: Date,
  dedupWindowDays: number,
): Promise<{ closed: number; handedOver: number }> {
  const open = await openJobsOf(connection, sourceId);
  const missing = open.filter((doc) => !present.has(doc.canonicalUrl));
  const done = await closeOrHandOver(connection, missing, 'no_longer_listed', now, dedupWindowDays);
  return { closed: done.closed, handedOver: done.handedOver };
}

/**
 * A disabled source's open jobs leave the board: nobody follows them any more, so their closing
 * would go unnoticed. They are kept, closed as `source_paused`, and come back when the source is
 * enabled (resumeSourceJobs); one another source lists at the same URL is handed over to it.
 */
export async function pauseSourceJobs(
  connection: Connection,
  sourceId: Types.ObjectId,
  now: Date,
  dedupWindowDays: number,
): Promise<{ paused: number; copies: number; handedOver: number }> {
  const open = await openJobsOf(connection, sourceId);
  const done = await closeOrHandOver(connection, open, 'source_paused', now, dedupWindowDays);
  // Nor is it "also listed on" other sources' jobs at the same address, or counted in them: it
  // is not followed. Enabled again, its first run reads its whole feed and records them again.
  const Job = entryModel(connection, 'jobs');
  const shared = await Job.find({ 'sharedWith.sourceId': sourceId }, { sharedWith: 1 }).lean<
    Array<Pick<EntryDoc, '_id' | 'sharedWith'>>
  >();
  await bulkUpdate(
    Job,
    shared.map((doc) => ({
      updateOne: { filter: { _id: doc._id }, update: unshareUpdate(doc.sharedWith, sourceId) },
    })),
  );
  // Copies of other sources' listings were not on the board as listings of their own.
  const copies = open.filter((d) => d.duplicateOf && !done.handedOverIds.has(String(d._id)));
  return { paused: done.closed, copies: copies.length, handedOver: done.handedOver };
}

/**
 * An enabled source's paused jobs are open again, but for those that expired or grew too old
 * meanwhile: closed for that reason now, as the hourly expiry would have.
 */
export async function resumeSourceJobs(
  connection: Connection,
  sourceId: Types.ObjectId,
  now: Date,
  policy: { maxJobAgeDays: number; dedupWindowDays: number },
): Promise<{ resumed: number; aged: number }> {
  const Job = entryModel(connection, 'jobs');
  const paused = await Job.find(
    { sourceId, status: 'closed', closedReason: 'source_paused' },
    { dedupKey: 1, publishedAt: 1, 'job.expiresAt': 1 },
  ).lean<Array<Pick<EntryDoc, '_id' | 'dedupKey' | 'publishedAt' | 'job'>>>();
  let resumed = 0;
  const ops: AnyBulkWriteOperation<EntryDoc>[] = paused.map((doc) => {
    const state = jobStatus(doc.job, doc.publishedAt, now, policy.maxJobAgeDays);
    if (state.status === 'open') resumed++;
    const set =
      state.status === 'open'
        ? { status: 'open', closedReason: null, closedAt: null }
        : { closedReason: state.reason };
    return { updateOne: { filter: { _id: doc._id }, update: { $set: set } } };
  });
  await bulkUpdate(Job, ops);
  await resolveDuplicates(Job, groupKeys(paused), policy.dedupWindowDays);
  return { resumed, aged: paused.length - resumed };
}

const openJobsOf = (connection: Connection, sourceId: Types.ObjectId) =>
  entryModel(connection, 'jobs')
    .find(
      { sourceId, status: 'open' },
      { canonicalUrl: 1, dedupKey: 1, sharedWith: 1, duplicateOf: 1 },
    )
    .lean<
      Array<Pick<EntryDoc, '_id' | 'canonicalUrl' | 'dedupKey' | 'sharedWith' | 'duplicateOf'>>
    >();

/** Closes these jobs for `reason`, handing each another enabled source lists to that source. */
async function closeOrHandOver(
  connection: Connection,
  jobs: Array<Pick<EntryDoc, '_id' | 'dedupKey' | 'sharedWith'>>,
  reason: 'no_longer_listed' | 'source_paused',
  now: Date,
  dedupWindowDays: number,
): Promise<{ closed: number; handedOver: number; handedOverIds: Set<string> }> {
  const handedOverIds = new Set<string>();
  if (jobs.length === 0) return { closed: 0, handedOver: 0, handedOverIds };
  const Job = entryModel(connection, 'jobs');
  const heirs = await liveSharers(connection, jobs);
  const ops: AnyBulkWriteOperation<EntryDoc>[] = [];
  const takers = new Set<string>();
  let handedOver = 0;
  for (const job of jobs) {
    const heir = (job.sharedWith ?? []).map((o) => heirs.get(String(o.sourceId))).find(Boolean);
    if (heir) {
      takers.add(String(heir._id));
      handedOverIds.add(String(job._id));
      handedOver++;
      ops.push(handOverOp(job, heir));
      continue;
    }
    // One update per id: index-backed on MongoDB, a scan of _ids only on FerretDB (any other
    // filter, $in included, decodes every document there).
    ops.push({
      updateOne: {
        filter: { _id: job._id },
        update: { $set: { status: 'closed', closedReason: reason, closedAt: now } },
      },
    });
  }
  await bulkUpdate(Job, ops);
  if (takers.size) await rereadFeeds(connection, { _id: { $in: [...takers] } });
  await resolveDuplicates(Job, groupKeys(jobs), dedupWindowDays);
  return { closed: jobs.length - handedOver, handedOver, handedOverIds };
}

type Heir = Pick<SourceDoc, '_id' | 'name' | 'terms'>;

/** The enabled sources that list any of these jobs under the same URL, by id. */
async function liveSharers(
  connection: Connection,
  jobs: Array<Pick<EntryDoc, 'sharedWith'>>,
): Promise<Map<string, Heir>> {
  const ids = [
    ...new Set(jobs.flatMap((j) => (j.sharedWith ?? []).map((o) => String(o.sourceId)))),
  ];
  if (ids.length === 0) return new Map();
  const sources = await sourceModel(connection)
    .find({ _id: { $in: ids }, enabled: true }, { name: 1, terms: 1 })
    .lean<Heir[]>();
  return new Map(sources.map((s) => [String(s._id), s]));
}

/** The job becomes the heir's: its name and terms now, the rest at the heir's next read. */
function handOverOp(
  job: Pick<EntryDoc, '_id' | 'sharedWith'>,
  heir: Heir,
): AnyBulkWriteOperation<EntryDoc> {
  return {
    updateOne: {
      filter: { _id: job._id },
      update: {
        $set: { sourceId: heir._id, sourceName: heir.name, ...termsFields(heir.terms) },
        ...unshareUpdate(job.sharedWith, heir._id),
      },
    },
  };
}

// Every entry has a key; a document written by other means (an old import) may not, and has
// no group to resolve.
const groupKeys = (docs: Array<{ dedupKey?: string }>) => [
  ...new Set(docs.flatMap((d) => (typeof d.dedupKey === 'string' ? [d.dedupKey] : []))),
];
