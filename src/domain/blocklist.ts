// A job seeker's own block list (companies and keywords), kept in a cookie: no account needed,
// nothing stored on our side. The cookie is untrusted input, so it is re-validated on every read.
import { searchTerms } from './search-terms.ts';

export type Blocklist = { companies: string[]; keywords: string[] };

export const BLOCKLIST_COOKIE = 'bb_block';
export const MAX_BLOCKED = 30;
const MAX_LENGTH = 80;

export const emptyBlocklist = (): Blocklist => ({ companies: [], keywords: [] });

/** The block list a cookie value holds; anything malformed reads as empty, never as an error. */
export function parseBlocklist(value: string | undefined): Blocklist {
  if (!value) return emptyBlocklist();
  try {
    const data = JSON.parse(value) as Partial<Record<keyof Blocklist, unknown>>;
    return { companies: cleanList(data.companies), keywords: cleanList(data.keywords) };
  } catch {
    return emptyBlocklist();
  }
}

/** The cookie value for a block list. */
export function serializeBlocklist(list: Blocklist): string {
  return JSON.stringify({ companies: list.companies, keywords: list.keywords });
}

/** Adds or removes one company or keyword; adding past the limit drops the oldest. */
export function changeBlocklist(
  list: Blocklist,
  change: { kind: keyof Blocklist; value: string; remove: boolean },
): Blocklist {
  const value = clean(change.value);
  if (!value) return list;
  const kept = list[change.kind].filter((v) => v.toLowerCase() !== value.toLowerCase());
  const next = change.remove ? kept : [...kept, value].slice(-MAX_BLOCKED);
  return { ...list, [change.kind]: next };
}

/** The search tokens a blocked keyword stands for; a keyword blocks jobs having all of them. */
export function keywordTerms(keyword: string): string[] {
  return searchTerms(keyword);
}

function cleanList(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const seen = new Set<string>();
  const out: string[] = [];
  for (const item of value) {
    const v = typeof item === 'string' ? clean(item) : '';
    if (!v || seen.has(v.toLowerCase())) continue;
    seen.add(v.toLowerCase());
    out.push(v);
  }
  return out.slice(-MAX_BLOCKED);
}

function clean(value: string): string {
  return value
    .replace(/\p{Cc}/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_LENGTH);
}
