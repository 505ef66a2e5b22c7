import type { NormalizedEntry } from '../domain/entry.ts';
import { formatTable } from './args.ts';

/** An entry as preview prints it: dates as ISO strings (or null), job fields only for jobs. */
export function entryJson(entry: NormalizedEntry) {
  const { job, ...rest } = entry;
  return {
    ...rest,
    publishedAt: entry.publishedAt?.toISOString() ?? null,
    updatedAt: entry.updatedAt?.toISOString() ?? null,
    ...(job ? { job: { ...job, expiresAt: job.expiresAt?.toISOString() ?? null } } : {}),
  };
}

/** Entries as a terminal table. */
export function entriesTable(entries: NormalizedEntry[]): string {
  if (entries.length === 0) return '(no entries)';
  const cut = (s: string | null | undefined, n: number) =>
    !s ? '' : s.length > n ? `${s.slice(0, n - 1)}…` : s;
  return formatTable(
    ['PUBLISHED', 'TITLE', 'COMPANY', 'URL'],
    entries.map((e) => [
      e.publishedAt
        ? e.publishedAt.toISOString().slice(0, 16).replace('T', ' ')
        : `(${e.dateFlag ?? 'no date'})`,
      cut(e.title, 60),
      cut(e.job?.company, 24),
      cut(e.url, 70),
    ]),
  );
}
