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
  const hidden = entries.filter(
    (e) => !closed.includes(e) && e.intel?.relevance.relevant === false,
  );
  // The operator's own rules say so in their words; the classifier's judgement in its own.
  const byRule = hidden.filter((e) => RULE_REASON.test(e.intel?.relevance.reason ?? ''));
  const offTopic = hidden.filter((e) => !byRule.includes(e));
  const of = `of the feed's ${entries.length} job(s)`;
  const warnings = [
    ...(closed.length
      ? [
          `${closed.length} ${of} are past their deadline or older than ${maxJobAgeDays} days: stored closed, not on the board`,
        ]
      : []),
    ...(byRule.length
      ? [
          `${byRule.length} ${of} are blocked by the source's rules (${rulesNamed(byRule)}): stored, not on the board`,
        ]
      : []),
    ...(offTopic.length
      ? [`${offTopic.length} ${of} are not backend roles by their titles: stored, not on the board`]
      : []),
  ];
  return closed.length + hidden.length === entries.length
    ? [...warnings, 'none of its jobs reach the board']
    : warnings;
}

// relevance.ts's reasons for a listing its source's rules hid.
const RULE_REASON = /^(?:blocked by source rule |held back: block rule )/;

/** The rules that hid these jobs, as the reasons name them: 'block "Initech"', at most three. */
function rulesNamed(entries: EnrichedEntry[]): string {
  const rules = [
    ...new Set(
      entries.map((e) =>
        (e.intel?.relevance.reason ?? '')
          .replace(RULE_REASON, '')
          .replace(/ could not run .*$/, ''),
      ),
    ),
  ];
  const shown = rules.slice(0, 3).join(', ');
  return rules.length > 3 ? `${shown} and ${rules.length - 3} more` : shown;
}
