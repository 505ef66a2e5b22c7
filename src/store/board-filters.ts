// Pure translation of a board search into a MongoDB filter. Only operators MongoDB 6–8 and
// FerretDB 1.24 both run ($all, $in, $nor, ranges, anchored regexes); see docs/ARCHITECTURE.md
// for the indexes behind each field.
import { Types } from 'mongoose';
import { countries } from '../../config/countries.ts';
import { type CurrencyRates, currencyRates } from '../../config/currency-rates.ts';
import type { Blocklist } from '../domain/blocklist.ts';
import { type ArticleQuery, type JobQuery, postedWindows } from '../domain/board-query.ts';
import type { Cursor, ListOrder } from '../domain/cursor.ts';
import { escapeRegExp } from '../domain/regex-escape.ts';
import { parseQueryTerms, queryTermGroups } from '../domain/search-query.ts';
import { isCjkChar, withoutDiacritics } from '../domain/search-terms.ts';

/** A MongoDB filter document, kept loose: nested intel paths are beyond mongoose's typing. */
export type Filter = Record<string, unknown>;

/** What every default view shows: open, primary copies of relevant jobs. */
export const boardJobBase = {
  status: 'open',
  'intel.relevance.relevant': true,
  duplicateOf: null,
} as const;

/** The filter for a job search (without paging). `now` is rounded by the caller for caching. */
export function jobSearchFilter(
  query: JobQuery,
  options: { now: Date; blocklist?: Blocklist; rates?: CurrencyRates },
): Filter {
  const and: Filter[] = [{ ...boardJobBase }, ...termFilters(query.q)];
  if (query.workplace?.length) and.push({ 'intel.workplace': { $in: query.workplace } });
  if (query.from) and.push(applyFromFilter(query.from));
  if (query.location) and.push(locationFilter(query.location));
  const salary = salaryFilter(query, options.rates ?? currencyRates);
  if (salary) and.push(salary);
  if (query.seniority?.length) and.push({ 'intel.seniority': { $in: query.seniority } });
  if (query.type?.length) and.push({ 'intel.employmentType': { $in: query.type } });
  if (query.tags?.length) and.push({ 'intel.stackTags': { $all: query.tags } });
  if (query.posted) and.push({ publishedAt: { $gte: since(options.now, query.posted) } });
  if (query.source) and.push(listedBy(query.source));
  const blocked = blocklistFilter(options.blocklist);
  if (blocked) and.push(blocked);
  return merge(and);
}

/** The filter for an article search (without paging). */
export function articleSearchFilter(query: ArticleQuery): Filter {
  const and: Filter[] = [{ duplicateOf: null }, ...termFilters(query.q)];
  if (query.topic) and.push({ 'articleIntel.topics': query.topic });
  if (query.source) and.push(listedBy(query.source));
  return merge(and);
}

/**
 * Entries a source lists: its own, and those first listed elsewhere that it lists too (their
 * copies are folded into them), so a source's filter shows everything it carries.
 */
function listedBy(source: string): Filter {
  const id = new Types.ObjectId(source);
  return {
    $or: [{ sourceId: id }, { 'alsoListedOn.sourceId': id }, { 'sharedWith.sourceId': id }],
  };
}

/**
 * Every word of the query must be among an entry's terms, as written or, for a technology's
 * other name, as its tag ("postgres" also finds entries tagged postgresql): one $all for the
 * plain words, one $in per word with alternatives (a tag, "go OR rust"), all on the terms
 * index; "-word" leaves out entries having it.
 */
function termFilters(q: string | undefined): Filter[] {
  if (!q) return [];
  const { all, none, either, noneWords } = parseQueryTerms(q);
  const noneTerms = none.filter((term) => !isCjkChar(term));
  const noneChars = none.filter(isCjkChar);
  return [
    ...groupFilters(all),
    // An OR with a CJK word: one of the words, each with all of its character pairs.
    ...either.map((words) => ({ $or: words.map((word) => merge(groupFilters(word))) })),
    ...(noneTerms.length ? [{ terms: { $nin: noneTerms } }] : []),
    // "-京" leaves out every term it begins, as "京" finds them.
    ...(noneChars.length ? [{ $nor: noneChars.map(termFilter) }] : []),
    // "-エンジニア" leaves out what has the whole word, not each entry sharing one pair with it.
    ...(noneWords.length ? [{ $nor: noneWords.map((word) => merge(groupFilters(word))) }] : []),
  ];
}

/** Entries having a term of every group. */
function groupFilters(groups: string[][]): Filter[] {
  const single = groups.filter((g) => g.length === 1).map((g) => g[0] as string);
  const plain = single.filter((term) => !isCjkChar(term));
  return [
    ...(plain.length ? [{ terms: { $all: plain } }] : []),
    ...single.filter(isCjkChar).map(termFilter),
    ...groups
      .filter((g) => g.length > 1)
      .map((g) => (g.some(isCjkChar) ? { $or: g.map(termFilter) } : { terms: { $in: g } })),
  ];
}

/**
 * Entries having one term: as it is, or for one CJK character, any term it begins (a
 * left-anchored pattern, which MongoDB reads as a range of the terms index).
 */
function termFilter(term: string): Filter {
  return isCjkChar(term) ? { terms: { $regex: `^${escapeRegExp(term)}` } } : { terms: term };
}

/** The date field an order sorts on: publication, or when the board first stored the entry. */
export const orderField = (order: ListOrder) => (order === 'added' ? 'firstSeenAt' : 'publishedAt');

