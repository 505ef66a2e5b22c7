import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { EmbeddedServerError } from '../lib/errors.ts';
import type { Logger } from '../lib/logger.ts';
import { findFerretdb, installFerretdb } from './ferretdb-install.ts';
import { findExecutable, freePort, spawnDetached } from './process-control.ts';
import type { RunningServer } from './state.ts';
import { pingMongoUrl, waitReady } from './wait-ready.ts';

export type MongoChoice = 'auto' | 'mongod' | 'ferretdb' | 'memory' | 'none';

const noServer =
  'no MongoDB-compatible server: install mongod, or Go (FerretDB is then built on first start), ' +
  'or run `npm install mongodb-memory-server`; or set MONGODB_URI';

type Launch = { kind: string; bin: string; args: (port: number, dir: string) => string[] };

function mongodLaunch(kind: string, bin: string): Launch {
  return {
    kind,
    bin,
    args: (port, dir) => [
      '--dbpath',
      dir,
      '--port',
      String(port),
      '--bind_ip',
      '127.0.0.1',
      '--quiet',
    ],
  };
}

/**
 * How long a write waits for SQLite's single write lock before FerretDB gives up with "database
 * is locked (SQLITE_BUSY)". FerretDB's own default is 10 s. Its updates scan the table under that
 * lock (its `_id` index goes unused), and SQLite's lock is not fair: under a burst of runs a
 * writer could wait 10 s and fail its whole run while others kept taking the lock (16 writers on
 * 4,000 documents: 3 failures after 10.1-10.5 s in 90 s; 0 with this, longest wait 13.6 s).
 */
export const SQLITE_BUSY_TIMEOUT_MS = 60_000;

/** FerretDB's arguments: SQLite backend in the data folder; no debug listener, no telemetry (no network here). */
export function ferretdbArgs(port: number, dir: string): string[] {
  // The folder goes into a URL (FerretDB unescapes "%", and "?" or "#" would end the path) and
  // into a file-name pattern (FerretDB finds its databases by globbing "*.sqlite" in it: a
  // folder named with "[", "*" or, where it is not the separator, "\\" hides them after a
  // restart, so stored data seems gone).
  if (/[?#%*[\]]/.test(dir) || (path.sep === '/' && dir.includes('\\')))
    throw new EmbeddedServerError(
      `FerretDB's data folder may not contain ? # % * [ ] or \\: ${dir} (set DATA_DIR to another folder)`,
    );
  return [
    '--handler=sqlite',
    `--sqlite-url=file:${dir}/?_pragma=busy_timeout(${SQLITE_BUSY_TIMEOUT_MS})`,
    `--state-dir=${dir}`,
    `--listen-addr=127.0.0.1:${port}`,
    '--debug-addr=-',
    '--telemetry=disable',
    '--log-level=WARN',
  ];
}

function ferretdbLaunch(bin: string): Launch {
  return { kind: 'ferretdb', bin, args: ferretdbArgs };
}

/** mongodb-memory-server's cached (or downloaded) mongod binary, when that package is installed. */
async function memoryServerMongod(): Promise<string | undefined> {
  const moduleName = 'mongodb-memory-server';
  try {
    const mms = (await import(moduleName)) as { MongoBinary: { getPath(): Promise<string> } };
    return await mms.MongoBinary.getPath();
  } catch {
    return undefined;
  }
}

async function chooseLaunch(choice: MongoChoice, logger: Logger): Promise<Launch> {
  if (choice === 'none') throw new EmbeddedServerError(`EMBEDDED_MONGO=none: set MONGODB_URI`);
  if (choice === 'auto' || choice === 'mongod') {
    const mongod = await findExecutable('mongod');
    if (mongod) return mongodLaunch('mongod', mongod);
    if (choice === 'mongod')
      throw new EmbeddedServerError(
        'EMBEDDED_MONGO=mongod but no mongod on PATH: install MongoDB or set MONGODB_URI',
      );
  }
  if (choice === 'auto' || choice === 'ferretdb') {
    const ferretdb = (await findFerretdb()) ?? (await installFerretdb(logger));
    if (ferretdb) return ferretdbLaunch(ferretdb);
    if (choice === 'ferretdb')
      throw new EmbeddedServerError(
        'EMBEDDED_MONGO=ferretdb but ferretdb is not installed and Go is missing: install Go or FerretDB, or set MONGODB_URI',
      );
  }
  const memory = await memoryServerMongod();
  if (memory) return mongodLaunch('mongodb-memory-server', memory);
  throw new EmbeddedServerError(noServer);
}

/** Starts the first available MongoDB-compatible server on a free port, data under dataDir. */
export async function startMongo(
  choice: MongoChoice,
  dataDir: string,
  logsDir: string,
  logger: Logger,
): Promise<RunningServer> {
  const launch = await chooseLaunch(choice, logger);
  const dir = path.join(dataDir, launch.kind);
  await mkdir(dir, { recursive: true });
  await mkdir(logsDir, { recursive: true });
  const port = await freePort();
  const logFile = path.join(logsDir, `${launch.kind}.log`);
  const child = await spawnDetached(launch.bin, launch.args(port, dir), logFile);
  const url = `mongodb://127.0.0.1:${port}/`;
  await waitReady(launch.kind, () => pingMongoUrl(url), {
    timeoutMs: 60_000,
    exited: child.exited,
    logFile,
  });
  return { kind: launch.kind, pid: child.pid, port, url };
}
