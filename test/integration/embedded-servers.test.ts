import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Redis } from 'ioredis';
import { loadConfig } from '../../config/env.ts';
import { resolveServers, type ServerTargets } from '../../src/embedded/embedded-servers.ts';
import { isAlive } from '../../src/embedded/process-control.ts';
import { embeddedPaths, readState } from '../../src/embedded/state.ts';
import { createLogger } from '../../src/lib/logger.ts';
import { connectMongo } from '../../src/store/connection.ts';
import { cleanEnv, runEntry } from '../helpers/child-process.ts';

const logger = createLogger({ level: 'silent', pretty: false });

describe('embedded servers shared by the processes of one checkout', () => {
  let dataDir: string;
  let first: ServerTargets;

  before(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'bb-embedded-'));
  });
  after(async () => {
    await first?.release();
    await rm(dataDir, { recursive: true, force: true });
  });

  const config = () => loadConfig({ DATA_DIR: dataDir, EMBEDDED_MONGO: 'ferretdb' });

  it('starts Redis and FerretDB when none run, and records them in the state file', async () => {
    first = await resolveServers(config(), logger);
    assert.deepEqual(first.embedded.map((s) => s.kind).sort(), ['ferretdb', 'redis-server']);
    const state = await readState(embeddedPaths(dataDir).state);
    assert.equal(state.mongo?.url, first.mongodbUri);
    assert.equal(state.redis?.url, first.redisUrl);
    assert.ok(isAlive(state.mongo?.pid as number) && isAlive(state.redis?.pid as number));
  });

  it('a second process reuses the running servers and leaves them running when it exits', async () => {
    const child = runEntry(
      'test/helpers/resolve-servers-child.ts',
      cleanEnv({ DATA_DIR: dataDir, EMBEDDED_MONGO: 'ferretdb' }),
    );
    assert.equal(await child.exit, 0, child.stderr());
    assert.deepEqual(JSON.parse(child.stdout()), {
      mongodbUri: first.mongodbUri,
      redisUrl: first.redisUrl,
    });
    const state = await readState(embeddedPaths(dataDir).state);
    assert.ok(isAlive(state.mongo?.pid as number) && isAlive(state.redis?.pid as number));
  });

  it('keeps stored data across a stop and a fresh start', async () => {
    const mongo = await connectMongo(first.mongodbUri, 'persist');
    await mongo.collection('things').insertOne({ name: 'kept' });
    await mongo.close();
    const redis = new Redis(first.redisUrl);
    await redis.set('kept', 'yes');
    redis.disconnect();

    const before = await readState(embeddedPaths(dataDir).state);
    await first.release();
    assert.ok(
      !isAlive(before.mongo?.pid as number) && !isAlive(before.redis?.pid as number),
      'last user stops the servers',
    );
    assert.equal(existsSync(embeddedPaths(dataDir).state), false);

    first = await resolveServers(config(), logger);
    const again = await connectMongo(first.mongodbUri, 'persist');
    assert.equal((await again.collection('things').findOne({}))?.name, 'kept');
    await again.close();
    const redis2 = new Redis(first.redisUrl);
    assert.equal(await redis2.get('kept'), 'yes');
    redis2.disconnect();
  });
});

