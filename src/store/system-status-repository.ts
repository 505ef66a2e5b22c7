import type { Connection } from 'mongoose';
import { type SystemStatus, systemStatusModel } from './models/system-status.ts';

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
): Promise<Pick<SystemStatus, 'lastHeartbeatAt' | 'lastHeartbeatBy'> | undefined> {
  const doc = await systemStatusModel(connection).findById('workers').lean();
  return doc
    ? { lastHeartbeatAt: doc.lastHeartbeatAt, lastHeartbeatBy: doc.lastHeartbeatBy }
    : undefined;
}
