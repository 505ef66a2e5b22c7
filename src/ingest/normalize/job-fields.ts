// Job fields a feed states structurally: a title naming the company (title-company.ts) and extra
// elements (region, country, type, skills, category, expires_at, media:content). Nothing is
// guessed from prose: what the feed does not say stays null for the later enrichment stage.
// The entry keeps the full cleaned title ("Kaleo Software: Senior Software Engineer"), which
// reads well in lists and search; `role` carries the title without the company.

import { resolveUrl, visitUrl } from '../../domain/canonical-url.ts';
import type { JobFields } from '../../domain/entry.ts';
import { statedLocation } from '../../domain/job-intel.ts';
import type { TitleFormat } from '../../domain/source.ts';
import type { RawItem } from '../parse/raw-feed.ts';
import { type DateHint, parseDate } from './dates.ts';
import { cleanTitle } from './text.ts';
import { splitCompanyTitle, splitDashedTitle, splitRoleAtCompany } from './title-company.ts';

/** Job fields from an item's title and extra elements; `title` is the display title to store. */
export function extractJobFields(
  item: RawItem,
  title: string,
  options: { dateHint?: DateHint; titleFormat?: TitleFormat | null } = {},
): { fields: JobFields; title: string } {
  const extra = normalizedExtra(item.extra);
  const text = (...keys: string[]) => firstText(extra, keys);
  const split =
    splitCompanyTitle(title) ??
    splitRoleAtCompany(title) ??
    splitDashedTitle(title, options.titleFormat ?? null);
  const company = text('company', 'company_name') ?? split?.company ?? null;
  // With the company from its own element, the title's company counts only when it names it.
  const role = split && split.company.toLowerCase() === company?.toLowerCase() ? split.role : null;
  const base = item.base ?? undefined;
  const url = (...keys: string[]) => {
    const raw = firstText(extra, keys);
    return raw ? resolveUrl(raw, base) : null;
  };
  const applyUrl = firstText(extra, ['apply_url', 'application_url', 'apply']);
  const expires = text('expires_at', 'expires', 'expiration_date', 'valid_through');
  const fields: JobFields = {
    company,
    role,
    location: remoteLocation(
      statedLocation(text('location', 'job_location') ?? joined(text('city'), text('state'))),
      text('remote'),
    ),
    region: text('region'),
    country: text('country'),
    employmentType: text('type', 'job_type', 'employment_type'),
    category: text('category'),
    skills: listOf(text('skills')),
    salaryText: text('salary'),
    salaryMin: amount(text('salary_min', 'min_salary')),
    salaryMax: amount(text('salary_max', 'max_salary')),
    salaryCurrency: currency(text('salary_currency', 'currency')),
    expiresAt: expires ? parseDate(expires, options.dateHint) : null,
    logoUrl: url('media_content', 'logo', 'company_logo', 'logo_url') ?? imageUrl(item),
    applyUrl: applyUrl ? visitUrl(applyUrl, base) : null,
  };
  return { fields, title };
}

/**
 * A job stated remote by a field of its own (JSON-LD's jobLocationType TELECOMMUTE, a feed's
 * <remote>true</remote>) says so in its location line, where enrichment reads workplace and
 * where applicants may be: "Remote", or "Remote or Oslo" beside an office it names.
 */
function remoteLocation(location: string | null, remote: string | null): string | null {
  if (!remote || !/^(?:true|yes|1)$/i.test(remote)) return location;
  if (location && /\bremote\b/i.test(location)) return location;
  return location ? `Remote or ${location}` : 'Remote';
}

function normalizedExtra(extra: Record<string, string>): Map<string, string> {
  // Parsers name the same element "expires_at", "expires-at" or "media:content".
  return new Map(
    Object.entries(extra).map(([key, value]) => [key.toLowerCase().replace(/[-:\s]/g, '_'), value]),
  );
}

function firstText(extra: Map<string, string>, keys: string[]): string | null {
  for (const key of keys) {
    const value = cleanTitle(extra.get(key) ?? '');
    if (value) return value;
  }
  return null;
}

function joined(...parts: Array<string | null>): string | null {
  return parts.filter(Boolean).join(', ') || null;
}

function listOf(text: string | null): string[] {
  const seen = new Map<string, string>();
  for (const piece of (text ?? '').split(/[,;]/)) {
    const skill = piece.trim();
    if (skill && !seen.has(skill.toLowerCase())) seen.set(skill.toLowerCase(), skill);
  }
  return [...seen.values()];
}

/** A structured salary number ("85000", "85,000", "$85,000.00"); 0 and anything else are no salary. */
function amount(text: string | null): number | null {
  const cleaned = (text ?? '').replace(/^[$€£¥]\s*/, '').replace(/\s/g, '');
  let value: number | null = null;
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(cleaned)) value = Number(cleaned.replace(/,/g, ''));
  // "85.000" is 85 thousand in Europe and 85 elsewhere: not a number to guess at.
  else if (/^\d+(\.\d+)?$/.test(cleaned) && !/^\d{1,3}\.\d{3}$/.test(cleaned)) {
    value = Number(cleaned);
  }
  return value && Number.isFinite(value) ? value : null;
}

function currency(text: string | null): string | null {
  return text && /^[a-z]{3}$/i.test(text) ? text.toUpperCase() : null;
}

function imageUrl(item: RawItem): string | null {
  return item.imageUrl ? resolveUrl(item.imageUrl, item.base ?? undefined) : null;
}
