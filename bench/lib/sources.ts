// The sources benchmarks create: rss feeds with every option at its default.
import type { EntryType } from '../../src/domain/entry.ts';
import type { SourceInput } from '../../src/domain/source.ts';

/** A feed source; `overrides` for the few settings a scenario cares about. */
export function benchSource(
  name: string,
  url: string,
  overrides: Partial<Pick<SourceInput, 'intervalMinutes' | 'enabled' | 'terms'>> & {
    type?: EntryType;
  } = {},
): SourceInput {
  return {
    name,
    url,
    kind: 'rss',
    type: 'jobs',
    intervalMinutes: 1440,
    enabled: true,
    options: {
      userAgent: null,
      keep: [],
      block: [],
      dateOrder: null,
      timeZone: null,
      listsAllOpenJobs: false,
    },
    terms: { attribution: true, syndication: false, note: null },
    selectors: null,
    ...overrides,
  };
}
