import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { overlapping, slowBuilds } from '../../../bench/lib/slow-builds.ts';

describe('slowBuilds: the web’s slow page builds, from its log', () => {
  const log = [
    '{"level":30,"time":1000,"msg":"web listening"}',
    '{"level":30,"time":5000,"page":"/jobs","ms":3000,"msg":"page slow to build: served from its cached copy across new data"}',
    '[12:00:00] INFO: page slow to build (pretty-printed, no time to read)',
    '{"level":30,"time":9000,"page":"/jobs.rss","ms":1000,"msg":"page slow to build: served from its cached copy across new data"}',
    '{"level":30,"time":9500,"page":"/jobs.rss","ms":1000,"msg":"page slow',
  ].join('\n');

  it('reads when each build ran from its end time and length', () => {
    assert.deepEqual(slowBuilds(log), [
      { start: 2000, end: 5000 },
      { start: 8000, end: 9000 },
    ]);
  });

  it('counts the builds running at some point of a window', () => {
    const builds = slowBuilds(log);
    assert.equal(overlapping(builds, { start: 0, end: 2000 }), 0, 'ends as the first starts');
    assert.equal(overlapping(builds, { start: 4000, end: 6000 }), 1);
    assert.equal(overlapping(builds, { start: 1000, end: 8500 }), 2);
    assert.equal(overlapping(builds, { start: 9000, end: 9999 }), 0);
  });
});