describe('npm start (workers/start.ts) as a user runs it', () => {
  let dataDir: string;
  before(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'bb-start-'));
  });
  after(() => rm(dataDir, { recursive: true, force: true }));

  it('brings up web, worker and scheduler on embedded servers and stops everything on SIGTERM', async (t) => {
    const app = runEntry(
      'workers/start.ts',
      cleanEnv({
        DATA_DIR: dataDir,
        PORT: '0',
        HOST: '127.0.0.1',
        EMBEDDED_MONGO: 'ferretdb',
        LOAD_STARTER_SOURCES: 'false',
      }),
    );
    // Should an assertion fail, the app still stops and takes its servers with it: left
    // running, they would be reused by the cases below, which would then start instead of failing.
    t.after(() => app.stop());
    const [, url] = await app.waitForOutput(/backboard is running at (http:\/\/\S+)/);
    assert.match(app.stdout(), /embedded redis-server on 127\.0\.0\.1:\d+/);
    assert.match(app.stdout(), /embedded ferretdb on 127\.0\.0\.1:\d+/);
    const ready = await fetch(`${url}/readyz`);
    assert.equal(ready.status, 200);
    assert.deepEqual(await ready.json(), { mongo: 'ok', redis: 'ok' });

    const state = await readState(embeddedPaths(dataDir).state);
    app.child.kill('SIGTERM');
    assert.equal(await app.exitWithin(60_000), 0, app.stderr());
    assert.match(app.stdout(), /SIGTERM received: shutting down/);
    assert.ok(!isAlive(state.mongo?.pid as number), 'FerretDB stopped');
    assert.ok(!isAlive(state.redis?.pid as number), 'Redis stopped');
    await assert.rejects(fetch(`${url}/healthz`));
  });

  it('stops with one clear line when its port is taken, and stops the servers it started', async (t) => {
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    t.after(() => holder.close());
    const { port } = holder.address() as AddressInfo;
    const web = runEntry(
      'workers/web.ts',
      cleanEnv({
        DATA_DIR: dataDir,
        PORT: String(port),
        HOST: '127.0.0.1',
        EMBEDDED_MONGO: 'ferretdb',
        LOAD_STARTER_SOURCES: 'false',
      }),
    );
    t.after(() => web.stop());
    assert.equal(await web.exitWithin(60_000), 1, web.stdout());
    assert.deepEqual(web.stderr().trim().split('\n'), [
      `backboard: port ${port} is in use (127.0.0.1:${port}): stop what uses it, or set PORT to another port`,
    ]);
    assert.equal(existsSync(embeddedPaths(dataDir).state), false, 'no server left behind');
  });

  const failures: Array<[string, Record<string, string>, string[]]> = [
    [
      'production without URIs never starts embedded servers',
      { NODE_ENV: 'production' },
      [
        'backboard: invalid configuration: MONGODB_URI must be set when NODE_ENV=production (embedded servers are for development only)',
        'backboard: invalid configuration: REDIS_URL must be set when NODE_ENV=production (embedded servers are for development only)',
      ],
    ],
    [
      'no redis-server anywhere',
      { PATH: '/nonexistent' },
      [
        'backboard: no Redis server: install redis-server (Debian/Ubuntu: apt-get install redis-server) or set REDIS_URL',
      ],
    ],
    [
      'no MongoDB-compatible server anywhere',
      { PATH: '/usr/bin:/bin', REDIS_URL: 'redis://127.0.0.1:1' },
      [
        'backboard: no MongoDB-compatible server: install mongod, or Go (FerretDB is then built on first start), or run `npm install mongodb-memory-server`; or set MONGODB_URI',
      ],
    ],
    [
      'a bad variable',
      { PORT: 'eighty' },
      [
        'backboard: invalid configuration: PORT must be an integer port between 0 and 65535 (got "eighty")',
      ],
    ],
  ];
  for (const [name, env, lines] of failures) {
    it(`stops with one clear line per problem: ${name}`, async () => {
      // A data folder of its own: no embedded server of another case can be there to reuse.
      const own = await mkdtemp(path.join(os.tmpdir(), 'bb-fail-'));
      try {
        const app = runEntry('workers/start.ts', cleanEnv({ DATA_DIR: own, ...env }));
        assert.equal(await app.exitWithin(60_000), 1, app.stdout());
        assert.deepEqual(app.stderr().trim().split('\n'), lines);
        assert.equal(existsSync(embeddedPaths(own).state), false, 'no server left behind');
      } finally {
        await rm(own, { recursive: true, force: true });
      }
    });
  }
});
