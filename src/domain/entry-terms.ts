// An entry's search terms, from the fields it stores: the tokens of its title, company, feed
// categories and skills (normalize), then its stack tags, and for an article its topics
// (enrich). Built here for both, so the terms of a stored entry can be built again exactly
// when the tokenizer changes (see store/terms-refresh.ts).
import type { ArticleIntel, JobIntel } from './job-intel.ts';
import { entryTerms } from './search-terms.ts';

/**
 * Which tokenizer built the stored terms: raised whenever searchTerms or entryTerms changes
 * what they give for the same text, so stored entries are rewritten with the new terms.
 * 1: accent-free spellings too ("zurich" for "zürich"); 2: CJK runs as character pairs;
 * 3: and each run's last character (one-character searches).
 */
export const TERMS_VERSION = 3;

/** What the terms are built from, as an entry stores it. */
export type TermFields = {
  title: string;
  tags?: string[] | null;
  job?: { company?: string | null; skills?: string[] | null } | null;
};

/** The normalize stage's terms: title, company, feed categories and skills. */
export function textTerms(entry: TermFields): string[] {
  return entryTerms(
    entry.title,
    entry.job?.company ?? null,
    entry.tags ?? [],
    entry.job?.skills ?? [],
  );
}

/** The enrich stage's: stack tags join them (so "postgres" finds PostgreSQL jobs), and topics. */
export function withIntelTerms(
  terms: string[],
  intel: Pick<JobIntel, 'stackTags'> | null | undefined,
  articleIntel: Pick<ArticleIntel, 'stackTags' | 'topics'> | null | undefined,
): string[] {
  return [
    ...new Set([
      ...terms,
      ...(intel?.stackTags ?? []),
      ...(articleIntel?.stackTags ?? []),
      ...(articleIntel?.topics ?? []),
    ]),
  ];
}

/** The terms a stored entry would be given now. */
export function storedEntryTerms(
  entry: TermFields & {
    intel?: Pick<JobIntel, 'stackTags'> | null;
    articleIntel?: Pick<ArticleIntel, 'stackTags' | 'topics'> | null;
  },
): string[] {
  return withIntelTerms(textTerms(entry), entry.intel, entry.articleIntel);
}

/** Whether stored terms are these, in this order (an absent list is empty: a server may drop `[]`). */
export function sameTerms(stored: string[] | null | undefined, fresh: string[]): boolean {
  const list = stored ?? [];
  return list.length === fresh.length && list.every((term, i) => term === fresh[i]);
}
