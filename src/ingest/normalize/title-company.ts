// The company in a job title that names it beside the role: "Company: Role" (We Work Remotely),
// "Role at Company", and "Role - Company" (Research Computing Teams, many ATS feeds). A colon or
// "at" is read item by item; a dash only when most of the feed's titles read that way, since
// a lone "Software Engineer - Payments" or "Engineer - Berlin" names a team or a place.

import { lookupCity, lookupPlace, subdivisionsNamed } from '../enrich/place-names.ts';

/** How a feed's titles name the company, when most of them agree: the dash's sides. */
export type TitleConvention = 'role-dash-company' | 'company-dash-role' | null;

type Split = { company: string; role: string };

// Title prefixes before a colon that are not a company.
const NOT_A_COMPANY = new Set([
  ...['re', 'fw', 'fwd', 'aw', 'wg', 'update', 'updated', 'new', 'hiring', 'now hiring'],
  ...['we are hiring', 'urgent', 'wanted', 'job', 'jobs', 'remote', 'closed', 'expired'],
  ...['filled', 'sponsored', 'featured', 'ad', 'hot', 'ask hn', 'show hn', 'tell hn', 'note'],
]);
const MAX_COMPANY_LENGTH = 60;
const MAX_COMPANY_WORDS = 6;
// A word that makes a piece of a title a role: the side of "at" or a dash that names the job.
const ROLE_WORD =
  /\b(?:engineer|engineering|developer|programmer|architect|manager|director|lead|leader|head|scientist|analyst|administrator|admin|specialist|consultant|officer|vp|vice\s+president|president|intern|internship|researcher|technician|designer|coordinator|sre|devops|owner|principal|fellow|associate|tester|writer|advocate|evangelist|instructor|professor|lecturer|postdoc|chief|cto|cio|dba|operator|support|expert)s?\b/i;
const DASH = /\s+[-–—]\s+/;
// A feed reads "Role - Company" when this share of its titles (and at least MIN_TITLES) do.
const CONVENTION_SHARE = 0.6;
const MIN_TITLES = 3;

/** "Company: Role" when the part before the first colon plausibly names a company. */
export function splitCompanyTitle(title: string): Split | null {
  const colon = title.indexOf(':');
  if (colon <= 0) return null;
  const company = title.slice(0, colon).trim();
  const role = title.slice(colon + 1).trim();
  if (!company || !role || company.length > MAX_COMPANY_LENGTH) return null;
  // "10:30", "Re: ...", "https://...", "Hiring: ..." are not a company and a role.
  if (/\d$/.test(company) && /^\d/.test(role)) return null;
  if (role.startsWith('//') || company.split(/\s+/).length > MAX_COMPANY_WORDS) return null;
  if (NOT_A_COMPANY.has(company.toLowerCase())) return null;
  return { company, role };
}

/** "Senior Engineer at Kaleo Software": a role, then "at" and a capitalized name that is no place. */
export function splitRoleAtCompany(title: string): Split | null {
  const at = title.lastIndexOf(' at ');
  if (at <= 0) return null;
  const role = title.slice(0, at).trim();
  const company = title.slice(at + 4).trim();
  if (!/^[\p{Lu}\p{N}]/u.test(company)) return null; // "at a fast-growing startup", "at scale"
  return ROLE_WORD.test(role) && namesCompany(company) ? { company, role } : null;
}

/** The company and role of a dashed title read the feed's way; null when this one does not fit. */
export function splitDashedTitle(title: string, convention: TitleConvention): Split | null {
  if (!convention) return null;
  const parts = title.split(DASH);
  if (parts.length < 2) return null;
  const [company, role] =
    convention === 'role-dash-company'
      ? [parts.at(-1) as string, parts.slice(0, -1).join(' - ')]
      : [parts[0] as string, parts.slice(1).join(' - ')];
  return ROLE_WORD.test(role) && namesCompany(company) ? { company, role } : null;
}

/** The way most of a feed's titles name the company with a dash, if they agree. */
export function titleConvention(titles: string[]): TitleConvention {
  const dashed = titles.filter((t) => DASH.test(t) && !splitCompanyTitle(t));
  if (dashed.length < MIN_TITLES || dashed.length < titles.length * CONVENTION_SHARE) return null;
  for (const convention of ['role-dash-company', 'company-dash-role'] as const) {
    const companies = dashed.flatMap((t) => splitDashedTitle(t, convention)?.company ?? []);
    // Two distinct names at least: "Engineer - Acme" in every title is a one-company feed.
    if (companies.length >= titles.length * CONVENTION_SHARE && new Set(companies).size > 1)
      return convention;
  }
  return null;
}

/** A short name that is not a role, a place or a workplace ("Remote", "Berlin, Germany", "US Only"). */
function namesCompany(text: string): boolean {
  if (!text || text.length > MAX_COMPANY_LENGTH) return false;
  if (text.split(/\s+/).length > MAX_COMPANY_WORDS || ROLE_WORD.test(text)) return false;
  if (NOT_A_COMPANY.has(text.toLowerCase())) return false;
  return !looksLikePlace(text);
}

// Words that make the part after a dash where or how the job is done, not who offers it.
const WORKPLACE =
  /\b(?:remote(?:ly)?|hybrid|on-?site|in-office|anywhere|worldwide|only|time\s*zones?|relocation|contract|full[- ]time|part[- ]time|freelance|temporary|permanent)\b/i;

/** "Berlin", "London, UK", "Texas / Remote": every part a place name (a company may contain one). */
function looksLikePlace(text: string): boolean {
  if (WORKPLACE.test(text)) return true;
  return text
    .split(/\s*(?:,|\/|\bor\b)\s*/)
    .map((part) => part.replace(/[()]/g, '').trim())
    .filter(Boolean)
    .every(
      (part) =>
        lookupPlace(part, { freeText: false }) !== null ||
        lookupCity(part) !== undefined ||
        subdivisionsNamed(part).length > 0,
    );
}
