import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readFeed } from '../../../src/ingest/read-feed.ts';
import { jobItems, wwrFeed } from '../../helpers/feeds.ts';

// Passes the rule checks (no nested quantifier), but backtracks for far longer than the 50 ms a
// rule may run on any listing of a few dozen letters: safe-pattern stops it.
const SLOW = '/\\w*\\w*\\w*\\w*\\w*\\w*\\w*\\w*\\w*\\w*\\w*\\w*#/';
const origin = 'https://jobs.example';
const now = new Date('2026-11-20T00:00:00Z');
const body = wwrFeed(
  origin,
  jobItems(3).map((item) => ({
    ...item,
    description: `<p>${'Backendplatformengineering'.repeat(2)} with Go and PostgreSQL.</p>`,
  })),
);

/** The fixture body read as a source of this type with these rules. */
const read = (type: 'jobs' | 'articles', options: { keep?: string[]; block?: string[] }) =>
  readFeed(body, `${origin}/feed`, { type, kind: 'rss', options }, now);

describe('readFeed: a keep/block rule that cannot run is reported on the run', () => {
  it('holds the jobs back and says so once, with how many it hit', async () => {
    const reading = await read('jobs', { block: [SLOW] });
    assert.equal(reading.entries.length, 3);
    assert.ok(reading.entries.every((e) => e.intel?.relevance.relevant === false));
    assert.equal(reading.warnings.length, 1, JSON.stringify(reading.warnings));
    assert.match(
      reading.warnings[0] ?? '',
      /^held back: block rule \/.*#\/ could not run \(.*\), on 3 item\(s\)$/,
    );
  });

  it('names a keep rule that could not run, and article rules that held items back', async () => {
    const jobs = await read('jobs', { keep: [SLOW] });
    assert.match(jobs.warnings.join('\n'), /^keep rule .* could not run \(.*\), on 3 item\(s\)$/m);
    const articles = await read('articles', { block: [SLOW] });
    assert.equal(articles.entries.length, 0);
    assert.match(articles.warnings.join('\n'), /^held back: .*, on 3 item\(s\)$/m);
  });

  it('stays quiet when every rule ran', async () => {
    const reading = await read('jobs', { block: ['/cobol/'] });
    assert.deepEqual(reading.warnings, []);
  });
});
