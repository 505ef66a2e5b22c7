import type { JobFields } from '../../src/domain/entry.ts';

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
