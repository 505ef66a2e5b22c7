// The company in a job title that names it beside the role. "Company: Role" (We Work Remotely)
// and "Role at Company" are read item by item. A dash ("Role - Company", Research Computing
// Teams and many ATS feeds) is read only where the source's operator says its titles read so
// (options.titleFormat): a careers page's "Engineer - Payments" or "Engineer - Senior" names a
// team or a level, and a wrong company would merge different employers' jobs as copies.
// titleConvention only suggests the setting, in preview.

import { type TitleFormat, titleFormats } from '../../domain/source.ts';
import {
  lookupCity,
  lookupPlace,
  subdivisionsByPostalCode,
  subdivisionsNamed,
} from '../enrich/place-names.ts';

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
// Preview suggests a title format when this share of the titles read so, naming this many companies.
const CONVENTION_SHARE = 0.6;
const MIN_COMPANIES = 5;

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

/**
 * "Senior Engineer at Kaleo Software": a role, then "at" and a capitalized name that is no place,
 * with a trailing place dropped ("at Acme (London)", "at Acme, Berlin", "at Acme in Austin").
 */
export function splitRoleAtCompany(title: string): Split | null {
  const at = title.lastIndexOf(' at ');
  if (at <= 0) return null;
  const role = title.slice(0, at).trim();
  const company = withoutPlaceTail(title.slice(at + 4).trim());
  // "at a fast-growing startup", "at scale", "(Remote, Work at Home)"
  if (!/^\p{Lu}/u.test(company) || !balanced(role) || !balanced(company)) return null;
  return ROLE_WORD.test(role) && namesCompany(company) ? { company, role } : null;
}

/** The company and role of a dashed title read the source's way; null when this one does not fit. */
export function splitDashedTitle(title: string, format: TitleFormat | null): Split | null {
  if (!format) return null;
  const parts = title.split(DASH);
  if (parts.length < 2) return null;
  const [company, role] =
    format === 'role-company'
      ? [parts.at(-1) as string, parts.slice(0, -1).join(' - ')]
      : [parts[0] as string, parts.slice(1).join(' - ')];
  return ROLE_WORD.test(role) && namesCompany(company) ? { company, role } : null;
}

/**
 * The title format most of a feed's job titles suggest, for preview to offer: more than
 * CONVENTION_SHARE of them dashed, and read that way, name at least MIN_COMPANIES companies.
 */
export function titleConvention(titles: string[]): TitleFormat | null {
  const dashed = titles.filter((t) => DASH.test(t) && !splitCompanyTitle(t));
  if (dashed.length < titles.length * CONVENTION_SHARE) return null;
  for (const format of titleFormats) {
    const companies = dashed.flatMap((t) => splitDashedTitle(t, format)?.company ?? []);
    if (
      companies.length >= titles.length * CONVENTION_SHARE &&
      new Set(companies).size >= MIN_COMPANIES
    )
      return format;
  }
  return null;
}

/** A short name that is not a role, a level, a place or a workplace ("Remote", "Berlin, Germany"). */
function namesCompany(text: string): boolean {
  if (!text || text.length > MAX_COMPANY_LENGTH || !/^[\p{L}]/u.test(text)) return false;
  if (text.split(/\s+/).length > MAX_COMPANY_WORDS || ROLE_WORD.test(text)) return false;
  if (NOT_A_COMPANY.has(text.toLowerCase()) || NOT_A_NAME.test(text)) return false;
  return !looksLikePlace(text);
}

// Levels, gender notes and generic nouns: what a dash or "at" names when it names no employer
// ("Engineer - Senior", "Developer - m/w/d", "Engineer at a Series B Startup").
const NOT_A_NAME =
  /^(?:(?:senior|sr\.?|junior|jr\.?|staff|mid(?:-level)?|entry(?:-level)?|principal|i{1,3}|iv|v|[mfwdx](?:\/[mfwdx]){1,3})$|.*\b(?:startup|start-up|company|office|firm|team|agency|client|customer)s?$)/i;

/**
 * Drops a place or workplace after the name: "Acme (London)", "Acme, Berlin", "Acme - Remote",
 * and after "in" anything that ends in a place ("Google in Mountain View, CA").
 */
function withoutPlaceTail(text: string): string {
  const tail = /^(.+?)(?:\s*\(([^()]*)\)|,\s*(.+)|\s+[-–—]\s+(.+)|\s+in\s+(.+))$/u.exec(text);
  if (!tail?.[1]) return text;
  const after = tail[5];
  const place = after
    ? looksLikePlace(after.split(',').at(-1) as string)
    : looksLikePlace(tail[2] ?? tail[3] ?? tail[4] ?? '');
  return place ? tail[1].trim() : text;
}

/** Brackets closed where they open: "(Remote, Work at Home)" split at "at" leaves neither half so. */
function balanced(text: string): boolean {
  let depth = 0;
  for (const c of text) {
    if (c === '(' || c === '[') depth++;
    else if ((c === ')' || c === ']') && --depth < 0) return false;
  }
  return depth === 0;
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
        subdivisionsNamed(part).length > 0 ||
        (/^\p{Lu}{2}$/u.test(part) && subdivisionsByPostalCode(part).length > 0),
    );
}
