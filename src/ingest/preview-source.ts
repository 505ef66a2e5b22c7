// "Preview before save": the form's source run through fetch → parse → normalize → enrich,
// nothing stored. Shows the first items, how often each field was filled, and every warning.
import type { NormalizedEntry } from '../domain/entry.ts';
import { printable } from '../domain/printable.ts';
import type { SourceInput } from '../domain/source.ts';
import type { Fetcher } from './fetch/fetcher.ts';
import { titleConvention } from './normalize/title-company.ts';
import { offBoardWarnings } from './off-board.ts';
import { discoverSource } from './parse/discover.ts';
import { readFeed } from './read-feed.ts';

const SHOWN = 20;

/** What the preview panel shows. */
export type PreviewResult = {
  items: Array<{
    title: string;
    url: string;
    published: string | null;
    company: string | null;
    location: string | null;
  }>;
  total: number;
  fields: Array<{ field: string; filled: number }>;
  warnings: string[];
  error: string | null;
};

/** Runs the source once without storing anything; failures come back as `error`, not thrown. */
export async function previewSource(
  fetcher: Fetcher,
  input: SourceInput,
  { maxJobAgeDays }: { maxJobAgeDays?: number } = {},
): Promise<PreviewResult> {
  try {
    const fetchPage = async (url: string) => {
      const page = await fetcher.fetch(url, { userAgent: input.options.userAgent ?? undefined });
      return { text: page.text, url: page.url };
    };
    const first = await fetchPage(input.url);
    const reading = await readFeed(first.text, first.url, { ...input, fetchPage }, new Date());
    const entries = reading.entries;
    const count = (has: (e: (typeof entries)[number]) => unknown) =>
      entries.filter((e) => has(e)).length;
    return {
      items: entries.slice(0, SHOWN).map((e) => ({
        title: e.title,
        url: e.url,
        published: e.publishedAt?.toISOString() ?? null,
        company: e.job?.company ?? null,
        location: e.intel?.location.raw ?? e.job?.location ?? null,
      })),
      total: entries.length,
      fields: [
        { field: 'title', filled: count((e) => e.title) },
        { field: 'link', filled: count((e) => e.url) },
        { field: 'date', filled: count((e) => e.publishedAt && !e.dateFlag) },
        { field: 'summary', filled: count((e) => e.summary) },
        { field: 'company', filled: count((e) => e.job?.company) },
        { field: 'location', filled: count((e) => e.intel?.location.raw ?? e.job?.location) },
        { field: 'salary', filled: count((e) => e.intel?.salary) },
        {
          field: 'stack tags',
          filled: count((e) => e.intel?.stackTags.length || e.articleIntel?.stackTags.length),
        },
      ],
      warnings: [
        ...reading.warnings,
        ...reading.repairs.map((r) => `repaired: ${r}`),
        ...(reading.dropped.length
          ? [
              `${reading.dropped.length} item(s) left out (${reading.dropped[0]?.reason}${reading.dropped.length > 1 ? ', …' : ''})`,
            ]
          : []),
        ...(entries.length === 0 ? ['no usable items'] : []),
        ...titleFormatHint(input, entries),
        ...(input.type === 'jobs' && maxJobAgeDays
          ? offBoardWarnings(entries, new Date(), maxJobAgeDays)
          : []),
      ],
      error: null,
    };
  } catch (error) {
    return {
      items: [],
      total: 0,
      fields: [],
      warnings: [],
      error: printable((error as Error).message),
    };
  }
}

const FORMAT_LABELS = { 'role-company': 'Role - Company', 'company-role': 'Company - Role' };

/** Jobs whose titles mostly read "Role - Company": the setting that would take the company from them. */
function titleFormatHint(input: SourceInput, entries: NormalizedEntry[]): string[] {
  if (input.type !== 'jobs' || input.options.titleFormat) return [];
  const format = titleConvention(entries.map((e) => e.title));
  return format
    ? [
        `most job titles read "${FORMAT_LABELS[format]}": set the title format to ${format} to take the company from them`,
      ]
    : [];
}

/** Discovery for a pasted URL: the kind, the URL to use, and why. */
export async function discoverForForm(
  fetcher: Fetcher,
  url: string,
): Promise<{ kind: string; url: string; reason: string } | { error: string }> {
  try {
    const page = await fetcher.fetch(url);
    const found = discoverSource(page.text, page.url);
    return {
      kind: found.kind,
      url: found.kind === 'rss' ? found.feedUrl : page.url,
      reason: found.reason,
    };
  } catch (error) {
    return { error: printable((error as Error).message) };
  }
}
