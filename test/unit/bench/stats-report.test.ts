import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Parser from 'rss-parser';
import { atomFeed, expectedCopies, generateItems, rssFeed } from '../../../bench/lib/feed-gen.ts';
import { markdownReport, meets, summarizeFigures } from '../../../bench/lib/report.ts';
import {
  chainedRate,
  percentile,
  round,
  stageShares,
  summarize,
} from '../../../bench/lib/stats.ts';

describe('benchmark statistics', () => {
  it('summarizes repetitions as min, median and max', () => {
    assert.deepEqual(summarize([3, 1, 2]), { min: 1, median: 2, max: 3, n: 3 });
    assert.deepEqual(summarize([4, 1, 3, 2]), { min: 1, median: 2.5, max: 4, n: 4 });
    assert.throws(() => summarize([]), /no values/);
  });

  it('chains stage rates: each item pays every stage on one core', () => {
    assert.equal(chainedRate([100]), 100);
    // 10 ms + 2.5 ms + 12.5 ms per item: 25 ms, 40 items/s
    assert.equal(chainedRate([100, 400, 80]), 40);
    assert.throws(() => chainedRate([]), /positive rates/);
    assert.throws(() => chainedRate([100, 0]), /positive rates/);
    assert.throws(() => chainedRate([100, Number.NaN]), /positive rates/);
  });

  it("shares a round's run time among its stages, summed over its runs", () => {
    const shares = stageShares([
      { durationMs: 1000, stageMs: { fetch: 100, read: 100, store: 790 } },
      { durationMs: 3000, stageMs: { fetch: 100, read: 300, store: 2590 } },
    ]);
    assert.deepEqual(shares, { fetch: 0.05, read: 0.1, store: 0.845 });
    assert.throws(() => stageShares([]), /stage times/);
    assert.throws(() => stageShares([{ durationMs: 5 }]), /stage times/);
    assert.throws(
      () => stageShares([{ durationMs: 0, stageMs: { fetch: 0, read: 0, store: 0 } }]),
      /stage times/,
    );
  });

  it('takes percentiles by nearest rank', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    assert.equal(percentile(values, 50), 50);
    assert.equal(percentile(values, 99), 99);
    assert.equal(percentile(values, 100), 100);
    assert.equal(percentile([7], 99), 7);
    assert.ok(Number.isNaN(percentile([], 50)));
  });

  it('rounds for reading: three significant digits, whole numbers from 100', () => {
    assert.equal(round(0.004567), 0.00457);
    assert.equal(round(12.345), 12.3);
    assert.equal(round(1234.5), 1235);
  });
});

describe('benchmark report', () => {
  it('judges medians against targets', () => {
    assert.equal(meets(0.6, { min: 0.5 }), true);
    assert.equal(meets(0.4, { min: 0.5 }), false);
    assert.equal(meets(60, { max: 50 }), false);
    assert.equal(meets(Number.NaN, { max: 50 }), false);
    assert.equal(meets(1, undefined), null);
  });

  it('renders a table with every figure, its spread, target and verdict', () => {
    const scenario = summarizeFigures({
      scenario: 'board',
      setup: '100 jobs',
      figures: [
        { name: '/jobs p99', unit: 'ms', values: [40, 70, 45], target: { max: 50 } },
        { name: 'baseline', unit: 'req/s', values: [1000, 1100, 900] },
      ],
    });
    assert.equal(scenario.figures[0]?.met, true, 'the median (45) meets ≤ 50');
    const md = markdownReport({
      date: '2026-11-24T12:00:00.000Z',
      machine: { cpu: '2 × test', node: 'v20' },
      options: { scale: 1 },
      scenarios: [scenario],
    });
    assert.match(md, /^## 2026-11-24T12:00:00.000Z/);
    assert.match(md, /cpu: 2 × test · node: v20/);
    assert.match(md, /\| \/jobs p99 \| ms \| 40 \| 45 \| 70 \| 3 \| ≤ 50 \| yes \|/);
    assert.match(md, /\| baseline \| req\/s \| 900 \| 1000 \| 1100 \| 3 \| {2}\| {2}\|/);
  });
});

describe('generated benchmark feeds', () => {
  const now = new Date('2026-11-24T12:00:00Z');
  const origin = 'http://127.0.0.1:1';

  it('are the same bytes for the same seed, and realistic in size', () => {
    const a = generateItems({ feed: 3, count: 50, origin, now });
    const b = generateItems({ feed: 3, count: 50, origin, now });
    assert.deepEqual(a, b);
    const perItem = a.reduce((n, item) => n + item.html.length, 0) / a.length;
    assert.ok(perItem > 1200 && perItem < 2000, `~1.5 KB of HTML per item, got ${perItem}`);
    assert.ok(a.some((item) => item.salary) && a.some((item) => item.region));
  });

  it('parse back with rss-parser as RSS and Atom, entities and CDATA intact', async () => {
    const items = generateItems({ feed: 1, count: 10, origin, now });
    const parser = new Parser();
    const rss = await parser.parseString(rssFeed('R', origin, items));
    const atom = await parser.parseString(atomFeed('A', origin, items));
    assert.equal(rss.items.length, 10);
    assert.equal(atom.items.length, 10);
    assert.match(rss.items[0]?.content ?? '', /can&#8217;t afford downtime/);
    assert.match(atom.items[0]?.content ?? '', /can&#8217;t afford downtime/);
    assert.equal(atom.items[3]?.link, items[3]?.url);
  });

  it('share jobs across feeds only where cross-posted: one item in ten, partner feeds 2k and 2k+1', () => {
    const feeds = Array.from({ length: 6 }, (_, feed) =>
      generateItems({ feed, count: 50, origin, now }),
    );
    const listedOn = new Map<string, Set<number>>();
    for (const [feed, items] of feeds.entries())
      for (const item of items) {
        const key = `${item.company}|${item.title}`;
        listedOn.set(key, (listedOn.get(key) ?? new Set()).add(feed));
      }
    const shared = [...listedOn.values()].filter((on) => on.size > 1);
    assert.equal(shared.length, expectedCopies(6, 50));
    assert.equal(expectedCopies(6, 50), 15);
    for (const on of shared) {
      const [a, b] = [...on].sort();
      assert.equal(on.size, 2);
      assert.equal((a as number) >> 1, (b as number) >> 1, 'only partner feeds share a job');
    }
    // Same job, each feed's own URL; the rest of the feed is its own.
    assert.equal(feeds[0]?.[3]?.html, feeds[1]?.[3]?.html);
    assert.notEqual(feeds[0]?.[3]?.url, feeds[1]?.[3]?.url);
    assert.notEqual(feeds[0]?.[4]?.company, feeds[1]?.[4]?.company);
  });

  it('edits only the items chosen', () => {
    const before = generateItems({ feed: 2, count: 40, origin, now });
    const after = generateItems({ feed: 2, count: 40, origin, now, changed: (i) => i % 20 === 0 });
    const differing = before.filter((item, i) => item.html !== after[i]?.html).length;
    assert.equal(differing, 2);
  });
});
