// Disabling a job source takes its open jobs off the board, kept; enabling it puts them back.
// One place for the console, the command line and a run that finds its source disabled.
import type { Connection } from 'mongoose';
import { pauseSourceJobs, resumeSourceJobs } from './expiry-repository.ts';
import type { SourceDoc } from './models/source.ts';

export type EnabledChange =
  | { enabled: false; paused: number; handedOver: number }
  | { enabled: true; resumed: number };

/** Pauses or resumes a job source's jobs to match its `enabled` flag; nothing for articles. */
export async function followEnabled(
  connection: Connection,
  source: Pick<SourceDoc, '_id' | 'type' | 'enabled'>,
  now: Date,
  policy: { maxJobAgeDays: number; dedupWindowDays: number },
): Promise<EnabledChange | null> {
  if (source.type !== 'jobs') return null;
  if (source.enabled)
    return { enabled: true, ...(await resumeSourceJobs(connection, source._id, now, policy)) };
  return {
    enabled: false,
    ...(await pauseSourceJobs(connection, source._id, now, policy.dedupWindowDays)),
  };
}

/** What the change did, for the operator: "its 3 open jobs are off the board until …". */
export function enabledChangeNote(change: EnabledChange | null): string | null {
  if (!change) return null;
  const jobs = (n: number) => `${n} ${n === 1 ? 'job' : 'jobs'}`;
  if (change.enabled) return change.resumed ? `${jobs(change.resumed)} back on the board` : null;
  const parts = [];
  if (change.paused === 1) parts.push('its open job is off the board until it is enabled again');
  else if (change.paused)
    parts.push(`its ${change.paused} open jobs are off the board until it is enabled again`);
  if (change.handedOver)
    parts.push(
      `${jobs(change.handedOver)} another source lists at the same address ${change.handedOver === 1 ? 'stays' : 'stay'}, listed by that source`,
    );
  return parts.length ? parts.join('; ') : null;
}
