// A job's own page: the card's facts plus description, apply link, attribution as the source's
// terms require, other listings of the same job, closed state and JobPosting JSON-LD.
import { queryString } from '../../domain/board-query-url.ts';
import { urlPart } from '../../domain/canonical-url.ts';
import { type EntryDoc, otherListings } from '../../store/models/entry.ts';
import type { SourceDoc } from '../../store/models/source.ts';
import { annualSalary, formatDay, statedSalary, tagsByProminence } from '../format.ts';
import { jobCard } from './job-card.ts';
import { jobPostingJsonLd, scriptJson } from './job-posting-jsonld.ts';
import { publicSourceUrl } from './source-row.ts';

const closedReasons: Record<string, string> = {
  expired: 'Its application deadline has passed.',
  too_old: 'It was posted too long ago to still be open.',
  no_longer_listed: 'Its source no longer lists it.',
  source_paused:
    'Its source is paused on this board, so whether the job is still open is not known here: the original listing may say.',
};

/** The banner's first words: a paused listing may be open still; the others are closed. */
const closedHeadline = (reason: string | null) =>
  reason === 'source_paused' ? 'This board no longer follows this listing.' : 'This job is closed.';

/**
 * Where "Listed by" links: the site the source's feed names as its own, else the feed's host;
 * without anything secret-looking the operator's URL or the feed may carry.
 */
function sourceSite(source: SourceDoc | null): string | null {
  if (!source) return null;
  const site = source.health.lastRead?.siteUrl;
  return publicSourceUrl(site ?? urlPart(source.url, 'origin') ?? source.url) || null;
}

/** The view model of /jobs/:id. */
export function jobDetail(job: EntryDoc, source: SourceDoc | null, pageUrl: string, now: Date) {
  const card = jobCard(job, now);
  const salary = job.intel?.salary ?? null;
  const applyUrl = job.job?.applyUrl ?? job.url;
  const closed =
    job.status === 'closed'
      ? (closedReasons[job.closedReason ?? ''] ?? 'It is no longer open.')
      : null;
  // The board's lists leave out a job its source's rules block or that is no backend role;
  // no JobPosting tells search engines otherwise.
  const listed = job.intel?.relevance.relevant !== false;
  const jsonLd = closed || !listed ? null : jobPostingJsonLd(job, pageUrl);
  return {
    job: card,
    html: job.html,
    applyUrl,
    applyHost: urlPart(applyUrl, 'hostname')?.replace(/^www\./, '') ?? 'the origin',
    originUrl: job.url,
    sourceUrl: sourceSite(source) ?? urlPart(job.url, 'origin') ?? job.url,
    attributionNote: job.attribution?.required ? (job.attribution.note ?? null) : null,
    // Annualized first, so jobs compare at a glance; the listing's own words stay beside it.
    salaryMain: salary ? (annualSalary(salary) ?? statedSalary(salary)) : null,
    salaryNote: salary && annualSalary(salary) ? `(stated as ${statedSalary(salary)})` : null,
    eligibilityRaw: job.intel?.eligibility.raw ?? null,
    updatedIso: job.updatedAt ? job.updatedAt.toISOString() : null,
    updatedDay: job.updatedAt ? formatDay(job.updatedAt) : null,
    alsoListedOn: otherListings(job).map((o) => ({ sourceName: o.sourceName, url: o.url })),
    closed,
    listed,
    closedHeadline: closed ? closedHeadline(job.closedReason) : null,
    // A paused listing may be open still: its own page can say.
    originLink: closed !== null && job.closedReason === 'source_paused',
    // Its most prominent stack tag alone: a search for all of its tags rarely finds another job.
    similarHref: `/jobs${queryString({ tags: tagsByProminence(job.intel?.stackTags ?? [], job.title).slice(0, 1) })}`,
    jsonLd: jsonLd ? scriptJson(jsonLd) : null,
  };
}
