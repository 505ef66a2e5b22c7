// The server's own count of write operations, for "what did this run cost the database".
// MongoDB reports opcounters; FerretDB (which has none) reports per-command totals.
import type { Connection } from 'mongoose';

/** Inserts + updates + deletes the server has executed so far (server-wide). */
export async function serverWrites(connection: Connection): Promise<number> {
  const admin = connection.db?.admin();
  if (!admin) throw new Error('not connected');
  const status = (await admin.command({ serverStatus: 1 })) as {
    opcounters?: Record<string, number>;
    metrics?: { commands?: Record<string, { total?: number }> };
  };
  if (status.opcounters) {
    const o = status.opcounters;
    return Number(o.insert ?? 0) + Number(o.update ?? 0) + Number(o.delete ?? 0);
  }
  const commands = status.metrics?.commands ?? {};
  return ['insert', 'update', 'delete', 'findAndModify'].reduce(
    (sum, name) => sum + Number(commands[name]?.total ?? 0),
    0,
  );
}
