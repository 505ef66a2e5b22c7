// The sources benchmarks create: rss feeds with every option at the schema's default.
import type { EntryType } from '../../src/domain/entry.ts';
import { type SourceInput, sourceInputSchema } from '../../src/domain/source.ts';

/**
 * A feed source; `overrides` for the few settings a scenario cares about. Applied after
 * validation: the scheduler scenario uses intervals under the schema's 5-minute minimum.
 */
export function benchSource(
  name: string,
  url: string,
  overrides: Partial<Pick<SourceInput, 'intervalMinutes' | 'enabled' | 'terms'>> & {
    type?: EntryType;
  } = {},
): SourceInput {
  const defaults = sourceInputSchema.parse({ name, url, type: overrides.type ?? 'jobs' });
  return { ...(defaults as SourceInput), intervalMinutes: 1440, ...overrides };
}
