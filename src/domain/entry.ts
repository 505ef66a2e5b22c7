/** What a source publishes: job listings or career articles. */
export type EntryType = 'jobs' | 'articles';

/** Why an entry's publishedAt is not the source's own date. */
export type DateFlag = 'missing' | 'unparseable' | 'future';

/** Fields a job item carries structurally (We Work Remotely's region/type/expires_at, ...). */
export type JobFields = {
  company: string | null;
  /** The role without the "Company: " prefix, when the title had one. */
  role: string | null;
  location: string | null;
  region: string | null;
  country: string | null;
  /** As the source says it ("Full-Time", "Contract"); interpreted in a later stage. */
  employmentType: string | null;
  category: string | null;
  skills: string[];
  /** Salary as the source states it, structured fields or a short text; parsed later. */
  salaryText: string | null;
  salaryMin: number | null;
  salaryMax: number | null;
  salaryCurrency: string | null;
  expiresAt: Date | null;
  logoUrl: string | null;
  applyUrl: string | null;
};

/** One item after normalization: what the store upserts and what preview prints. */
export type NormalizedEntry = {
  type: EntryType;
  /** The dedup key within a type: absolute, lower-case host, no fragment, no tracking params. */
  canonicalUrl: string;
  /** The item's absolute link as published (resolved against its base). */
  url: string;
  guid: string | null;
  title: string;
  /** Plain text, entities decoded, whitespace collapsed, at most 300 characters. */
  summary: string;
  /** Sanitized HTML (allowlist); safe to render as is. */
  html: string;
  author: string | null;
  tags: string[];
  /** The source's date in UTC, or null when missing/unparseable/far-future (see dateFlag). */
  publishedAt: Date | null;
  updatedAt: Date | null;
  dateFlag: DateFlag | null;
  imageUrl: string | null;
  enclosure: { url: string; type: string | null; length: number | null } | null;
  /** Lower-cased tokens of title, company and tags, for the index-backed search. */
  terms: string[];
  job: JobFields | null;
};

/** A normalized entry after the enrichment stage: what the store writes. */
export type EnrichedEntry = NormalizedEntry & {
  intel: import('./job-intel.ts').JobIntel | null;
  articleIntel: import('./job-intel.ts').ArticleIntel | null;
};
