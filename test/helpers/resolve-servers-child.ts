// Run by tests as a second process of the same checkout: resolves the servers, prints
// where they are, releases its claim and exits.
import { loadConfig } from '../../config/env.ts';
import { resolveServers } from '../../src/embedded/embedded-servers.ts';
import { createLogger } from '../../src/lib/logger.ts';

const config = loadConfig();
const targets = await resolveServers(config, createLogger({ level: 'silent', pretty: false }));
process.stdout.write(
  `${JSON.stringify({ mongodbUri: targets.mongodbUri, redisUrl: targets.redisUrl })}\n`,
);
await targets.release();
