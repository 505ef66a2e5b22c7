import type { EnrichedEntry, JobFields } from '../../src/domain/entry.ts';

/** Job fields with nothing known, plus whatever the test sets. */
export function jobFields(change: Partial<JobFields> = {}): JobFields {
  return {
    company: null,
    role: null,
    location: null,
    region: null,
    country: null,
    employmentType: null,
    category: null,
    skills: [],
    salaryText: null,
    salaryMin: null,
    salaryMax: null,
    salaryCurrency: null,
    expiresAt: null,
    logoUrl: null,
    applyUrl: null,
    ...change,
  };
}

/** A job entry as enrichment hands it to the store, with nothing learned: what store tests need. */
export function enrichedJob(
  url: string,
  company: string,
  role: string,
  publishedAt: Date,
  change: Partial<JobFields> = {},
): EnrichedEntry {
  return {
    type: 'jobs',
    canonicalUrl: url,
    url,
    guid: null,
    title: `${company}: ${role}`,
    summary: '',
    html: '',
    author: null,
    tags: [],
    publishedAt,
    updatedAt: null,
    dateFlag: null,
    imageUrl: null,
    enclosure: null,
    terms: [],
    job: jobFields({ company, role, ...change }),
    intel: null,
    articleIntel: null,
  };
}
