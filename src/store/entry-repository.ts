import { createHash } from 'node:crypto';
import type { AnyBulkWriteOperation, Connection, Types } from 'mongoose';
import type { EntryType, NormalizedEntry } from '../domain/entry.ts';
import { type EntryDoc, entryModel } from './models/entry.ts';

/** How long an unchanged entry's lastSeenAt may lag before a run refreshes it. */
export const lastSeenRefreshMs = 6 * 60 * 60 * 1000;

export type UpsertCounts = { new: number; updated: number; unchanged: number };

/** A stable hash of what a reader sees of an entry; bookkeeping fields are left out. */
export function contentHash(entry: NormalizedEntry): string {
  const content = [
    entry.url,
    entry.guid,
    entry.title,
    entry.summary,
    entry.html,
    entry.author,
    entry.tags,
    entry.publishedAt?.toISOString() ?? null,
    entry.updatedAt?.toISOString() ?? null,
    entry.dateFlag,
    entry.imageUrl,
    entry.enclosure,
    entry.job,
  ];
  return createHash('sha256').update(JSON.stringify(content)).digest('base64url');
}

function contentFields(entry: NormalizedEntry) {
  const { type: _type, publishedAt: _publishedAt, ...rest } = entry;
  return rest;
}

/**
 * Stores a run's entries in one bulk write, keyed on the canonical URL within the type.
 * Entries whose content hash is unchanged are not written (but for a coarse lastSeenAt);
 * a missing source date becomes the first-seen time, set once.
 */
export async function upsertEntries(
  connection: Connection,
  type: EntryType,
  sourceId: Types.ObjectId,
  entries: NormalizedEntry[],
  now: Date,
): Promise<UpsertCounts> {
  const Entry = entryModel(connection, type);
  // Equality on sourceId is index-backed on MongoDB and FerretDB alike ($in is not on FerretDB).
  const known = new Map<string, Pick<EntryDoc, 'contentHash' | 'lastSeenAt'>>();
  for (const doc of await Entry.find(
    { sourceId },
    { canonicalUrl: 1, contentHash: 1, lastSeenAt: 1 },
  ).lean()) {
    known.set(doc.canonicalUrl, doc);
  }
  const ops: AnyBulkWriteOperation<EntryDoc>[] = [];
  let unchanged = 0;
  let updated = 0;
  for (const entry of entries) {
    const hash = contentHash(entry);
    const stored = known.get(entry.canonicalUrl);
    if (stored?.contentHash === hash) {
      unchanged++;
      if (now.getTime() - stored.lastSeenAt.getTime() > lastSeenRefreshMs) {
        ops.push({
          updateOne: {
            filter: { canonicalUrl: entry.canonicalUrl },
            update: { $set: { lastSeenAt: now } },
          },
        });
      }
      continue;
    }
    if (stored) updated++;
    const set: Record<string, unknown> = {
      ...contentFields(entry),
      contentHash: hash,
      lastSeenAt: now,
      changedAt: now,
    };
    const setOnInsert: Record<string, unknown> = { sourceId, firstSeenAt: now };
    if (entry.publishedAt) set.publishedAt = entry.publishedAt;
    else setOnInsert.publishedAt = now;
    ops.push({
      updateOne: {
        filter: { canonicalUrl: entry.canonicalUrl },
        update: { $set: set, $setOnInsert: setOnInsert },
        upsert: true,
      },
    });
  }
  if (ops.length === 0) return { new: 0, updated, unchanged };
  const result = await Entry.bulkWrite(ops, { ordered: false });
  // An entry stored by another source counts as updated, not new.
  const inserted = result.upsertedCount;
  return {
    new: inserted,
    updated: updated + (entries.length - unchanged - updated - inserted),
    unchanged,
  };
}
