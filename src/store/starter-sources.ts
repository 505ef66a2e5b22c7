import type { Connection } from 'mongoose';
import type { SourceInput } from '../domain/source.ts';
import { systemStatusModel } from './models/system-status.ts';
import { insertMissingSources } from './source-repository.ts';

const markerId = 'starter-sources';

/**
 * Loads the starter list on the very first start only: a marker records that it happened,
 * so later starts (and any number of processes starting at once) never duplicate or revive
 * a source. Returns how many sources were added.
 */
export async function loadStarterSourcesOnce(
  connection: Connection,
  sources: readonly SourceInput[],
  now = new Date(),
): Promise<number> {
  const status = systemStatusModel(connection).collection;
  if (await status.findOne({ _id: markerId as never })) return 0;
  // URLs are unique, so two processes racing here still insert each source once.
  const added = await insertMissingSources(connection, [...sources]);
  await status.updateOne(
    { _id: markerId as never },
    { $setOnInsert: { loadedAt: now, count: sources.length } },
    { upsert: true },
  );
  return added;
}
