// What many board pages show alike, read once per board version (see versioned-memo.ts).
import type { Connection } from 'mongoose';
import type { BoardVersionReader } from '../cache/board-version.ts';
import type { EntryType } from '../domain/entry.ts';
import type { Filter } from '../store/board-filters.ts';
import { allSources, entryCountsBySource, popularTags } from '../store/board-repository.ts';
import type { SourceDoc } from '../store/models/source.ts';
import { VersionedMemo } from './versioned-memo.ts';

export type BoardShared = {
  /**
   * The 20 most frequent stack tags among the newest 2,000 board jobs; with a visitor's own
   * filter (a block list) among those it leaves, read for that visitor alone.
   */
  popularTags(filter?: Filter): Promise<Array<{ tag: string; count: number }>>;
  sources(): Promise<SourceDoc[]>;
  /** How many entries of a type each source has on the board, by source id. */
  sourceCounts(type: EntryType): Promise<Map<string, number>>;
};

const POPULAR = { sample: 2000, top: 20 };

/** Shared reads over one connection, keyed on the board version. */
export function boardShared(
  mongo: Connection,
  version: BoardVersionReader,
  ttlMs?: number,
): BoardShared {
  const memo = new VersionedMemo(ttlMs);
  return {
    popularTags: async (filter) =>
      filter
        ? popularTags(mongo, { ...POPULAR, filter })
        : memo.get('popular-tags', await version.current(), () => popularTags(mongo, POPULAR)),
    sources: async () => memo.get('sources', await version.current(), () => allSources(mongo)),
    sourceCounts: async (type) =>
      memo.get(`source-counts-${type}`, await version.current(), () =>
        entryCountsBySource(mongo, type),
      ),
  };
}
