// A source's keep/block rules for articles. A rule is a keyword — literal, case-insensitive,
// by whole word or phrase, so "java" does not block "javascript" and "c++" means exactly
// that — or a /regular expression/ run with the safe-pattern limits. Jobs use the same rules
// inside the relevance classifier instead (kept, only hidden).
import type { NormalizedEntry } from '../../domain/entry.ts';
import { compileRule } from '../../domain/safe-pattern.ts';

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
  let blocked: string | undefined;
  try {
    blocked = block.find((keyword) => matches(haystack, keyword));
  } catch (error) {
    // A block rule that cannot run holds the entry back rather than letting it through.
    return { keep: false, reason: `held back: ${(error as Error).message}` };
  }
  if (blocked !== undefined) return { keep: false, reason: `blocked by keyword "${blocked}"` };
  const safeMatch = (keyword: string) => {
    try {
      return matches(haystack, keyword);
    } catch {
      return false;
    }
  };
  if (keep.length > 0 && !keep.some(safeMatch)) {
    return { keep: false, reason: 'no keep keyword matched' };
  }
  return { keep: true, reason: null };
}

function usable(keywords: string[] | undefined): string[] {
  return (keywords ?? []).map((keyword) => keyword.trim()).filter(Boolean);
}

function matches(haystack: string, rule: string): boolean {
  // Keywords match whole words; /pattern/flags rules run with the safe-pattern limits.
  return compileRule(rule).test(haystack);
}
