import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { offBoardWarnings } from '../../../src/ingest/off-board.ts';
import { readFeed } from '../../../src/ingest/read-feed.ts';
import { wwrFeed } from '../../helpers/feeds.ts';

const now = new Date('2026-12-07T12:00:00Z');
const read = async (items: Parameters<typeof wwrFeed>[1], block: string[] = []) =>
  (
    await readFeed(
      wwrFeed('https://jobs.example', items),
      'https://jobs.example/feed',
      { type: 'jobs', options: { block } },
      now,
    )
  ).entries;

describe('offBoardWarnings: what a read stores that the board will not show', () => {
  it('counts jobs closed at once and jobs that are not backend roles', async () => {
    const entries = await read([
      { id: 'a', title: 'Acme: Backend Engineer', pubDate: 'Mon, 30 Nov 2026 10:00:00 +0000' },
      { id: 'b', title: 'Acme: Go Developer', pubDate: 'Mon, 02 Nov 2015 10:00:00 +0000' },
      { id: 'c', title: 'Acme: Account Executive', pubDate: 'Mon, 30 Nov 2026 10:00:00 +0000' },
    ]);
    assert.deepEqual(offBoardWarnings(entries, now, 45), [
      "1 of the feed's 3 job(s) are past their deadline or older than 45 days: stored closed, not on the board",
      "1 of the feed's 3 job(s) are not backend roles by their titles: stored, not on the board",
    ]);
  });

  it('says nothing when every job reaches the board, and says so when none does', async () => {
    const fresh = await read([
      { id: 'a', title: 'Acme: Backend Engineer', pubDate: 'Mon, 30 Nov 2026 10:00:00 +0000' },
    ]);
    assert.deepEqual(offBoardWarnings(fresh, now, 45), []);
    const stale = await read([
      { id: 'b', title: 'Acme: Go Developer', pubDate: 'Mon, 02 Nov 2015 10:00:00 +0000' },
    ]);
    assert.equal(offBoardWarnings(stale, now, 45).at(-1), 'none of its jobs reach the board');
    assert.deepEqual(offBoardWarnings([], now, 45), []);
  });

  it("names the source's rules for the jobs they block, apart from off-topic ones", async () => {
    const entries = await read(
      [
        {
          id: 'a',
          title: 'Initech: Site Reliability Engineer',
          pubDate: 'Mon, 30 Nov 2026 10:00:00 +0000',
        },
        { id: 'b', title: 'Acme: Account Executive', pubDate: 'Mon, 30 Nov 2026 10:00:00 +0000' },
      ],
      ['Initech'],
    );
    assert.deepEqual(offBoardWarnings(entries, now, 45), [
      '1 of the feed\'s 2 job(s) are blocked by the source\'s rules ("Initech"): stored, not on the board',
      "1 of the feed's 2 job(s) are not backend roles by their titles: stored, not on the board",
      'none of its jobs reach the board',
    ]);
  });
});
