import type { Connection } from 'mongoose';
import { type Config, loadConfigOrExit } from '../config/env.ts';
import { starterSources } from '../config/starter-sources.ts';
import { describeEmbedded, resolveServers } from '../src/embedded/embedded-servers.ts';
import { AppError } from '../src/lib/errors.ts';
import { createLogger, type Logger } from '../src/lib/logger.ts';
import { connectMongo } from '../src/store/connection.ts';
import { ensureIndexes } from '../src/store/indexes.ts';
import { loadStarterSourcesOnce } from '../src/store/starter-sources.ts';
import { Lifecycle } from './lifecycle.ts';

/** What every process needs: validated config, a logger, the database and Redis' address. */
export type ProcessContext = {
  config: Config;
  logger: Logger;
  lifecycle: Lifecycle;
  mongo: Connection;
  redisUrl: string;
};

/**
 * Boots a process: config, logger, servers (configured or embedded), database connection.
 * Any failure here is one clear line on stderr and exit status 1, never a stack trace.
 */
export async function openContext(
  name: string,
  options: { quiet?: boolean } = {},
): Promise<ProcessContext> {
  const config = loadConfigOrExit();
  // Command-line tools print their results, not the servers' chatter, unless LOG_LEVEL asks;
  // even then the chatter goes to stderr, away from the results.
  const level = options.quiet && !process.env.LOG_LEVEL ? 'warn' : config.logLevel;
  const logger = createLogger({ level, name, stream: options.quiet ? 'stderr' : 'stdout' });
  const lifecycle = new Lifecycle(logger, config.shutdownTimeoutMs);
  lifecycle.handleSignals();
  try {
    const targets = await resolveServers(config, logger);
    lifecycle.add('embedded servers', targets.release);
    for (const server of targets.embedded) logger.info(describeEmbedded(server, config.dataDir));
    const mongo = await connectMongo(targets.mongodbUri, config.mongodbDb).catch((error: Error) => {
      throw new AppError(
        'mongo_unreachable',
        `cannot reach MongoDB at ${redact(targets.mongodbUri)}: ${error.message}`,
      );
    });
    lifecycle.add('mongodb connection', () => mongo.close());
    await ensureIndexes(mongo);
    const added = config.loadStarterSources
      ? await loadStarterSourcesOnce(mongo, starterSources)
      : 0;
    if (added) logger.info(`first start: loaded ${added} starter sources`);
    return { config, logger, lifecycle, mongo, redisUrl: targets.redisUrl };
  } catch (error) {
    const message = error instanceof AppError ? error.message : String(error);
    process.stderr.write(`backboard: ${message}\n`);
    await lifecycle.shutdown(1);
    throw error;
  }
}

/** A connection string without its password, for messages. */
export function redact(uri: string): string {
  return uri.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}
