import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { stageClock } from '../../../workers/refresh-source.ts';

describe('stageClock: where a run spent its time', () => {
  it('adds up each stage over its steps and rounds to whole milliseconds', async () => {
    let now = 0;
    const clock = stageClock(() => now);
    await clock.time('fetch', async () => {
      now += 120.4;
    });
    await clock.time('store', async () => {
      now += 10.3;
    });
    const value = await clock.time('read', async () => {
      now += 300;
      return 'parsed';
    });
    await clock.time('store', async () => {
      now += 5.3;
    });
    assert.equal(value, 'parsed');
    assert.deepEqual(clock.read(), { fetch: 120, read: 300, store: 16 });
  });

  it('keeps the time of a stage that failed, and passes its error on', async () => {
    let now = 0;
    const clock = stageClock(() => now);
    await assert.rejects(
      clock.time('store', async () => {
        now += 42;
        throw new Error('database is locked');
      }),
      /database is locked/,
    );
    assert.deepEqual(clock.read(), { fetch: 0, read: 0, store: 42 });
  });
});
