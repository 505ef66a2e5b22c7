// The record of what operators did to sources, shown on each source's console page.
import type { Connection, Types } from 'mongoose';
import {
  type FieldChange,
  type SourceChangeDoc,
  sourceChangeModel,
} from './models/source-change.ts';

/** Records one change. */
export async function recordSourceChange(
  connection: Connection,
  change: Omit<SourceChangeDoc, '_id' | 'at'> & { at?: Date },
): Promise<void> {
  await sourceChangeModel(connection).create({ ...change, at: change.at ?? new Date() });
}

/** A source's changes, newest first. */
export async function sourceHistory(
  connection: Connection,
  sourceId: Types.ObjectId | string,
  limit = 100,
): Promise<SourceChangeDoc[]> {
  const rows = await sourceChangeModel(connection).find({ sourceId }).lean<SourceChangeDoc[]>();
  // Sorted here: equality is what FerretDB answers from SQL; the sort would run in memory anyway.
  return rows
    .sort((a, b) => b.at.getTime() - a.at.getTime() || String(b._id).localeCompare(String(a._id)))
    .slice(0, limit);
}

/** The fields that differ between two versions of a source's settings, as display text. */
export function diffFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const from = JSON.stringify(before[field] ?? null);
    const to = JSON.stringify(after[field] ?? null);
    if (from !== to) changes.push({ field, from: from.slice(0, 500), to: to.slice(0, 500) });
  }
  return changes;
}
