import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isAlive } from './process-control.ts';

/** A server this checkout started, recorded so other commands can find and reuse it. */
export type RunningServer = { kind: string; pid: number; port: number; url: string };
export type ServerState = { redis?: RunningServer; mongo?: RunningServer };

/** Where the embedded servers' bookkeeping lives inside the data folder. */
export function embeddedPaths(dataDir: string) {
  const root = path.join(dataDir, 'embedded');
  return {
    root,
    lock: path.join(root, 'lock'),
    state: path.join(root, 'servers.json'),
    clients: path.join(root, 'clients'),
    logs: path.join(dataDir, 'logs'),
  };
}

export async function readState(file: string): Promise<ServerState> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as ServerState;
  } catch {
    return {};
  }
}

export async function writeState(file: string, state: ServerState): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  if (!state.redis && !state.mongo) await rm(file, { force: true });
  else await writeFile(file, `${JSON.stringify(state, null, 2)}\n`);
}

/** Records that this process uses the embedded servers (one file per pid). */
export async function registerClient(clientsDir: string, pid = process.pid): Promise<void> {
  await mkdir(clientsDir, { recursive: true });
  await writeFile(path.join(clientsDir, String(pid)), new Date().toISOString());
}

export async function unregisterClient(clientsDir: string, pid = process.pid): Promise<void> {
  await rm(path.join(clientsDir, String(pid)), { force: true });
}

/** Pids of processes still using the servers; files left by dead processes are removed. */
export async function liveClients(clientsDir: string): Promise<number[]> {
  const names = await readdir(clientsDir).catch(() => [] as string[]);
  const live: number[] = [];
  for (const name of names) {
    const pid = Number(name);
    if (pid > 0 && isAlive(pid)) live.push(pid);
    else await rm(path.join(clientsDir, name), { force: true });
  }
  return live;
}
