import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Types } from 'mongoose';
import { emptyHealth, type SourceDoc } from '../../../../src/store/models/source.ts';
import { sourceHealthRow } from '../../../../src/web/console/source-health-row.ts';
import { emptyRun } from '../../../../workers/refresh-source.ts';
import { sourceInput } from '../../../helpers/sources.ts';

const now = new Date('2026-11-25T12:00:00Z');
const sourceWith = (warnings: string[], failures = 0): SourceDoc => ({
  ...sourceInput('https://jobs.example/feed'),
  _id: new Types.ObjectId(),
  fetchState: { etag: null, lastModified: null, bodyHash: null, finalUrl: null },
  health: {
    ...emptyHealth(),
    lastFetchedAt: now,
    consecutiveFailures: failures,
    lastRun: { ...emptyRun(now), warnings },
  },
  createdAt: now,
  updatedAt: now,
});

describe('sourceHealthRow: what the console says about a source', () => {
  it('flags a source that answers but gives the board nothing, or hides items without an error', () => {
    for (const warning of [
      'the page has no usable items',
      'the item selector "li.job-gone" matches nothing on https://jobs.example/careers',
      'held back: block rule /x/ could not run (Rule /x/ took longer than 50 ms), on 25 item(s)',
      'keep rule /y/ could not run (Rule /y/ took longer than 50 ms), on 3 item(s)',
    ]) {
      const row = sourceHealthRow(sourceWith([warning]), now);
      assert.deepEqual(
        [row.badge, row.badgeLabel, row.sick],
        ['attention', 'Needs attention', true],
        warning,
      );
    }
  });

  it('leaves a healthy source healthy for warnings that need no action, and a failing one failing', () => {
    const fine = sourceHealthRow(sourceWith(['1 job(s) no longer listed were closed']), now);
    assert.deepEqual([fine.badge, fine.sick], ['healthy', false]);
    const failing = sourceHealthRow(sourceWith(['the page has no usable items'], 1), now);
    assert.deepEqual([failing.badge, failing.sick], ['failing', true]);
  });

  it("gives the next run as the queue has it, else on the source's phase grid", () => {
    const source = sourceWith([]);
    // Ran at noon, every 30 min; its scheduler fires at 12:34 (its phase), not 12:30.
    assert.equal(
      sourceHealthRow(source, now, new Date('2026-11-25T12:34:00Z')).nextRun,
      'in 34 min',
    );
    const guessed = Number(/in (\d+) min/.exec(sourceHealthRow(source, now).nextRun)?.[1]);
    // Its phase comes from its random id: a slot up to a minute short of 13:00 rounds to 60.
    assert.ok(
      guessed >= 30 && guessed <= 60,
      `at least an interval after the last run: ${guessed}`,
    );
    assert.equal(sourceHealthRow({ ...source, enabled: false }, now).nextRun, '—');
  });

  it('words the last run by what happened: counts for a stored run, the outcome otherwise', () => {
    const row = (outcome: 'stored' | 'not_modified' | 'unchanged') => {
      const source = sourceWith([]);
      const run = source.health.lastRun;
      if (run) Object.assign(run, { outcome, new: 2, updated: 1 });
      return sourceHealthRow(source, now).lastRun;
    };
    assert.equal(row('stored'), '2 new, 1 updated');
    assert.equal(row('not_modified'), 'not modified');
    assert.equal(row('unchanged'), 'unchanged');
  });
});
