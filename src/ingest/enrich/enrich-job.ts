import type { EnrichedEntry, NormalizedEntry } from '../../domain/entry.ts';
import { withIntelTerms } from '../../domain/entry-terms.ts';
import { type JobEnrichmentInput, type JobIntel, statedLocation } from '../../domain/job-intel.ts';
import { bodyText } from '../normalize/normalize-feed.ts';
import { articleIntel } from './article-intel.ts';
import { parseEligibility } from './eligibility.ts';
import { detectEmploymentType } from './employment-type.ts';
import { parseLocation } from './location.ts';
import { labeledLocation } from './location-label.ts';
import { proseLocation } from './location-prose.ts';
import { classifyRelevance } from './relevance.ts';
import { parseSalary } from './salary.ts';
import { detectSeniority } from './seniority.ts';
import { matchStackTags } from './stack-tags.ts';
import { detectWorkplace } from './workplace.ts';

/** Everything enrichment learns about one job, each field right or honestly unknown. */
export function enrichJob(input: JobEnrichmentInput, _options: { now: Date }): JobIntel {
  const title = input.role ?? input.title;
  const structured =
    input.salaryMin !== null || input.salaryMax !== null
      ? { min: input.salaryMin, max: input.salaryMax, currency: input.salaryCurrency }
      : undefined;
  const detected = detectWorkplace({
    title: input.title,
    text: input.text,
    location: input.location,
    region: input.region,
  });
  // Many boards only state the place in the description ("Location: Austin, TX"), some only in
  // a sentence ("Hybrid in München, Germany"), read last and on office jobs only: a feed's
  // country field wins over it, and a remote team's "we meet in person in Lisbon" is no place.
  // A placeholder ("Location: N/A") is no location: the next place to look gets its turn.
  const atOffice = detected === 'hybrid' || detected === 'onsite';
  const location = parseLocation(
    statedLocation(input.location) ??
      statedLocation(labeledLocation(input.text)) ??
      input.country ??
      (atOffice ? proseLocation(input.text) : null),
  );
  const eligibility = parseEligibility({
    region: input.region,
    country: input.country,
    location: input.location,
    title: input.title,
    text: input.text,
    workplace: detected,
  });
  // "Remote - US only", "Remote (Canada)", "Remote worldwide": eligibility reads who may apply
  // from a phrase that opens with "Remote", and that phrase says the job is remote too.
  const workplace =
    detected === 'unknown' && /^remote(?:ly)?\b/i.test(eligibility.raw ?? '') ? 'remote' : detected;
  const stackTags = matchStackTags(input.title, input.text, input.tags);
  // Where the job is, for a bare "$": its location, else the one country it hires from.
  const only = eligibility.countries.length === 1 ? eligibility.countries[0] : null;
  const salary = parseSalary({
    text: [input.salaryText, input.text].filter(Boolean).join('\n'),
    structured,
    country: location.country ?? only,
  });
  return {
    salary,
    workplace,
    eligibility,
    location,
    seniority: detectSeniority(title, input.text),
    employmentType: detectEmploymentType(input.employmentType, input.title, input.text),
    stackTags,
    relevance: classifyRelevance({
      title,
      text: input.text,
      tags: stackTags,
      rules: input.rules,
      listing: { title: input.title, company: input.company },
    }),
  };
}

/** The enrichment input of a normalized job entry. */
export function jobInput(
  entry: NormalizedEntry,
  rules?: JobEnrichmentInput['rules'],
): JobEnrichmentInput {
  const job = entry.job;
  return {
    title: entry.title,
    role: job?.role ?? null,
    company: job?.company ?? null,
    text: bodyText(entry) || entry.summary,
    tags: [...entry.tags, ...(job?.skills ?? [])],
    location: job?.location ?? null,
    region: job?.region ?? null,
    country: job?.country ?? null,
    employmentType: job?.employmentType ?? null,
    salaryText: job?.salaryText ?? null,
    salaryMin: job?.salaryMin ?? null,
    salaryMax: job?.salaryMax ?? null,
    salaryCurrency: job?.salaryCurrency ?? null,
    ...(rules ? { rules } : {}),
  };
}

/** The enrichment stage: job intelligence for jobs, reading time and topics for articles. */
export function enrichEntries(
  entries: NormalizedEntry[],
  context: { now: Date; rules?: JobEnrichmentInput['rules'] },
): EnrichedEntry[] {
  return entries.map((entry) => {
    if (entry.type === 'jobs') {
      const intel = enrichJob(jobInput(entry, context.rules), context);
      return {
        ...entry,
        terms: withIntelTerms(entry.terms, intel, null),
        intel,
        articleIntel: null,
      };
    }
    const text = bodyText(entry) || entry.summary;
    const info = articleIntel({ title: entry.title, text, tags: entry.tags });
    return {
      ...entry,
      terms: withIntelTerms(entry.terms, null, info),
      intel: null,
      articleIntel: info,
    };
  });
}
