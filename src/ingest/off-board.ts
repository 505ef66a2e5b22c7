// What a read of a job source stores that the board will not show, said to the operator on the
// run and in preview: a feed of 350 old jobs otherwise reads "350 new" and healthy while the
// board shows none of them.
import type { EnrichedEntry } from '../domain/entry.ts';
import { jobStatus } from '../domain/job-status.ts';

/**
 * Jobs of a read the board does not show: closed at once (past their deadline, or older than
 * JOB_MAX_AGE_DAYS) or not backend roles; and, when that is all of them, that none reach it.
 */
export function offBoardWarnings(
  entries: EnrichedEntry[],
  now: Date,
  maxJobAgeDays: number,
): string[] {
  if (entries.length === 0) return [];
  const closed = entries.filter(
    (e) => jobStatus(e.job, e.publishedAt, now, maxJobAgeDays).status === 'closed',
  );
  const offTopic = entries.filter(
    (e) => !closed.includes(e) && e.intel?.relevance.relevant === false,
  );
  const of = `of the feed's ${entries.length} job(s)`;
  const warnings = [
    ...(closed.length
      ? [
          `${closed.length} ${of} are past their deadline or older than ${maxJobAgeDays} days: stored closed, not on the board`,
        ]
      : []),
    ...(offTopic.length
      ? [`${offTopic.length} ${of} are not backend roles by their titles: stored, not on the board`]
      : []),
  ];
  return closed.length + offTopic.length === entries.length
    ? [...warnings, 'none of its jobs reach the board']
    : warnings;
}
