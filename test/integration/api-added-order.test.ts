// The lists in the order the board stored their entries (sort=added): what a client polls so
// that a listing dated in the past, stored after it last looked, still reaches it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { load } from 'cheerio';
import Parser from 'rss-parser';
import { decodeCursor } from '../../src/domain/cursor.ts';
import { ADDED_SETTLE_MS } from '../../src/store/board-filters.ts';
import { ensureIndexes } from '../../src/store/indexes.ts';
import { entryModel } from '../../src/store/models/entry.ts';
import type { SourceDoc } from '../../src/store/models/source.ts';
import { createSource } from '../../src/store/source-repository.ts';
import { refreshSource } from '../../workers/refresh-source.ts';
import { pipelineDeps, startWebServer, type WebServer } from '../helpers/board-server.ts';
import { type FeedItem, wwrFeed } from '../helpers/feeds.ts';
import { type FixtureServer, serveBody, startFixtureServer } from '../helpers/fixture-server.ts';
import { type Isolated, isolate } from '../helpers/isolation.ts';
import { sourceInput } from '../helpers/sources.ts';

type ApiList = {
  data: Array<{ id: string; company: string; addedAt: string; publishedAt: string }>;
  total: number;
  cursors: { older: string | null; newer: string | null };
  links: { next: string | null; prev: string | null };
};

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);
const daysAgo = (d: number) => new Date(Date.now() - d * 86_400_000).toUTCString();
const job = (id: string, title: string, publishedDaysAgo: number): FeedItem => ({
  id,
  title: `${title}: Senior Backend Engineer (Go)`,
  pubDate: daysAgo(publishedDaysAgo),
});

describe('the API in the order jobs were added (sort=added)', () => {
  let db: Isolated;
  let feeds: FixtureServer;
  let web: WebServer;
  let base: string;
  let source: SourceDoc;
  const items: FeedItem[] = [];

  /** One run of the source through the real pipeline, on a clock `at`, then a new board version. */
  const run = async (at: Date) => {
    await refreshSource(
      pipelineDeps(db, feeds, () => at),
      String(source._id),
    );
    await web.bumpVersion();
  };
  const list = async (url: string): Promise<ApiList> => {
    const res = await fetch(url.startsWith('http') ? url : `${base}${url}`);
    assert.equal(res.status, 200, await res.clone().text());
    return (await res.json()) as ApiList;
  };
  const titles = (page: ApiList) => page.data.map((j) => j.company);

  before(async () => {
    db = await isolate('added_order');
    await ensureIndexes(db.mongo);
    feeds = await startFixtureServer();
    feeds.on(
      '/jobs.rss',
      serveBody(() => wwrFeed(feeds.url(''), items)),
    );
    source = await createSource(db.mongo, sourceInput(feeds.url('/jobs.rss')));
    web = await startWebServer(db);
    base = web.url;
  });
  after(async () => {
    await web.close();
    await feeds.close();
    await db.cleanup();
  });

  it('pages by storage time, and a poll brings a job dated before what the client saw', async () => {
    items.push(job('one', 'Alpha', 1), job('two', 'Bravo', 2), job('three', 'Charlie', 3));
    await run(minutesAgo(10));

    const first = await list('/api/v1/jobs?sort=added&limit=2');
    const rest = await list(first.links.next as string);
    // Stored by one run: among themselves, newest published first, as the feed dates them.
    assert.deepEqual([...titles(first), ...titles(rest)], ['Alpha', 'Bravo', 'Charlie']);
    assert.equal(first.total, 3);
    assert.equal(rest.links.next, null);
    assert.equal(decodeCursor(first.cursors.older as string)?.order, 'added');
    assert.match(first.links.next as string, /[?&]sort=added&/);

    // What a client keeps: the link to anything added after the page it read.
    const addedPoll = first.links.prev as string;
    assert.deepEqual((await list(addedPoll)).data, []);
    const publishedPoll = (await list('/api/v1/jobs?limit=2')).links.prev as string;

    // A job published 20 days ago, first stored now: below every job the client has seen in
    // the publication order, first in the added one.
    items.push(job('late', 'Delta', 20));
    await run(minutesAgo(5));
    const polled = await list(addedPoll);
    assert.deepEqual(titles(polled), ['Delta']);
    const [late] = polled.data;
    assert.ok(late && Date.parse(late.addedAt) - Date.parse(late.publishedAt) > 19 * 86_400_000);
    assert.deepEqual((await list(publishedPoll)).data, [], 'why the added order exists');

    // Stored just now: listed by publication date at once, in the added order once settled.
    items.push(job('fresh', 'Echo', 0));
    await run(new Date());
    assert.deepEqual(titles(await list(polled.links.prev as string)), []);
    assert.equal((await list('/api/v1/jobs?sort=added')).total, 4);
    const byDate = await list('/api/v1/jobs');
    assert.equal(byDate.total, 5);
    assert.equal(titles(byDate)[0], 'Echo');
    assert.ok(ADDED_SETTLE_MS >= 60_000, 'longer than a writer may wait for the SQLite lock');

    // An empty page's suggestions count what the linked list shows: settled jobs only.
    const empty = load(await (await fetch(`${base}/jobs?sort=added&q=zzzz`)).text());
    assert.match(empty('.empty li').text(), /\(4 jobs\)/);
    // Echo, added just now, is not in this order yet: the page says so and where to see it.
    const settling = load(await (await fetch(`${base}/jobs?sort=added&q=echo`)).text());
    assert.match(settling('.empty').text(), /join this order a few minutes after/);
    assert.equal(settling('.empty a:contains("by date posted")').attr('href'), '/jobs?q=echo');
  });

  it('stamps an entry when its insert goes out, not when its run began', async () => {
    const body = wwrFeed(feeds.url('/slow'), [job('slow', 'Foxtrot', 3)]);
    // The fetch alone takes 1.5 s: a run that began before it stores the job after it.
    feeds.on('/slow.rss', (req, res) => {
      setTimeout(() => serveBody(body)(req, res), 1500);
    });
    const slow = await createSource(db.mongo, sourceInput(feeds.url('/slow.rss')));
    const began = Date.now();
    await refreshSource(pipelineDeps(db, feeds), String(slow._id));
    const [stored] = await entryModel(db.mongo, 'jobs').find({ sourceId: slow._id }).lean();
    assert.ok(stored);
    assert.ok(stored.firstSeenAt.getTime() - began >= 1500, 'after the fetch');
    assert.ok(stored.firstSeenAt.getTime() <= Date.now());
  });

  it('orders a feed by storage time too, newest stored first', async () => {
    const res = await fetch(`${base}/jobs.rss?sort=added`);
    assert.equal(res.status, 200);
    const feed = await new Parser().parseString(await res.text());
    // Foxtrot was stored last, Echo before it (feeds wait for nothing: a reader keys items by
    // their id), then Delta, though it was published 20 days ago.
    assert.deepEqual(
      feed.items.slice(0, 3).map((i) => i.title?.split(' at ')[1]),
      ['Foxtrot', 'Echo', 'Delta'],
    );
    assert.match(feed.title ?? '', /newest added first$/);
    // A feed changed when a job arrived in it, whatever date the job carries.
    const atom = await (await fetch(`${base}/jobs.atom?q=delta`)).text();
    const updated = Date.parse(/<updated>([^<]+)</.exec(atom)?.[1] ?? '');
    assert.ok(Date.now() - updated < 60 * 60_000, `feed dated ${new Date(updated).toISOString()}`);
  });

  it('refuses a cursor asked for in the other order, saying which order it belongs to', async () => {
    const added = await list('/api/v1/jobs?sort=added&limit=1');
    const older = added.cursors.older as string;
    const res = await fetch(`${base}/api/v1/jobs?after=${older}`);
    assert.equal(res.status, 400);
    const body = (await res.json()) as { details: Array<{ parameter: string; message: string }> };
    assert.deepEqual(body.details, [
      {
        parameter: 'after',
        message: 'is a position in the list by date added (sort=added), not in this one',
      },
    ]);
    const unknown = await fetch(`${base}/api/v1/jobs?sort=salary`);
    assert.equal(unknown.status, 400);
  });
});

