import type { Connection, Types } from 'mongoose';
import { bulkUpdate } from './bulk-updates.ts';
import { resolveDuplicates } from './duplicate-resolver.ts';
import { entryModel } from './models/entry.ts';

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
 * For a source that lists all its open jobs: closes its open jobs missing from this run, and
 * resolves their duplicate groups again (see closeExpiredJobs).
 */
export async function closeMissingJobs(
  connection: Connection,
  sourceId: Types.ObjectId,
  present: Set<string>,
  now: Date,
  dedupWindowDays: number,
): Promise<number> {
  const Job = entryModel(connection, 'jobs');
  const open = await Job.find(
    { sourceId, status: 'open' },
    { canonicalUrl: 1, dedupKey: 1 },
  ).lean();
  const missing = open.filter((doc) => !present.has(doc.canonicalUrl));
  if (missing.length === 0) return 0;
  // One update per id: index-backed on MongoDB, a scan of _ids only on FerretDB (any other
  // filter, $in included, decodes every document there).
  const result = await bulkUpdate(
    Job,
    missing.map(({ _id }) => ({
      updateOne: {
        filter: { _id },
        update: { $set: { status: 'closed', closedReason: 'no_longer_listed', closedAt: now } },
      },
    })),
  );
  await resolveDuplicates(Job, groupKeys(missing), dedupWindowDays);
  return result.modifiedCount;
}

const groupKeys = (docs: Array<{ dedupKey: string }>) => [...new Set(docs.map((d) => d.dedupKey))];
