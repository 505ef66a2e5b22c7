// What a job looks like in a list (board, search results) and in the API: plain values only,
// every string still raw; the template engine escapes them.
import type { EntryDoc } from '../../store/models/entry.ts';
import {
  annualSalary,
  applyFromText,
  formatDay,
  label,
  postedAgo,
  slugify,
  statedSalary,
  tagName,
  tagsByProminence,
  workplaceLabel,
} from '../format.ts';

export type JobCard = {
  id: string;
  href: string;
  title: string;
  company: string | null;
  location: string | null;
  workplace: string | null;
  applyFrom: string | null;
  salary: string | null;
  salaryAnnual: string | null;
  seniority: string | null;
  employmentType: string | null;
  tags: Array<{ slug: string; name: string }>;
  postedAgo: string;
  postedIso: string;
  postedDay: string;
  /** When the board added it, shown in the added order only. */
  addedAgo: string | null;
  addedIso: string;
  sourceName: string;
  closed: boolean;
};

/** The path of a job's page: /jobs/<id>-<slug>. */
export function jobPath(job: Pick<EntryDoc, '_id' | 'title' | 'job'>): string {
  return `/jobs/${String(job._id)}-${slugify(job.job?.role ?? job.title)}`;
}

/** The card of a stored job. */
/** `added`: the list is in the order entries were added, so the card says when. */
export function jobCard(job: EntryDoc, now: Date, { added = false } = {}): JobCard {
  const intel = job.intel;
  const salary = intel?.salary ?? null;
  return {
    id: String(job._id),
    href: jobPath(job),
    title: job.job?.role ?? job.title,
    company: job.job?.company ?? null,
    location: intel?.location.raw ?? job.job?.location ?? null,
    workplace:
      intel && intel.workplace !== 'unknown' ? (workplaceLabel[intel.workplace] ?? null) : null,
    applyFrom: intel ? applyFromText(intel.eligibility) : null,
    salary: salary ? statedSalary(salary) : null,
    salaryAnnual: salary ? annualSalary(salary) : null,
    seniority: intel?.seniority ? label(intel.seniority) : null,
    employmentType: intel?.employmentType ? label(intel.employmentType) : null,
    tags: tagsByProminence(intel?.stackTags ?? [], job.title)
      .slice(0, 6)
      .map((slug) => ({ slug, name: tagName(slug) })),
    postedAgo: postedAgo(job.publishedAt, now),
    postedIso: job.publishedAt.toISOString(),
    postedDay: formatDay(job.publishedAt),
    addedAgo: added ? postedAgo(job.firstSeenAt, now) : null,
    addedIso: job.firstSeenAt.toISOString(),
    sourceName: job.sourceName,
    closed: job.status === 'closed',
  };
}
