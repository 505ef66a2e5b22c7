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

function ferretdbLaunch(bin: string): Launch {
  return {
    kind: 'ferretdb',
    bin,
    // SQLite backend in the data folder; no debug listener and no telemetry (no network here).
    args: (port, dir) => [
      '--handler=sqlite',
      `--sqlite-url=file:${dir}/`,
      `--state-dir=${dir}`,
      `--listen-addr=127.0.0.1:${port}`,
      '--debug-addr=-',
      '--telemetry=disable',
      '--log-level=WARN',
    ],
  };
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
