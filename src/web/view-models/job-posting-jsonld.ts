// schema.org JobPosting for Google's job search, with its required fields (title, description,
// datePosted, hiringOrganization, jobLocation, or TELECOMMUTE with applicantLocationRequirements)
// and the recommended ones we know (validThrough, employmentType, baseSalary, identifier,
// directApply). Only for sources whose terms allow republishing, and only when every required
// field is known: half a JobPosting is worse than none.
import type { EntryDoc } from '../../store/models/entry.ts';

const EMPLOYMENT: Record<string, string> = {
  'full-time': 'FULL_TIME',
  'part-time': 'PART_TIME',
  contract: 'CONTRACTOR',
  internship: 'INTERN',
  temporary: 'TEMPORARY',
};
const UNIT: Record<string, string> = {
  hour: 'HOUR',
  day: 'DAY',
  week: 'WEEK',
  month: 'MONTH',
  year: 'YEAR',
};

/** The JobPosting object, or null when the source forbids it or a required field is unknown. */
export function jobPostingJsonLd(job: EntryDoc, pageUrl: string): Record<string, unknown> | null {
  const intel = job.intel;
  const company = job.job?.company;
  if (!job.syndication || !intel || !company || !job.html) return null;
  const remote = intel.workplace === 'remote';
  const place = placeOf(job);
  if (!remote && !place) return null;
  const posting: Record<string, unknown> = {
    '@context': 'https://schema.org/',
    '@type': 'JobPosting',
    title: job.job?.role ?? job.title,
    description: job.html,
    datePosted: job.publishedAt.toISOString(),
    hiringOrganization: { '@type': 'Organization', name: company },
    identifier: { '@type': 'PropertyValue', name: job.sourceName, value: job.guid ?? job.url },
    url: pageUrl,
    directApply: false,
  };
  if (place) posting.jobLocation = place;
  if (remote) {
    // A remote JobPosting must say where applicants may be (Google requires at least one
    // country); "anywhere" or unknown cannot be said, so such a job gets none.
    const countries = intel.eligibility.worldwide ? [] : intel.eligibility.applyFrom;
    if (countries.length === 0 || countries.includes('*')) return null;
    posting.jobLocationType = 'TELECOMMUTE';
    posting.applicantLocationRequirements = countries.map((code) => ({
      '@type': 'Country',
      name: code,
    }));
  }
  if (job.job?.expiresAt) posting.validThrough = new Date(job.job.expiresAt).toISOString();
  if (intel.employmentType) posting.employmentType = EMPLOYMENT[intel.employmentType];
  const salary = intel.salary;
  if (salary) {
    const value: Record<string, unknown> = {
      '@type': 'QuantitativeValue',
      unitText: UNIT[salary.period],
    };
    if (salary.min !== null && salary.max !== null && salary.min !== salary.max)
      Object.assign(value, { minValue: salary.min, maxValue: salary.max });
    else value.value = salary.min ?? salary.max;
    posting.baseSalary = { '@type': 'MonetaryAmount', currency: salary.currency, value };
  }
  if (job.job?.logoUrl)
    (posting.hiringOrganization as Record<string, unknown>).logo = job.job.logoUrl;
  return posting;
}

/** JSON safe inside a <script> element: "<" escaped so no "</script>" can end it early. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function placeOf(job: EntryDoc): Record<string, unknown> | null {
  const location = job.intel?.location;
  if (!location?.country) return null;
  const address: Record<string, unknown> = {
    '@type': 'PostalAddress',
    addressCountry: location.country,
  };
  if (location.city) address.addressLocality = location.city;
  return { '@type': 'Place', address };
}
