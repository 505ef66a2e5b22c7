import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from '../../../config/env.ts';

function errorLines(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    return error.lines;
  }
  assert.fail('expected a ConfigError');
}

describe('loadConfig', () => {
  it('fills every default from an empty environment', () => {
    const config = loadConfig({});
    assert.equal(config.env, 'development');
    assert.equal(config.port, 3000);
    assert.equal(config.queuePrefix, 'bb');
    assert.equal(config.mongodbUri, undefined);
    assert.equal(config.workerConcurrency, 4);
    assert.match(config.dataDir, /\.data$/);
    assert.ok(Object.isFrozen(config));
  });

  it('treats an empty variable as unset', () => {
    assert.equal(loadConfig({ PORT: '', MONGODB_URI: '' }).port, 3000);
  });

  it('accepts valid values', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      PORT: '8080',
      MONGODB_URI: 'mongodb+srv://user:pw@cluster.example.net/backboard',
      REDIS_URL: 'rediss://default:pw@redis.example.net:6380',
      LOG_LEVEL: 'warn',
    });
    assert.equal(config.port, 8080);
    assert.equal(config.logLevel, 'warn');
  });

  const bad: Array<[string, Record<string, string>, RegExp]> = [
    [
      'a non-numeric port',
      { PORT: 'abc' },
      /^invalid configuration: PORT must be an integer port between 0 and 65535 \(got "abc"\)$/,
    ],
    [
      'a port out of range',
      { PORT: '70000' },
      /^invalid configuration: PORT must be .* \(got "70000"\)$/,
    ],
    [
      'an http Redis URL',
      { REDIS_URL: 'http://localhost:6379' },
      /^invalid configuration: REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL/,
    ],
    [
      'a MongoDB URI without scheme',
      { MONGODB_URI: 'localhost:27017' },
      /^invalid configuration: MONGODB_URI must be a mongodb:\/\/ or mongodb\+srv:\/\/ connection string/,
    ],
    [
      'an unknown log level',
      { LOG_LEVEL: 'loud' },
      /^invalid configuration: LOG_LEVEL must be one of fatal, error/,
    ],
    [
      'zero worker concurrency',
      { WORKER_CONCURRENCY: '0' },
      /^invalid configuration: WORKER_CONCURRENCY must be an integer from 1 to 100/,
    ],
    [
      'an unknown embedded mongo',
      { EMBEDDED_MONGO: 'postgres' },
      /^invalid configuration: EMBEDDED_MONGO must be one of auto, mongod, ferretdb, memory, none/,
    ],
    [
      'a queue prefix with a colon',
      { QUEUE_PREFIX: 'a:b' },
      /^invalid configuration: QUEUE_PREFIX must be 1-40 letters/,
    ],
  ];
  for (const [name, env, expected] of bad) {
    it(`rejects ${name} with one line naming the variable`, () => {
      const lines = errorLines(env);
      assert.equal(lines.length, 1);
      assert.match(lines[0] as string, expected);
    });
  }

  it('reports every bad variable, one line each', () => {
    assert.equal(errorLines({ PORT: 'x', LOG_LEVEL: 'y' }).length, 2);
  });

  it('requires both URIs in production instead of starting embedded servers', () => {
    const lines = errorLines({ NODE_ENV: 'production' });
    assert.deepEqual(lines, [
      'invalid configuration: MONGODB_URI must be set when NODE_ENV=production (embedded servers are for development only)',
      'invalid configuration: REDIS_URL must be set when NODE_ENV=production (embedded servers are for development only)',
    ]);
  });
});
