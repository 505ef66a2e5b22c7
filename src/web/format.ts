// How the board words dates, money and labels. Pure and locale-fixed (en), so pages render the
// same on every process and tests can pin the output.
import { careerTopics } from '../../config/career-topics.ts';
import { countries } from '../../config/countries.ts';
import { regions } from '../../config/regions.ts';
import { stackTaxonomy } from '../../config/stack-taxonomy.ts';
import type { Salary } from '../domain/job-intel.ts';
import { escapeRegExp } from '../domain/regex-escape.ts';
import { searchTerms } from '../domain/search-terms.ts';

const tagNames = new Map(stackTaxonomy.map((t) => [t.slug, t.name]));
const topicNames = new Map(careerTopics.map((t) => [t.slug, t.name]));
const countryNames = new Map(countries.map((c) => [c.code, c.name]));
const regionNames = new Map(regions.map((r) => [r.code, r.name]));

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 86_400],
  ['month', 30 * 86_400],
  ['week', 7 * 86_400],
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
];
const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
const day = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "3 minutes ago", "yesterday", "just now". */
export function timeAgo(date: Date, now: Date): string {
  const seconds = Math.round((now.getTime() - date.getTime()) / 1000);
  if (Math.abs(seconds) < 60) return 'just now';
  for (const [unit, size] of UNITS)
    if (Math.abs(seconds) >= size) return relative.format(-Math.floor(seconds / size), unit);
  return 'just now';
}

/**
 * When a listing was posted, as timeAgo says it. Ingest keeps feed dates up to a day ahead (a
 * wrong zone, a skewed clock), and "in 20 hours" is not when anything was posted: those read as
 * just now.
 */
export function postedAgo(date: Date, now: Date): string {
  return date.getTime() > now.getTime() ? 'just now' : timeAgo(date, now);
}

/** "24 Nov 2026" (UTC). */
export function formatDay(date: Date): string {
  return day.format(date);
}

/** "$120k", "€85k", "£60/hour": whole amounts, compact when large. */
export function formatMoney(amount: number, currency: string): string {
  const compact = amount >= 10_000;
  try {
    return new Intl.NumberFormat('en', {
      style: 'currency',
      currency,
      notation: compact ? 'compact' : 'standard',
      minimumFractionDigits: 0,
      maximumFractionDigits: compact ? 1 : amount % 1 === 0 ? 0 : 2,
    }).format(amount);
  } catch {
    return `${amount} ${currency}`;
  }
}

/** The salary as the listing states it: "$50–$60 an hour", "€70k–€90k a year". */
export function statedSalary(salary: Salary): string {
  const per = { hour: 'an hour', day: 'a day', week: 'a week', month: 'a month', year: 'a year' };
  return `${range(salary.min, salary.max, salary.currency)} ${per[salary.period]}`;
}

/** The annualized salary, or null when the listing states it per year already. */
export function annualSalary(salary: Salary): string | null {
  if (salary.period === 'year') return null;
  if (salary.annualMin === null && salary.annualMax === null) return null;
  return `≈ ${range(salary.annualMin, salary.annualMax, salary.currency)} a year`;
}

function range(min: number | null, max: number | null, currency: string): string {
  if (min !== null && max !== null && min !== max)
    return `${formatMoney(min, currency)}–${formatMoney(max, currency)}`;
  const one = min ?? max;
  if (one === null) return '';
  return min === null ? `up to ${formatMoney(one, currency)}` : formatMoney(one, currency);
}

/** The display name of a stack tag slug. */
export const tagName = (slug: string): string => tagNames.get(slug) ?? slug;

const SIDE_ORDER = ['backend', 'neutral', 'frontend', 'mobile'];
const GROUP_ORDER = [
  'languages',
  'frameworks',
  'datastores',
  'queues-streaming',
  'cloud-infra',
  'practices',
];
const titlePatterns = new Map<string, RegExp>();
/** The tag's display name as a whole word ("Go" in "Backend Engineer (Go)", not in "Django"). */
function namedIn(slug: string): RegExp {
  let pattern = titlePatterns.get(slug);
  if (!pattern) {
    const name = escapeRegExp(tagName(slug));
    pattern = new RegExp(`(?<![\\p{L}\\p{N}])${name}(?![\\p{L}\\p{N}])`, 'iu');
    titlePatterns.set(slug, pattern);
  }
  return pattern;
}

const tagRanks = new Map(
  stackTaxonomy.map((t) => [t.slug, [SIDE_ORDER.indexOf(t.side), GROUP_ORDER.indexOf(t.group)]]),
);

/**
 * A job's stack tags in the order a reader looks for them (they are stored alphabetically):
 * those its title names, then backend before neutral before front-end and mobile, languages
 * before frameworks before datastores and the rest. A card shows the first few: a Ruby/Rails
 * job shows Ruby and Rails, not CoffeeScript and Elasticsearch.
 */
export function tagsByProminence(slugs: readonly string[], title: string): string[] {
  const rank = (slug: string) => [
    namedIn(slug).test(title) ? 0 : 1,
    ...(tagRanks.get(slug) ?? [SIDE_ORDER.length, GROUP_ORDER.length]),
  ];
  // Ranked once per tag, not once per comparison.
  const ranks = new Map(slugs.map((slug) => [slug, rank(slug)]));
  return [...slugs].sort((a, b) => {
    const [x, y] = [ranks.get(a) ?? [], ranks.get(b) ?? []];
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return (x[i] ?? 0) - (y[i] ?? 0);
    return a.localeCompare(b);
  });
}
/** The display name of an article topic (career topic or stack tag). */
export const topicName = (slug: string): string => topicNames.get(slug) ?? tagName(slug);
/** The English name of an ISO country code. */
export const countryName = (code: string): string => countryNames.get(code) ?? code;

/** Who may apply, in a few words: "Anywhere", "US, Canada", "EU", or null when unknown. */
export function applyFromText(eligibility: {
  known: boolean;
  worldwide: boolean;
  countries: string[];
  regions: string[];
}): string | null {
  if (!eligibility.known) return null;
  if (eligibility.worldwide) return 'Anywhere';
  const names = [
    ...eligibility.regions.map((r) => regionNames.get(r) ?? r),
    ...eligibility.countries.map(countryName),
  ];
  if (names.length === 0) return null;
  return names.length > 4
    ? `${names.slice(0, 4).join(', ')} +${names.length - 4}`
    : names.join(', ');
}

export const workplaceLabel: Record<string, string> = {
  remote: 'Remote',
  hybrid: 'Hybrid',
  onsite: 'On-site',
};

/** "Senior", "Full-time": a slug as a label. */
export function label(slug: string): string {
  const text = slug.replace(/-/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A URL slug of a title: lower-case ASCII words joined by hyphens, at most 60 characters. */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'job';
}

/**
 * A keyword search as its chip reads. Words too common to search for ("the") or punctuation
 * alone narrow nothing, and the chip says so rather than look like a search that matched all.
 */
export function keywordLabel(q: string): string {
  return searchTerms(q).length ? `“${q}”` : `“${q}” (too common to search for)`;
}

/** A page heading for a keyword search, or the list's own when the keywords narrow nothing. */
export function keywordHeading(q: string | undefined, what: string, otherwise: string): string {
  return q && searchTerms(q).length ? `${what} matching “${q}”` : otherwise;
}
