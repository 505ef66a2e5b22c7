// The JSON API's representations: stable field names, ISO dates, absolute URLs.
import { type EntryDoc, otherListings } from '../../store/models/entry.ts';
import { jobPath } from '../view-models/job-card.ts';
import type { SourceRow } from '../view-models/source-row.ts';

/** A job as /api/v1/jobs returns it. */
export function apiJob(job: EntryDoc, base: string) {
  const intel = job.intel;
  return {
    id: String(job._id),
    url: `${base}${jobPath(job)}`,
    title: job.job?.role ?? job.title,
    company: job.job?.company ?? null,
    summary: job.summary,
    location: intel?.location ?? null,
    workplace: intel?.workplace ?? 'unknown',
    eligibility: intel
      ? {
          known: intel.eligibility.known,
          worldwide: intel.eligibility.worldwide,
          countries: intel.eligibility.countries,
          regions: intel.eligibility.regions,
          applyFrom: intel.eligibility.applyFrom,
        }
      : null,
    salary: intel?.salary ?? null,
    seniority: intel?.seniority ?? null,
    employmentType: intel?.employmentType ?? null,
    tags: intel?.stackTags ?? [],
    publishedAt: job.publishedAt.toISOString(),
    addedAt: job.firstSeenAt.toISOString(),
    updatedAt: job.updatedAt?.toISOString() ?? null,
    status: job.status,
    // Why it is closed: expired, too_old, no_longer_listed, or source_paused (the board stopped
    // following its source: it may still be open at its origin).
    closedReason: job.status === 'closed' ? (job.closedReason ?? null) : null,
    applyUrl: job.job?.applyUrl ?? job.url,
    originUrl: job.url,
    source: { id: String(job.sourceId), name: job.sourceName },
    alsoListedOn: otherListings(job).map((o) => ({
      sourceId: String(o.sourceId),
      sourceName: o.sourceName,
      url: o.url,
    })),
  };
}

/** An article as /api/v1/articles returns it. */
export function apiArticle(article: EntryDoc) {
  return {
    id: String(article._id),
    url: article.url,
    title: article.title,
    summary: article.summary,
    author: article.author,
    readingMinutes: article.articleIntel?.readingMinutes ?? null,
    topics: article.articleIntel?.topics ?? [],
    publishedAt: article.publishedAt.toISOString(),
    addedAt: article.firstSeenAt.toISOString(),
    updatedAt: article.updatedAt?.toISOString() ?? null,
    source: { id: String(article.sourceId), name: article.sourceName },
    alsoListedOn: otherListings(article).map((o) => ({
      sourceId: String(o.sourceId),
      sourceName: o.sourceName,
      url: o.url,
    })),
  };
}

/** A source as /api/v1/sources returns it. */
export function apiSource(row: SourceRow) {
  return {
    id: row.id,
    name: row.name,
    url: row.url,
    type: row.type,
    kind: row.kind,
    health: row.health,
    lastError: row.error,
    lastSuccessAt: row.lastSuccessIso,
    items: row.count,
    terms: { attribution: row.terms.attribution, syndication: row.terms.syndication },
  };
}
