// One schema.org JobPosting as the RawItem every source produces. Links are resolved here (the
// page's <base> is only known here); dates, titles and HTML stay as written for normalize/.
import { resolveUrl } from '../../domain/canonical-url.ts';
import { jobExtra } from './jsonld-job-extra.ts';
import { salaryExtra } from './jsonld-salary.ts';
import {
  asList,
  type Deref,
  firstText,
  isObject,
  type Json,
  nameOf,
  text,
} from './jsonld-values.ts';
import type { RawItem } from './raw-feed.ts';

const LOOSE_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{1,2})(?::(\d{1,2}))?)?(.*)$/;

/** A JobPosting as a RawItem: links absolute against `base`, references followed with `deref`. */
export function postingToRawItem(posting: Json, base: string, deref: Deref): RawItem {
  const absolute = (value: unknown, keys: readonly string[]) => urlOf(value, keys, base, deref);
  const link =
    absolute(posting.url, ['url']) ??
    absolute(posting.sameAs, ['url']) ??
    absolute(posting.mainEntityOfPage, ['url', '@id']);
  // A PropertyValue's name is the issuer ("Acme"), not an id: only its value counts.
  const identifier = nameOf(posting.identifier, deref, ['value']);
  const nodeId = text(posting['@id']);
  const fromNode = nodeId && !nodeId.startsWith('_:') ? (resolveUrl(nodeId, base) ?? nodeId) : null;
  const guid = identifier ?? fromNode ?? link;
  const org = deref(asList(posting.hiringOrganization)[0]);
  const logo = isObject(org) ? absolute(org.logo, ['url', 'contentUrl']) : null;
  const extra: Record<string, string> = {};
  const company = isObject(org) ? firstText(org, ['name', 'legalName']) : text(org);
  if (company) extra.company = company;
  if (logo) extra.company_logo = logo;
  // Google's examples put the website in sameAs; WordPress SEO plugins put social profiles there
  // and the website in url, so url wins when both are given.
  const companyUrl = isObject(org)
    ? (absolute(org.url, ['url']) ?? absolute(org.sameAs, ['url', '@id']))
    : null;
  if (companyUrl) extra.company_url = companyUrl;
  Object.assign(extra, jobExtra(posting, deref), salaryExtra(posting));
  const expires = looseIsoDate(posting.validThrough);
  if (expires) extra.expires_at = expires;
  const contact = deref(asList(posting.applicationContact)[0]);
  const applyUrl =
    (isObject(contact) ? absolute(contact.url, ['url']) : null) ??
    (isDirectApply(posting.directApply) ? link : null);
  if (applyUrl) extra.apply_url = applyUrl;
  return {
    title: text(posting.title) ?? text(posting.name),
    link,
    links: link ? [{ href: link, rel: 'alternate', type: null }] : [],
    guid,
    // Only a guid that is the link itself may stand in for it.
    guidIsPermaLink: guid !== null && identifier === null && guid === link,
    published: looseIsoDate(posting.datePosted),
    updated: looseIsoDate(posting.dateModified),
    author: null,
    categories: [],
    contentHtml: typeof posting.description === 'string' ? posting.description : null,
    summaryHtml: null,
    enclosures: [],
    imageUrl: logo,
    base,
    extra,
  };
}

// Date.parse and the normalizer's date reader reject "2026-5-1T9:00"; anything else is theirs.
/** A date as written, except that unpadded ISO dates ("2026-5-1T9:00") are zero-padded. */
export function looseIsoDate(value: unknown): string | null {
  const written = text(value);
  const match = written ? LOOSE_DATE.exec(written) : null;
  if (!match) return written;
  const [, year, month, day, hour, minute, second, rest] = match;
  if ([month, day, hour, minute, second].every((part) => part === undefined || part.length === 2)) {
    return written;
  }
  const pad = (part: string | undefined) => (part ?? '').padStart(2, '0');
  let date = `${year}-${pad(month)}-${pad(day)}`;
  if (hour !== undefined) date += `T${pad(hour)}:${pad(minute)}`;
  if (second !== undefined) date += `:${pad(second)}`;
  return date + rest;
}

// The first value that resolves to an http(s) URL: a string, or an object's `keys` (an
// ImageObject's url, a WebPage's @id), following references.
function urlOf(value: unknown, keys: readonly string[], base: string, deref: Deref): string | null {
  for (const entry of asList(value)) {
    const node = deref(entry);
    // A number is an id, never a relative URL.
    const raw = isObject(node) ? firstText(node, keys) : typeof node === 'string' ? node : null;
    const url = raw ? resolveUrl(raw, base) : null;
    if (url) return url;
  }
  return null;
}

function isDirectApply(value: unknown): boolean {
  return value === true || (typeof value === 'string' && value.trim().toLowerCase() === 'true');
}
