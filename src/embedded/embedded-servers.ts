import path from 'node:path';
import type { Config } from '../../config/env.ts';
import type { Logger } from '../lib/logger.ts';
import { withLock } from './lock.ts';
import { startMongo } from './mongo-server.ts';
import { isAlive, portAnswers, stopProcess } from './process-control.ts';
import { startRedis } from './redis-server.ts';
import {
  embeddedPaths,
  liveClients,
  type RunningServer,
  readState,
  registerClient,
  unregisterClient,
  writeState,
} from './state.ts';

/** Where this process's data lives, and how to let go of any embedded server it uses. */
export type ServerTargets = {
  mongodbUri: string;
  redisUrl: string;
  /** Embedded servers used, for the start-up message; empty when both URIs were configured. */
  embedded: RunningServer[];
  release: () => Promise<void>;
};

async function stillRunning(server: RunningServer | undefined): Promise<RunningServer | undefined> {
  return server && isAlive(server.pid) && (await portAnswers(server.port)) ? server : undefined;
}

/**
 * Resolves the MongoDB and Redis URLs: configured ones are used as they are; missing ones
 * come from embedded servers shared by every process of this checkout (state file + lock),
 * started only when none are running. The last process to release them stops them.
 */
export async function resolveServers(config: Config, logger: Logger): Promise<ServerTargets> {
  const needRedis = !config.redisUrl;
  const needMongo = !config.mongodbUri;
  if (!needRedis && !needMongo) {
    return {
      mongodbUri: config.mongodbUri as string,
      redisUrl: config.redisUrl as string,
      embedded: [],
      release: async () => {},
    };
  }
  const paths = embeddedPaths(config.dataDir);
  const state = await withLock(paths.lock, async () => {
    const current = await readState(paths.state);
    current.redis = await stillRunning(current.redis);
    current.mongo = await stillRunning(current.mongo);
    try {
      if (needRedis && !current.redis) current.redis = await startRedis(config.dataDir, paths.logs);
      if (needMongo && !current.mongo) {
        current.mongo = await startMongo(config.embeddedMongo, config.dataDir, paths.logs, logger);
      }
    } finally {
      // Whatever did start is recorded, so a failed start never leaves an unknown server behind.
      await writeState(paths.state, current);
    }
    await registerClient(paths.clients);
    return current;
  });
  let released = false;
  return {
    mongodbUri: config.mongodbUri ?? (state.mongo as RunningServer).url,
    redisUrl: config.redisUrl ?? (state.redis as RunningServer).url,
    embedded: [needRedis ? state.redis : undefined, needMongo ? state.mongo : undefined].filter(
      (s): s is RunningServer => !!s,
    ),
    release: async () => {
      if (released) return;
      released = true;
      await releaseEmbedded(config.dataDir);
    },
  };
}

/** Drops this process's claim; stops the servers when no live process uses them any more. */
export async function releaseEmbedded(dataDir: string): Promise<void> {
  const paths = embeddedPaths(dataDir);
  await withLock(paths.lock, async () => {
    await unregisterClient(paths.clients);
    if ((await liveClients(paths.clients)).length > 0) return;
    const state = await readState(paths.state);
    // Mongo first: nothing writes to Redis once the workers are gone.
    for (const server of [state.mongo, state.redis]) if (server) await stopProcess(server.pid);
    await writeState(paths.state, {});
  });
}

/** A one-line description of where the embedded servers keep their data. */
export function describeEmbedded(server: RunningServer, dataDir: string): string {
  const where =
    path.relative(
      process.cwd(),
      path.join(dataDir, server.kind === 'redis-server' ? 'redis' : server.kind),
    ) || '.';
  return `embedded ${server.kind} on 127.0.0.1:${server.port} (pid ${server.pid}, data in ${where})`;
}
