// A source's name and terms are copied onto every entry it stored (the board shows the name,
// and the terms decide attribution and republishing). A run rewrites only entries whose content
// changed, so a renamed source, or one whose publisher withdrew permission to republish, is
// carried to the stored entries here, when the settings change: withdrawn terms apply at once.
import type { Connection, Types } from 'mongoose';
import type { SourceTerms } from '../domain/source.ts';
import { bulkUpdate } from './bulk-updates.ts';
import { termsFields } from './entry-repository.ts';
import { type EntryDoc, entryModel, type Origin } from './models/entry.ts';
import type { SourceDoc } from './models/source.ts';

type Label = { name: string; terms: SourceTerms };

/** Writes a source's new name and terms onto its entries, and its name where others name it. */
export async function relabelEntries(
  connection: Connection,
  source: Pick<SourceDoc, '_id' | 'type'>,
  before: Label,
  after: Label,
): Promise<void> {
  const renamed = before.name !== after.name;
  const reterms =
    JSON.stringify(termsFields(before.terms)) !== JSON.stringify(termsFields(after.terms));
  if (!renamed && !reterms) return;
  const Entry = entryModel(connection, source.type);
  await Entry.updateMany(
    { sourceId: source._id },
    { $set: { sourceName: after.name, ...termsFields(after.terms) } },
  );
  if (!renamed) return;
  // "Also listed on" of other sources' entries: copies (alsoListedOn) and shared URLs (sharedWith).
  for (const field of ['alsoListedOn', 'sharedWith'] as const) {
    const naming = await Entry.find({ [`${field}.sourceId`]: source._id }, { [field]: 1 }).lean<
      Array<Pick<EntryDoc, '_id'> & Partial<Record<typeof field, Origin[]>>>
    >();
    await bulkUpdate(
      Entry,
      naming.map((doc) => ({
        updateOne: {
          filter: { _id: doc._id },
          update: { $set: { [field]: renamedIn(doc[field] ?? [], source._id, after.name) } },
        },
      })),
    );
  }
}

function renamedIn(origins: Origin[], sourceId: Types.ObjectId, name: string): Origin[] {
  return origins.map((o) => (o.sourceId.equals(sourceId) ? { ...o, sourceName: name } : o));
}
