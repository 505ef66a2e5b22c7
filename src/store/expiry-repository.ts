import type { Connection, Types } from 'mongoose';
import { bulkUpdate } from './bulk-updates.ts';
import { entryModel } from './models/entry.ts';

/**
 * Closes open jobs whose expiry passed or that are older than `maxAgeDays`; they stay stored
 * for the record. A range scan, run hourly by the maintenance queue rather than a TTL index
 * (which FerretDB lacks and which would delete them).
 */
export async function closeExpiredJobs(
  connection: Connection,
  now: Date,
  maxAgeDays: number,
): Promise<{ expired: number; tooOld: number }> {
  const Job = entryModel(connection, 'jobs');
  const expired = await Job.updateMany(
    { status: 'open', 'job.expiresAt': { $lte: now } },
    { $set: { status: 'closed', closedReason: 'expired', closedAt: now } },
  );
  const tooOld = await Job.updateMany(
    { status: 'open', publishedAt: { $lt: new Date(now.getTime() - maxAgeDays * 86_400_000) } },
    { $set: { status: 'closed', closedReason: 'too_old', closedAt: now } },
  );
  return { expired: expired.modifiedCount, tooOld: tooOld.modifiedCount };
}

/** For a source that lists all its open jobs: closes its open jobs missing from this run. */
export async function closeMissingJobs(
  connection: Connection,
  sourceId: Types.ObjectId,
  present: Set<string>,
  now: Date,
): Promise<number> {
  const Job = entryModel(connection, 'jobs');
  const open = await Job.find({ sourceId, status: 'open' }, { canonicalUrl: 1 }).lean();
  const missing = open.filter((doc) => !present.has(doc.canonicalUrl)).map((doc) => doc._id);
  if (missing.length === 0) return 0;
  // One update per id: index-backed on MongoDB, a scan of _ids only on FerretDB (any other
  // filter, $in included, decodes every document there).
  const result = await bulkUpdate(
    Job,
    missing.map((_id) => ({
      updateOne: {
        filter: { _id },
        update: { $set: { status: 'closed', closedReason: 'no_longer_listed', closedAt: now } },
      },
    })),
  );
  return result.modifiedCount;
}