/**
 * How long an entry stays out of the added order after it is stored. A run stamps firstSeenAt
 * just before its insert goes out, so an insert still waiting for the database (FerretDB's
 * SQLite backend lets a writer wait up to 60 s for its lock) could land below the newest entry
 * a client has already seen, and a client polling from that cursor would skip it. Listing only
 * entries older than this makes the order final before anyone pages through it.
 */
export const ADDED_SETTLE_MS = 2 * 60_000;

/** Entries stored long enough ago that nothing can still arrive before them in the added order. */
export function settledFilter(now: Date): Filter {
  return { firstSeenAt: { $lte: new Date(now.getTime() - ADDED_SETTLE_MS) } };
}

/** What a list in `order` shows of a search's matches: in the added order, settled ones only. */
export function listedFilter(filter: Filter, order: ListOrder, now: Date): Filter {
  return order === 'added' ? { $and: [filter, settledFilter(now)] } : filter;
}

/** Entries strictly after (older than) or before (newer than) a position in its newest-first order. */
export function cursorFilter(cursor: Cursor, direction: 'older' | 'newer'): Filter {
  const op = direction === 'older' ? '$lt' : '$gt';
  const field = orderField(cursor.order);
  return {
    $or: [
      { [field]: { [op]: cursor.at } },
      { [field]: cursor.at, _id: { [op]: new Types.ObjectId(cursor.id) } },
    ],
  };
}

function since(now: Date, window: keyof typeof postedWindows): Date {
  return new Date(now.getTime() - postedWindows[window] * 3_600_000);
}

// A salary range reaching the minimum qualifies: "up to 120k" meets "at least 100k".
function salaryFilter(query: JobQuery, rates: CurrencyRates): Filter | null {
  if (query.salaryMin && query.salaryMin > 0) {
    const usdPer = rates.usdPer[query.currency ?? 'USD'] ?? 1;
    const usd = Math.round(query.salaryMin * usdPer);
    return {
      $or: [
        { 'intel.salary.annualUsdMax': { $gte: usd } },
        { 'intel.salary.annualUsdMax': null, 'intel.salary.annualUsdMin': { $gte: usd } },
      ],
    };
  }
  return query.hasSalary ? { 'intel.salary': { $ne: null } } : null;
}

const byCountryName = new Map(
  countries.flatMap((c) => [c.code, c.name, ...c.aliases].map((n) => [n.toLowerCase(), c.code])),
);

// Free text against the listing's stated location and the city it resolved to ("Munich" for
// "Standort: München"), with or without accents; a country name or code also matches jobs
// whose location resolved to that country.
function locationFilter(text: string): Filter {
  // ASCII classes and literal letters only: MongoDB (PCRE) and FerretDB (Go RE2) agree on them.
  const pattern = new RegExp(`(^|[^A-Za-z0-9])${accentFreePattern(text.trim())}`, 'i');
  const country = byCountryName.get(text.trim().toLowerCase());
  const or: Filter[] = [
    { 'intel.location.raw': pattern },
    { 'job.location': pattern },
    { 'intel.location.city': pattern },
  ];
  if (country) or.push({ 'intel.location.country': country });
  return { $or: or };
}

// Letters people type without their accents, and the accented letters they stand for. Both
// cases are spelled out: a case-insensitive match of non-ASCII letters differs between servers.
const ACCENTED: Readonly<Record<string, string>> = {
  a: 'àáâãäåāăą',
  c: 'çćĉċč',
  e: 'èéêëēĕėęě',
  i: 'ìíîïĩīĭįı',
  l: 'ĺļľł',
  n: 'ñńņň',
  o: 'òóôõöøōŏő',
  s: 'śŝşšș',
  t: 'ţťț',
  u: 'ùúûüũūŭůűų',
  y: 'ýÿŷ',
  z: 'źżž',
};

/** A regex source matching `text` with any of its letters accented or not: "zurich" ~ "Zürich". */
export function accentFreePattern(text: string): string {
  return Array.from(text, (char) => {
    const base = withoutDiacritics(char.toLowerCase());
    const accented = ACCENTED[base];
    if (!accented) return escapeRegExp(char);
    return `[${base}${base.toUpperCase()}${accented}${accented.toUpperCase()}]`;
  }).join('');
}

/**
 * Jobs someone in a country can apply to: those whose stated eligibility includes it (remote
 * jobs open to it or to anyone), and jobs located in it that state no eligibility (an office
 * or hybrid job there, or a remote one that names only its own city).
 */
function applyFromFilter(country: string): Filter {
  return {
    $or: [
      { 'intel.eligibility.applyFrom': { $in: ['*', country] } },
      { 'intel.eligibility.known': false, 'intel.location.country': country },
    ],
  };
}

function blocklistFilter(list: Blocklist | undefined): Filter | null {
  if (!list) return null;
  const nor: Filter[] = [
    ...list.companies.map((company) => ({
      'job.company': new RegExp(`^\\s*${escapeRegExp(company)}\\s*$`, 'i'),
    })),
    // A keyword is searched like a query: "node.js" also hides jobs only tagged Node.js.
    ...list.keywords
      .map((keyword) => groupFilters(queryTermGroups(keyword)))
      .filter((filters) => filters.length > 0)
      .map(merge),
  ];
  return nor.length > 0 ? { $nor: nor } : null;
}

function merge(and: Filter[]): Filter {
  return and.length === 1 ? (and[0] as Filter) : { $and: and };
}
