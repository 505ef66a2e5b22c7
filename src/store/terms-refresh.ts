// Stored entries keep the search terms their last write gave them. A run rewrites an entry
// whose terms differ from what its items give now, but only when its source answers with a
// full feed: one answering 304, or removed with its items kept, would keep terms built by an
// older tokenizer for good, and searches would miss them ("zurich" not finding Zürich, "日本"
// not finding 日本株式会社). When the tokenizer changes (TERMS_VERSION), this pass builds every
// stored entry's terms again from its own fields and writes those that differ, once.
import type { AnyBulkWriteOperation, Connection } from 'mongoose';
import { sameTerms, storedEntryTerms, TERMS_VERSION } from '../domain/entry-terms.ts';
import { bulkUpdate } from './bulk-updates.ts';
import type { EntryDoc } from './models/entry.ts';
import { entryModel } from './models/entry.ts';
import { readTermsVersion, recordTermsVersion } from './system-status-repository.ts';

export type TermsRefresh = { checked: number; rewritten: number; upToDate: boolean };

const FIELDS = {
  title: 1,
  tags: 1,
  'job.company': 1,
  'job.skills': 1,
  'intel.stackTags': 1,
  'articleIntel.stackTags': 1,
  'articleIntel.topics': 1,
  terms: 1,
  contentHash: 1,
};

/** Whether the stored terms were built by an older tokenizer than this code's. */
export async function termsOutdated(connection: Connection): Promise<boolean> {
  return (await readTermsVersion(connection)) < TERMS_VERSION;
}

/** Rewrites the terms of every stored entry whose terms differ from what its fields give now. */
export async function refreshStoredTerms(connection: Connection): Promise<TermsRefresh> {
  if (!(await termsOutdated(connection))) return { checked: 0, rewritten: 0, upToDate: true };
  let checked = 0;
  let rewritten = 0;
  for (const type of ['jobs', 'articles'] as const) {
    const Entry = entryModel(connection, type);
    const ops: AnyBulkWriteOperation<EntryDoc>[] = [];
    // Read to the end before writing: no write waits on the read's cursor (one scan on FerretDB).
    for await (const doc of Entry.find({}, FIELDS).lean<EntryDoc[]>().cursor({ batchSize: 500 })) {
      checked++;
      const terms = storedEntryTerms(doc);
      if (sameTerms(doc.terms, terms)) continue;
      // Only the version read: a run that rewrote the entry meanwhile wrote its own terms.
      ops.push({
        updateOne: {
          filter: { _id: doc._id, contentHash: doc.contentHash },
          update: { $set: { terms } },
        },
      });
    }
    rewritten += (await bulkUpdate(Entry, ops)).modifiedCount;
  }
  await recordTermsVersion(connection, TERMS_VERSION);
  return { checked, rewritten, upToDate: false };
}
