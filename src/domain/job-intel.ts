/** Pay as a listing states it, and annualized (in its currency and in USD) for filtering. */
export type Salary = {
  min: number | null;
  max: number | null;
  /** ISO 4217 code. */
  currency: string;
  period: 'hour' | 'day' | 'week' | 'month' | 'year';
  annualMin: number | null;
  annualMax: number | null;
  annualUsdMin: number | null;
  annualUsdMax: number | null;
  source: 'structured' | 'text';
  /** The text the salary was read from. */
  raw: string;
};

export type Workplace = 'remote' | 'hybrid' | 'onsite' | 'unknown';

/** Where applicants may be. Unknown is not worldwide: `known` says whether anything was stated. */
export type Eligibility = {
  known: boolean;
  worldwide: boolean;
  /** ISO 3166-1 alpha-2 codes named directly ("US only", "Remote (Germany)"). */
  countries: string[];
  /** Region codes from config/regions (e.g. "EU", "EMEA", "LATAM", "NA", "APAC"). */
  regions: string[];
  /** A UTC offset window in hours ("UTC-3 to UTC+3", "EU timezones"), or null. */
  timezones: { minUtcOffset: number; maxUtcOffset: number } | null;
  /** Countries an applicant may be in, regions expanded; ["*"] for worldwide; [] when unknown. Indexed for "can I apply from X?". */
  applyFrom: string[];
  raw: string | null;
};

export type JobLocation = { raw: string | null; city: string | null; country: string | null };

const NO_LOCATION =
  /^[\s([]*(?:n\s*\/\s*a|na|tbd|tba|tbc|none|null|unknown|not\s+(?:specified|applicable|available|disclosed)|-+|–|—|\?+)[\s)\].]*$/i;

/** A location value that says nothing ("N/A", "TBD", "-"), or none at all: null; else the value. */
export function statedLocation(value: string | null | undefined): string | null {
  return value && !NO_LOCATION.test(value) ? value : null;
}

export const seniorities = [
  'intern',
  'junior',
  'mid',
  'senior',
  'staff',
  'principal',
  'lead',
  'manager',
] as const;
export type Seniority = (typeof seniorities)[number];

/**
 * The seniorities the board's filter offers. Manager roles (people, program, product
 * management) are classified off-topic for a board of hands-on backend work (test/eval/
 * LABELING.md) and hidden from every default view, so a "Manager" choice could only ever
 * return nothing. A query naming it is still valid.
 */
export const filterSeniorities = seniorities.filter((s) => s !== 'manager');

export const employmentTypes = [
  'full-time',
  'part-time',
  'contract',
  'internship',
  'temporary',
] as const;
export type EmploymentType = (typeof employmentTypes)[number];

export const jobCategories = [
  'backend',
  'platform',
  'devops-sre',
  'data-engineering',
  'full-stack',
  'other',
] as const;
export type JobCategory = (typeof jobCategories)[number];

/** Whether a job belongs on a backend board, and why (shown to operators). */
export type Relevance = { relevant: boolean; category: JobCategory; reason: string };

/** What enrichment learns about a job; every field is right or honestly unknown. */
export type JobIntel = {
  salary: Salary | null;
  workplace: Workplace;
  eligibility: Eligibility;
  location: JobLocation;
  seniority: Seniority | null;
  employmentType: EmploymentType | null;
  stackTags: string[];
  relevance: Relevance;
};

/** What enrichment learns about an article. */
export type ArticleIntel = {
  /** Null when the feed gives only a teaser: its length is not the article's. */
  readingMinutes: number | null;
  /** Career topics (interviewing, salary-negotiation, system-design, ...) plus stack tags. */
  topics: string[];
  stackTags: string[];
};

/** The text and structured fields enrichment reads from one job. */
export type JobEnrichmentInput = {
  title: string;
  /** The role without a "Company: " prefix, when known. */
  role: string | null;
  company: string | null;
  /** Plain text of the description. */
  text: string;
  tags: string[];
  location: string | null;
  region: string | null;
  country: string | null;
  employmentType: string | null;
  salaryText: string | null;
  salaryMin: number | null;
  salaryMax: number | null;
  salaryCurrency: string | null;
  /** Per-source keep/block rules: regular expressions (run with limits) or plain keywords. */
  rules?: { keep?: string[]; block?: string[] };
};
