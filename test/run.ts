// `npm test`: starts or reuses the embedded servers (unless MONGODB_URI / REDIS_URL are set),
// then runs every test file with node's test runner against them. Each test file isolates
// itself with its own database name and queue prefix (test/helpers/isolation.ts).
import { spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { loadConfigOrExit, projectRoot } from '../config/env.ts';
import { describeEmbedded, resolveServers } from '../src/embedded/embedded-servers.ts';
import { createLogger } from '../src/lib/logger.ts';

async function findTests(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.test.ts'))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

const filters = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const all = await findTests(path.join(projectRoot, 'test'));
const files = filters.length ? all.filter((f) => filters.some((x) => f.includes(x))) : all;
if (files.length === 0) {
  process.stderr.write(`backboard test: no test file matches ${filters.join(' ')}\n`);
  process.exit(1);
}

const config = loadConfigOrExit({ ...process.env, NODE_ENV: 'test' });
const logger = createLogger({ level: 'info', name: 'test', pretty: false });
const targets = await resolveServers(config, logger).catch((error: Error) => {
  process.stderr.write(`backboard test: ${error.message}\n`);
  process.exit(1);
});
for (const server of targets.embedded)
  process.stdout.write(`using ${describeEmbedded(server, config.dataDir)}\n`);

const child = spawn(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=2', ...files],
  {
    stdio: 'inherit',
    env: {
      ...process.env,
      NODE_ENV: 'test',
      MONGODB_URI: targets.mongodbUri,
      REDIS_URL: targets.redisUrl,
      BB_TEST_RUN: `${Date.now().toString(36)}${process.pid.toString(36)}`,
    },
  },
);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
// A hung test process must fail the run, not hold CI until its own time limit.
const limitMs = Number(process.env.TEST_TIMEOUT_MS ?? 20 * 60_000);
const watchdog = setTimeout(() => {
  process.stderr.write(`backboard test: still running after ${limitMs} ms: stopping\n`);
  child.kill('SIGKILL');
}, limitMs);
const code = await new Promise<number>((resolve) =>
  child.on('exit', (c, s) => resolve(c ?? (s ? 1 : 0))),
);
clearTimeout(watchdog);
await targets.release();
process.exit(code);
