import type { EntryType } from '../../src/domain/entry.ts';
import type { SourceInput } from '../../src/domain/source.ts';

/** A valid RSS source for a URL, with every option at its default. */
export function sourceInput(url: string, type: EntryType = 'jobs'): SourceInput {
  return {
    name: url,
    url,
    kind: 'rss',
    type,
    intervalMinutes: 30,
    enabled: true,
    options: {
      userAgent: null,
      keep: [],
      block: [],
      dateOrder: null,
      timeZone: null,
      listsAllOpenJobs: false,
      titleFormat: null,
    },
    terms: { attribution: true, syndication: false, note: null },
  };
}
