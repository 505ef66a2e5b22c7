import type { Connection } from 'mongoose';
import { systemStatusModel } from './models/system-status.ts';

/** Records that a worker processed its periodic heartbeat job. */
export async function recordWorkerHeartbeat(
  connection: Connection,
  by: string,
  at = new Date(),
): Promise<void> {
  await systemStatusModel(connection).updateOne(
    { _id: 'workers' },
    { $set: { lastHeartbeatAt: at, lastHeartbeatBy: by } },
    { upsert: true },
  );
}

/** When a worker last proved it is alive, or undefined if never. */
export async function readWorkerHeartbeat(
  connection: Connection,
): Promise<{ lastHeartbeatAt: Date; lastHeartbeatBy: string } | undefined> {
  const doc = await systemStatusModel(connection).findById('workers').lean();
  return doc?.lastHeartbeatAt && doc.lastHeartbeatBy
    ? { lastHeartbeatAt: doc.lastHeartbeatAt, lastHeartbeatBy: doc.lastHeartbeatBy }
    : undefined;
}

/** Which tokenizer built the stored entries' search terms; 0 when never recorded. */
export async function readTermsVersion(connection: Connection): Promise<number> {
  const doc = await systemStatusModel(connection).findById('search-terms').lean();
  return doc?.termsVersion ?? 0;
}

/** Records that every stored entry's terms are built by tokenizer `version`. */
export async function recordTermsVersion(
  connection: Connection,
  version: number,
  at = new Date(),
): Promise<void> {
  await systemStatusModel(connection).updateOne(
    { _id: 'search-terms' },
    { $set: { termsVersion: version, termsRefreshedAt: at } },
    { upsert: true },
  );
}
