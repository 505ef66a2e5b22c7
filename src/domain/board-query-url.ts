// The canonical query string of a search: the same search always yields the same string, so it
// serves as a shareable URL, a feed link and a cache key.
import type { ArticleQuery, JobQuery } from './board-query.ts';
import { type Cursor, encodeCursor } from './cursor.ts';

type AnyQuery = JobQuery | ArticleQuery;

// Filters in a fixed order; paging last so "remove a filter" links can drop it cleanly.
const order = [
  'q',
  'workplace',
  'from',
  'location',
  'salaryMin',
  'currency',
  'hasSalary',
  'seniority',
  'type',
  'tags',
  'posted',
  'topic',
  'source',
  'limit',
  'sort',
  'after',
  'before',
  'page',
] as const;

/** The query as URL parameters (lists comma-joined, cursors encoded, defaults left out). */
export function toSearchParams(query: AnyQuery): URLSearchParams {
  const params = new URLSearchParams();
  const values = query as Record<string, unknown>;
  for (const key of order) {
    const value = values[key];
    if (value === undefined || value === '' || value === false) continue;
    if (Array.isArray(value)) {
      if (value.length > 0) params.set(key, [...value].sort().join(','));
    } else if (value === true) params.set(key, '1');
    else if (typeof value === 'object' && value && 'at' in value)
      params.set(key, encodeCursor(value as Cursor));
    else params.set(key, String(value));
  }
  return params;
}

/** "?a=1&b=2", or "" for an empty query. */
export function queryString(query: AnyQuery): string {
  const text = toSearchParams(query).toString();
  return text ? `?${text}` : '';
}

/** The same search without paging: page 1 of it (in its order), the link a filter change uses. */
export function withoutPaging<T extends AnyQuery>(query: T): T {
  const { after: _a, before: _b, page: _p, ...rest } = query;
  return rest as T;
}
