/** Whether a listing is still open, and if not why (kept for the record, out of default views). */
export type JobStatus = {
  status: 'open' | 'closed';
  /** source_paused: its source was disabled, so nobody follows it (back when it is enabled). */
  reason: 'expired' | 'too_old' | 'no_longer_listed' | 'source_paused' | null;
};

/** Open, or closed because its expiry passed or it is older than `maxAgeDays`. */
export function jobStatus(
  job: { expiresAt: Date | null } | null,
  publishedAt: Date | null,
  now: Date,
  maxAgeDays: number,
): JobStatus {
  if (job?.expiresAt && job.expiresAt.getTime() <= now.getTime())
    return { status: 'closed', reason: 'expired' };
  if (publishedAt && now.getTime() - publishedAt.getTime() > maxAgeDays * 86_400_000)
    return { status: 'closed', reason: 'too_old' };
  return { status: 'open', reason: null };
}
