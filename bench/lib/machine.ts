// The facts a reader needs to compare two runs: machine, runtime and server versions.
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Connection } from 'mongoose';
import { projectRoot } from '../../config/env.ts';

async function packageVersion(name: string): Promise<string> {
  const file = path.join(projectRoot, 'node_modules', name, 'package.json');
  return (JSON.parse(await readFile(file, 'utf8')) as { version?: string }).version ?? '?';
}

export async function describeMachine(
  mongo: Connection,
  redisInfo: string,
): Promise<Record<string, string | number>> {
  const build = (await mongo.db?.admin().command({ buildInfo: 1 })) as
    | { version?: string; ferretdbVersion?: string }
    | undefined;
  const status = (await mongo.db?.admin().command({ serverStatus: 1 })) as
    | { ferretdbVersion?: string }
    | undefined;
  const cpus = os.cpus();
  return {
    cpu: `${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown'}`,
    memory: `${Math.round(os.totalmem() / 1024 ** 3)} GiB`,
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    database: status?.ferretdbVersion
      ? `FerretDB ${status.ferretdbVersion} (${await ferretdbBackend(mongo)})`
      : `MongoDB ${build?.version ?? '?'}`,
    redis: /redis_version:(\S+)/.exec(redisInfo)?.[1] ?? '?',
    express: await packageVersion('express'),
    bullmq: await packageVersion('bullmq'),
    mongoose: await packageVersion('mongoose'),
    'rss-parser': await packageVersion('rss-parser'),
    autocannon: await packageVersion('autocannon').catch(() => 'n/a'),
  };
}

/**
 * FerretDB's storage backend, which its status does not name: its query plans tell. SQLite's is
 * a list of plan steps, PostgreSQL's its own plan tree. The two differ widely in speed (BENCHMARKS.md).
 */
async function ferretdbBackend(mongo: Connection): Promise<string> {
  const probe = mongo.db?.collection('bench_backend_probe');
  if (!probe) return 'backend unknown';
  await probe.insertOne({ probe: true });
  try {
    const explained = (await probe.find({}).limit(1).explain()) as {
      queryPlanner?: { Plan?: unknown };
    };
    const plan = explained.queryPlanner?.Plan;
    if (Array.isArray(plan)) return 'SQLite';
    return plan && typeof plan === 'object' ? 'PostgreSQL' : 'backend unknown';
  } finally {
    await probe.drop();
  }
}