describe('the job page in the order jobs were added', () => {
  let db: Isolated;
  let feeds: FixtureServer;
  let web: WebServer;
  let base: string;

  before(async () => {
    db = await isolate('added_page');
    await ensureIndexes(db.mongo);
    feeds = await startFixtureServer();
    const items = [
      { ...job('one', 'Alpha', 1), region: 'USA Only' },
      job('two', 'Bravo', 2),
      job('late', 'Delta', 20),
    ];
    feeds.on(
      '/jobs.rss',
      serveBody(() => wwrFeed(feeds.url(''), items)),
    );
    const source = await createSource(db.mongo, sourceInput(feeds.url('/jobs.rss')));
    await refreshSource(
      pipelineDeps(db, feeds, () => minutesAgo(10)),
      String(source._id),
    );
    web = await startWebServer(db);
    base = web.url;
  });
  after(async () => {
    await web.close();
    await feeds.close();
    await db.cleanup();
  });

  it('offers the order as a choice, keeps it in every link, and shows no chip for it', async () => {
    const res = await fetch(`${base}/jobs?sort=added&workplace=remote&limit=2`);
    assert.equal(res.status, 200);
    const $ = load(await res.text());
    assert.equal($('input[name="sort"]:checked').val(), 'added');
    assert.equal($('#filters fieldset legend:contains("Newest first by")').length, 1);
    assert.equal($('article').length, 2);
    assert.match($('.count').text(), /^3 jobs · newest added first/);
    assert.match($('article .when').first().text(), /^added 10 minutes ago · posted /);
    // One of many orders of the same jobs: not for search engines.
    assert.equal($('meta[name="robots"]').attr('content'), 'noindex');
    const chips = $('.chips a')
      .map((_, a) => $(a).attr('href'))
      .get();
    assert.deepEqual(chips, ['/jobs?limit=2&sort=added']);
    const older = $('a[rel="next"]').attr('href') as string;
    assert.match(older, /^\/jobs\?workplace=remote&limit=2&sort=added&after=/);
    const next = load(await (await fetch(`${base}${older}`)).text());
    const companies = (page: ReturnType<typeof load>) =>
      page('article')
        .map((_, h) => page(h).text())
        .get();
    assert.equal(
      [...companies($), ...companies(next)].filter((t) => /Alpha|Bravo|Delta/.test(t)).length,
      3,
    );
    // By publication date, the default, the form checks the first choice.
    const byDate = load(await (await fetch(`${base}/jobs`)).text());
    assert.equal(byDate('input[name="sort"]:checked').val(), '');
    // The article list offers the same choice, and keeps it when a filter changes.
    const articles = load(await (await fetch(`${base}/articles?sort=added`)).text());
    assert.equal(articles('select#sort option[selected]').val(), 'added');
    assert.equal(articles('.chips').length, 0);
  });
});
