import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  latenessMs,
  missedSlots,
  overlappingRuns,
  parseScheduledJob,
  type Run,
  slotsIn,
} from '../../../bench/scenarios/scheduler.ts';

const run = (
  sourceId: string,
  due: number,
  start: number,
  end: number | null = start + 10,
): Run => ({
  sourceId,
  jobId: `repeat:source-${sourceId}:${due}`,
  due,
  start,
  end,
  outcome: 'not_modified',
});

describe('scheduler benchmark analysis', () => {
  it('reads the source and due slot from a job scheduler id, nothing from other jobs', () => {
    assert.deepEqual(parseScheduledJob('repeat:source-abc123:1795519587000'), {
      sourceId: 'abc123',
      due: 1795519587000,
    });
    assert.equal(parseScheduledJob('source-abc123'), null, 'a "fetch now" job has no due slot');
    assert.equal(parseScheduledJob('repeat:heartbeat:1795519587000'), null);
  });

  it('measures lateness per slot from its first attempt, within the window only', () => {
    const runs = [
      run('a', 1000, 1200),
      run('a', 1000, 5000),
      run('b', 1000, 1050),
      run('a', 9000, 9000),
    ];
    assert.deepEqual(
      latenessMs(runs, { from: 0, to: 2000 }).sort((x, y) => x - y),
      [50, 200],
    );
  });

  it('counts attempts that start while another run of the same source is going', () => {
    assert.equal(
      overlappingRuns([run('a', 0, 0, 100), run('a', 60, 100, 150), run('b', 0, 50, 60)]),
      0,
    );
    assert.equal(overlappingRuns([run('a', 0, 0, 100), run('a', 60, 99, 150)]), 1);
    assert.equal(overlappingRuns([run('a', 0, 0, null), run('a', 60, 500)]), 1, 'never ended');
  });

  it('finds slots nobody took and runs off the grid', () => {
    assert.deepEqual(slotsIn({ from: 100, to: 400 }, 50, 100), [150, 250, 350]);
    const window = { from: 0, to: 300 };
    const complete = [run('a', 0, 0), run('a', 100, 100), run('a', 200, 200)];
    assert.deepEqual(missedSlots(complete, ['a'], window, 100), {
      missed: 0,
      offGrid: 0,
      affected: [],
    });
    const gap = [
      run('a', 0, 0),
      run('a', 200, 200),
      run('b', 0, 0),
      run('b', 150, 150),
      run('b', 250, 250),
    ];
    const result = missedSlots(gap, ['a', 'b', 'c'], window, 100);
    assert.equal(result.offGrid, 2, "b's schedule moved");
    assert.equal(result.missed, 1 + 2 + 3, 'a skipped one, b left two, c never ran');
    assert.deepEqual(result.affected, ['a', 'b', 'c']);
  });
});
