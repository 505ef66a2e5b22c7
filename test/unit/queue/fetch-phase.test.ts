import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Types } from 'mongoose';
import { nextSlot, phaseMs } from '../../../src/queue/fetch-jobs.ts';

const FIVE_MINUTES = 5 * 60_000;

describe('source phases', () => {
  it('are stable, inside the interval, and spread sources created together across it', () => {
    // ObjectIds made in one burst differ only in their counter bytes, as an OPML import's do.
    const ids = Array.from({ length: 1000 }, () => new Types.ObjectId().toString());
    const phases = ids.map((id) => phaseMs(id, FIVE_MINUTES));
    assert.deepEqual(
      ids.map((id) => phaseMs(id, FIVE_MINUTES)),
      phases,
    );
    assert.ok(phases.every((p) => Number.isInteger(p) && p >= 0 && p < FIVE_MINUTES));
    // 300 one-second buckets for 1,000 sources: about 3.3 each; none holds a burst.
    const perSecond = new Map<number, number>();
    for (const p of phases)
      perSecond.set(Math.floor(p / 1000), (perSecond.get(Math.floor(p / 1000)) ?? 0) + 1);
    assert.ok(
      Math.max(...perSecond.values()) <= 15,
      `busiest second: ${Math.max(...perSecond.values())}`,
    );
    assert.ok(perSecond.size >= 250, `${perSecond.size} of 300 seconds have a source due`);
  });

  it('give the first slot at or after a time, on phase + k × interval', () => {
    const every = 60_000;
    assert.equal(nextSlot(120_000, every, 5_000), 125_000);
    assert.equal(nextSlot(125_000, every, 5_000), 125_000);
    assert.equal(nextSlot(125_001, every, 5_000), 185_000);
    assert.equal(nextSlot(1_795_535_741_848, every, 0), 1_795_535_760_000);
    for (const at of [0, 1, 59_999, 60_000, 1_795_535_741_848]) {
      const slot = nextSlot(at, every, 42_123);
      assert.ok(slot >= at && slot - at < every);
      assert.equal((slot - 42_123) % every, 0);
    }
  });
});
