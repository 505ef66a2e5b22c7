import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Types } from 'mongoose';
import { runsBetween, waitedRunLine } from '../../../src/cli/source-views.ts';
import {
  emptyHealth,
  type SourceDoc,
  type SourceHealth,
} from '../../../src/store/models/source.ts';
import { emptyRun } from '../../../workers/refresh-source.ts';

const at = new Date('2026-11-24T12:00:00Z');
const id = new Types.ObjectId('6b05abe6a726bf9b9491b274');

function health(
  totals: Partial<SourceHealth>,
  run?: Partial<SourceHealth['lastRun']>,
): SourceHealth {
  return {
    ...emptyHealth(),
    ...totals,
    lastRun: run ? { ...emptyRun(at), trigger: 'manual', ...run } : null,
  };
}
const sourceWith = (h: SourceHealth) => ({ _id: id, name: 'Jobs', health: h }) as SourceDoc;

describe('fetch --wait lines', () => {
  it('report the operator run alone when nothing else ran', () => {
    const before = health({ totalRuns: 2, totalNew: 10, totalUpdated: 1 });
    const after = health(
      { totalRuns: 3, totalNew: 13, totalUpdated: 2 },
      { new: 3, updated: 1, unchanged: 6 },
    );
    const earlier = runsBetween(before, after);
    assert.deepEqual(earlier, { runs: 0, new: 0, updated: 0 });
    assert.equal(
      waitedRunLine({ source: sourceWith(after), earlier }),
      '6b05abe6a726bf9b9491b274 Jobs: stored: 3 new, 1 updated, 6 unchanged, 0 dropped',
    );
  });

  it('say what runs that finished first stored, so an automatic first run is not hidden', () => {
    const after = health({ totalRuns: 3, totalNew: 25, totalUpdated: 4 }, { outcome: 'unchanged' });
    const earlier = runsBetween(health({}), after);
    assert.deepEqual(earlier, { runs: 2, new: 25, updated: 4 });
    assert.equal(
      waitedRunLine({ source: sourceWith(after), earlier }),
      '6b05abe6a726bf9b9491b274 Jobs: unchanged (after 2 earlier runs: 25 new, 4 updated)',
    );
  });

  it('carry the error of a failed run', () => {
    const after = {
      ...health({ totalRuns: 1, totalFailures: 1 }, { outcome: 'failed' }),
      lastError: { message: 'HTTP 404', code: 'http_status', status: 404, at },
    };
    assert.equal(
      waitedRunLine({ source: sourceWith(after), earlier: runsBetween(health({}), after) }),
      '6b05abe6a726bf9b9491b274 Jobs: failed — HTTP 404',
    );
  });
});
