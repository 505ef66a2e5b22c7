// Links a result page offers: remove one filter (chips, empty-state suggestions) and page
// to newer or older results, each keeping every other parameter.

import { type ArticleQuery, DEFAULT_PAGE_SIZE, type JobQuery } from '../../domain/board-query.ts';
import { queryString, withoutPaging } from '../../domain/board-query-url.ts';
import type { Cursor } from '../../domain/cursor.ts';

type AnyQuery = JobQuery | ArticleQuery;

/** One active filter value and the search without it. */
export type Chip = { key: string; label: string; href: string; without: AnyQuery };

/** A chip per active filter value (one per tag, per workplace, ...). */
export function filterChips<T extends AnyQuery>(
  path: string,
  query: T,
  describe: (key: string, value: unknown) => string,
): Chip[] {
  const base = withoutPaging(query) as Record<string, unknown>;
  const chips: Chip[] = [];
  for (const [key, value] of Object.entries(base)) {
    // Not filters: the page size, the salary's currency (its chip is the salary's) and the order.
    if (key === 'limit' || key === 'currency' || key === 'sort') continue;
    const values = Array.isArray(value) ? value : [value];
    for (const one of values) {
      const rest: Record<string, unknown> = { ...base };
      if (Array.isArray(value)) rest[key] = value.filter((v) => v !== one);
      else delete rest[key];
      if (key === 'salaryMin') delete rest.currency;
      chips.push({
        key,
        label: describe(key, one),
        href: `${path}${queryString(rest as AnyQuery)}`,
        without: rest as AnyQuery,
      });
    }
  }
  return chips;
}

/** Newer/older links and the page number shown between them. */
export function pagerLinks(
  path: string,
  query: AnyQuery,
  page: { newer: Cursor | null; older: Cursor | null; total: number },
): { newer: string | null; older: string | null; page: number } {
  const base = withoutPaging(query);
  // The number only labels the page (the cursor decides what is on it): a page with nothing
  // newer is page 1, and no page is past the last, whatever the URL says.
  const size = query.limit ?? DEFAULT_PAGE_SIZE;
  const last = Math.max(2, Math.ceil(page.total / size));
  const current =
    (query.after || query.before) && page.newer ? Math.min(Math.max(query.page ?? 2, 2), last) : 1;
  const link = (extra: Partial<AnyQuery>) => `${path}${queryString({ ...base, ...extra })}`;
  return {
    page: current,
    // Back on page 1, drop the cursor so the first page has one canonical URL.
    newer: page.newer
      ? current <= 2
        ? link({})
        : link({ before: page.newer, page: current - 1 })
      : null,
    older: page.older ? link({ after: page.older, page: current + 1 }) : null,
  };
}
