import type { Connection } from 'mongoose';
import { entryModel } from './models/entry.ts';
import { sourceModel } from './models/source.ts';
import { sourceChangeModel } from './models/source-change.ts';
import { systemStatusModel } from './models/system-status.ts';

/** Creates collections and indexes (idempotent); every process runs it at start. */
export async function ensureIndexes(connection: Connection): Promise<void> {
  const models = [
    sourceModel(connection),
    entryModel(connection, 'jobs'),
    entryModel(connection, 'articles'),
    systemStatusModel(connection),
    sourceChangeModel(connection),
  ];
  for (const model of models) {
    await model.createCollection().catch((error: { codeName?: string }) => {
      if (error.codeName !== 'NamespaceExists') throw error;
    });
    await model.createIndexes();
  }
}
