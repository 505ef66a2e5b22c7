// Disabling a job source takes its open jobs off the board, kept; enabling it puts them back.
// One place for the console, the command line and a run that finds its source disabled.
import type { Connection } from 'mongoose';
import { pauseSourceJobs, resumeSourceJobs } from './expiry-repository.ts';
import type { SourceDoc } from './models/source.ts';
import { rereadFeeds } from './source-repository.ts';

export type EnabledChange =
  | { enabled: false; paused: number; copies: number; handedOver: number }
  | { enabled: true; resumed: number; aged: number };

/** Pauses or resumes a job source's jobs to match its `enabled` flag; nothing for articles. */
export async function followEnabled(
  connection: Connection,
  source: Pick<SourceDoc, '_id' | 'type' | 'enabled'>,
  now: Date,
  policy: { maxJobAgeDays: number; dedupWindowDays: number },
): Promise<EnabledChange | null> {
  if (source.enabled) {
    // Its next run reads the whole feed, not a 304: listings handed to other sources while it
    // was disabled record it again as listing them, and a full listing closes what it dropped.
    await rereadFeeds(connection, { _id: source._id });
    if (source.type !== 'jobs') return null;
    return { enabled: true, ...(await resumeSourceJobs(connection, source._id, now, policy)) };
  }
  if (source.type !== 'jobs') return null;
  return {
    enabled: false,
    ...(await pauseSourceJobs(connection, source._id, now, policy.dedupWindowDays)),
  };
}

/** What the change did, for the operator: "its 3 open jobs are off the board until …". */
export function enabledChangeNote(change: EnabledChange | null): string | null {
  if (!change) return null;
  const jobs = (n: number) => `${n} ${n === 1 ? 'job' : 'jobs'}`;
  if (change.enabled) {
    const parts = change.resumed ? [`${jobs(change.resumed)} back on the board`] : [];
    if (change.aged)
      parts.push(
        `${jobs(change.aged)} expired or grew too old while it was disabled, and ${change.aged === 1 ? 'stays' : 'stay'} closed`,
      );
    return parts.length ? parts.join('; ') : null;
  }
  const parts = [];
  // Copies were on the board as other sources' listings, which stay: they are not counted off.
  const listings = change.paused - change.copies;
  if (listings === 1) parts.push('its open job is off the board until it is enabled again');
  else if (listings)
    parts.push(`its ${listings} open jobs are off the board until it is enabled again`);
  if (change.copies)
    parts.push(
      `${jobs(change.copies)} it listed as copies of other sources' listings ${change.copies === 1 ? 'stays' : 'stay'} on the board as theirs`,
    );
  if (change.handedOver)
    parts.push(
      `${jobs(change.handedOver)} another source lists at the same address ${change.handedOver === 1 ? 'stays' : 'stay'}, listed by that source`,
    );
  return parts.length ? parts.join('; ') : null;
}
