import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ferretdbArgs, SQLITE_BUSY_TIMEOUT_MS } from '../../../src/embedded/mongo-server.ts';
import { EmbeddedServerError } from '../../../src/lib/errors.ts';

const flag = (args: string[], name: string) =>
  args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);

describe('ferretdbArgs', () => {
  it('keeps SQLite in the data folder and waits a minute for its write lock, not FerretDB’s 10 s', () => {
    assert.doesNotThrow(() => ferretdbArgs(27123, '/home/me/My Projects/backboard/.data/ferretdb'));
    const args = ferretdbArgs(27123, '/var/lib/backboard/ferretdb');
    const url = new URL(flag(args, 'sqlite-url') ?? '');
    assert.equal(url.protocol, 'file:');
    assert.equal(url.pathname, '/var/lib/backboard/ferretdb/');
    assert.deepEqual(url.searchParams.getAll('_pragma'), [
      `busy_timeout(${SQLITE_BUSY_TIMEOUT_MS})`,
    ]);
    assert.ok(SQLITE_BUSY_TIMEOUT_MS >= 60_000);
    assert.equal(flag(args, 'handler'), 'sqlite');
    assert.equal(flag(args, 'state-dir'), '/var/lib/backboard/ferretdb');
    assert.equal(flag(args, 'listen-addr'), '127.0.0.1:27123');
    assert.equal(flag(args, 'telemetry'), 'disable');
  });

  it('refuses a data folder the URL or its file pattern would misread, naming it', () => {
    for (const dir of ['/data/what?', '/data/#1', '/data/p%41', '/data/g[1]', '/data/*', '/a\\b'])
      assert.throws(
        () => ferretdbArgs(27123, dir),
        (e) => e instanceof EmbeddedServerError && e.message.includes(dir),
      );
  });
});
