import mongoose, { type Connection } from 'mongoose';

/** The database to use: the explicit name, else the URI's path, else "backboard". */
export function databaseName(uri: string, override?: string): string {
  if (override) return override;
  const fromUri = /^mongodb(?:\+srv)?:\/\/[^/]+\/([^?]+)/.exec(uri)?.[1];
  return fromUri ? decodeURIComponent(fromUri) : 'backboard';
}

/** Opens a mongoose connection (its own, not the global one) and waits until it is usable. */
export async function connectMongo(uri: string, dbName?: string): Promise<Connection> {
  const connection = mongoose.createConnection(uri, {
    dbName: databaseName(uri, dbName),
    serverSelectionTimeoutMS: 10_000,
    // Indexes are created explicitly (store/indexes.ts), never implicitly on first use.
    autoIndex: false,
    autoCreate: false,
  });
  await connection.asPromise();
  return connection;
}

/** Resolves when the database answers a ping within `timeoutMs`; rejects otherwise. */
export async function pingMongo(connection: Connection, timeoutMs = 2000): Promise<void> {
  if (connection.readyState !== mongoose.ConnectionStates.connected || !connection.db) {
    throw new Error(`not connected (state ${mongoose.ConnectionStates[connection.readyState]})`);
  }
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      connection.db.admin().ping(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
