// A source's keep/block keywords. Operators type words, not patterns: matching is literal,
// case-insensitive and by whole word or phrase, so "java" does not block "javascript" and
// "c++" means exactly that.
import type { NormalizedEntry } from '../../domain/entry.ts';

/** Keep/block keywords configured on a source. */
export type KeywordRules = { keep?: string[]; block?: string[] };

/** Whether an entry passes a source's keyword rules: block wins over keep; a non-empty keep list must match. */
export function applyKeywordRules(
  entry: Pick<NormalizedEntry, 'title' | 'summary' | 'tags'>,
  rules: KeywordRules,
): { keep: boolean; reason: string | null } {
  const haystack = [entry.title, entry.summary, ...entry.tags].join('\n').normalize('NFKC');
  const block = usable(rules.block);
  const keep = usable(rules.keep);
  const blocked = block.find((keyword) => matches(haystack, keyword));
  if (blocked !== undefined) return { keep: false, reason: `blocked by keyword "${blocked}"` };
  if (keep.length > 0 && !keep.some((keyword) => matches(haystack, keyword))) {
    return { keep: false, reason: 'no keep keyword matched' };
  }
  return { keep: true, reason: null };
}

function usable(keywords: string[] | undefined): string[] {
  return (keywords ?? []).map((keyword) => keyword.trim()).filter(Boolean);
}

function matches(haystack: string, keyword: string): boolean {
  const phrase = keyword
    .normalize('NFKC')
    .split(/\s+/)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('\\s+');
  // Word boundaries that know Unicode letters; a trailing + or # continues a word ("c" ≠ "c++").
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}_])${phrase}(?![\\p{L}\\p{N}_+#])`, 'iu');
  return pattern.test(haystack);
}
