// Updates go to the server a few statements per command. FerretDB 1.24 keeps the query of every
// statement of an `update` command open, each on a pooled connection, until the whole command
// ends (a `defer` inside its per-statement loop). A command with as many statements as the pool
// has connections (100 on its SQLite backend, 50 on PostgreSQL) holds them all while its next
// write waits for one, and the server stops answering every client. Found in the benchmark: 20
// feeds' duplicate groups, resolved in one command, wedged it; so would the 6-hourly lastSeenAt
// refresh of any source listing 100 items. Five per command, times the 8 runs two workers run
// at once by default, stays below either pool; MongoDB sees a few more round trips.
import type { Document, AnyBulkWriteOperation as DriverOperation } from 'mongodb';
import type { AnyBulkWriteOperation, Model } from 'mongoose';

export const UPDATES_PER_COMMAND = 5;

export type BulkCounts = { matchedCount: number; modifiedCount: number; upsertedCount: number };

/**
 * One unordered bulk write straight to the driver. The store builds its documents to the schema
 * (a test holds newEntryDocument to what mongoose would store); mongoose would cast each into a
 * model instance, validate and serialize it again, ~150 us an entry.
 */
export function sendUnordered<T extends Document>(
  model: Model<T>,
  ops: AnyBulkWriteOperation<T>[],
) {
  return model.collection.bulkWrite(ops as DriverOperation[], { ordered: false });
}

/** Sends updates (updateOne, upserts included) unordered, a few per command; counts summed. */
export async function bulkUpdate<T extends Document>(
  model: Model<T>,
  ops: AnyBulkWriteOperation<T>[],
): Promise<BulkCounts> {
  const counts: BulkCounts = { matchedCount: 0, modifiedCount: 0, upsertedCount: 0 };
  for (let i = 0; i < ops.length; i += UPDATES_PER_COMMAND) {
    const result = await sendUnordered(model, ops.slice(i, i + UPDATES_PER_COMMAND));
    counts.matchedCount += result.matchedCount;
    counts.modifiedCount += result.modifiedCount;
    counts.upsertedCount += result.upsertedCount;
  }
  return counts;
}
