import type { JobEnrichmentInput } from '../../src/domain/job-intel.ts';

/** A job's enrichment input with every field empty but those given ("Backend Engineer" by default). */
export function jobInputOf(fields: Partial<JobEnrichmentInput>): JobEnrichmentInput {
  return {
    title: 'Backend Engineer',
    role: null,
    company: null,
    text: '',
    tags: [],
    location: null,
    region: null,
    country: null,
    employmentType: null,
    salaryText: null,
    salaryMin: null,
    salaryMax: null,
    salaryCurrency: null,
    ...fields,
  };
}
