import { canonicalUrl } from './canonical-url.ts';

// Words that describe where or how, not which role: "(Remote)", "- US", "(m/f/d)".
const noise = /\((?:[^)]*)\)|\[(?:[^\]]*)\]|\b(?:m\/f\/d|f\/m\/d|m\/w\/d|w\/m\/d|h\/f)\b/g;
const trailingPlace =
  /\s[-–—|]\s*(?:remote|hybrid|on-?site|anywhere|worldwide|us|usa|uk|eu|europe|emea|latam|apac|americas|[a-z .]+,\s*[a-z]{2})\s*$/i;
const companySuffix =
  /\b(?:inc|llc|ltd|limited|gmbh|ag|sa|sas|bv|plc|corp|corporation|co|company|pty)\b\.?/g;
const abbreviations: Array<[RegExp, string]> = [
  [/\bsr\b\.?/g, 'senior'],
  [/\bjr\b\.?/g, 'junior'],
  [/\beng\b\.?/g, 'engineer'],
  [/\bdev\b\.?/g, 'developer'],
  [/\bmgr\b\.?/g, 'manager'],
];

function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** A role title reduced to what identifies the role: level and specialty kept, place and noise gone. */
export function normalizeRoleTitle(title: string): string {
  let t = fold(title).replace(noise, ' ');
  for (;;) {
    const next = t.trim().replace(trailingPlace, '');
    if (next === t.trim()) break;
    t = next;
  }
  for (const [pattern, word] of abbreviations) t = t.replace(pattern, word);
  return t.replace(/[^\p{L}\p{N}+#]+/gu, ' ').trim();
}

/** A company name reduced for comparison ("Acme, Inc." and "ACME" are one company). */
export function normalizeCompany(company: string): string {
  return fold(company)
    .replace(/^the\s+/, '')
    .replace(companySuffix, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The key under which listings of one job from several sources meet: company + role title
 * (so "Senior Backend Engineer" and "Backend Engineer" never merge); else the canonical
 * apply URL; else the listing's own URL, which merges nothing.
 */
export function jobDedupKey(
  job: { company: string | null; role: string | null; applyUrl: string | null },
  title: string,
  listingUrl: string,
): string {
  const company = job.company ? normalizeCompany(job.company) : '';
  const role = normalizeRoleTitle(job.role ?? title);
  if (company && role) return `job:${company}|${role}`;
  const apply = job.applyUrl ? canonicalUrl(job.applyUrl) : null;
  return apply ? `apply:${apply}` : `url:${listingUrl}`;
}

/**
 * The key under which copies of one article from several sources meet: its folded title and
 * the opening words of its summary. Two posts can share a title ("My year in review", "What I
 * learned in 2025"); copies of one post also open the same way.
 */
export function articleDedupKey(title: string, summary: string, listingUrl: string): string {
  const words = (text: string) =>
    fold(text)
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim()
      .split(' ')
      .filter(Boolean);
  const t = words(title);
  // Very short titles ("Hello", "Update") are too common to identify an article.
  if (t.length < 3) return `url:${listingUrl}`;
  return `title:${t.join(' ')}|${words(summary).slice(0, OPENING_WORDS).join(' ')}`;
}

// Enough to tell two posts apart; few enough that one source's shorter excerpt still meets.
const OPENING_WORDS = 12;
