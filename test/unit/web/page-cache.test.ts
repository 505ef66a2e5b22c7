import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type CachedResponse, PageCache } from '../../../src/web/page-cache.ts';

const page = (body: string): CachedResponse => ({
  status: 200,
  type: 'html',
  body: Buffer.from(body),
  cacheControl: 'public',
});

/** A clock the test moves by hand. */
function manualClock(start = 0) {
  const clock = { now: start, read: () => clock.now };
  return clock;
}

/** A render the test finishes by hand, counting how often it was started. */
function manualRender(label: string) {
  const state = {
    started: 0,
    finish: () => {},
    render: () =>
      new Promise<CachedResponse>((resolve) => {
        const n = ++state.started;
        state.finish = () => resolve(page(`${label} ${n}`));
      }),
  };
  return state;
}

const settle = () => new Promise((r) => setImmediate(r));
const text = async (answer: Promise<CachedResponse>) => (await answer).body.toString();

/** Builds each page once at version v1, each taking 5 s on `clock`: slow pages, kept 50 s. */
async function buildSlowly(
  cache: PageCache,
  clock: { now: number },
  builds: Record<string, ReturnType<typeof manualRender>>,
) {
  for (const [key, build] of Object.entries(builds)) {
    const building = cache.resolve(key, 'v1', build.render);
    clock.now += 5_000;
    build.finish();
    await building;
  }
}

describe('PageCache', () => {
  it('expires entries after their TTL and keeps them per version', () => {
    const clock = manualClock();
    const cache = new PageCache({ ttlMs: 1000, clock: clock.read });
    cache.set('a', 'v1', page('A'));
    clock.now = 999;
    assert.equal(cache.get('a', 'v1')?.body.toString(), 'A');
    assert.equal(cache.get('a', 'v2'), undefined, 'another version');
    clock.now = 1000;
    assert.equal(cache.get('a', 'v1'), undefined);
  });

  it('evicts the least recently used entry past its size', () => {
    const cache = new PageCache({ maxEntries: 2, ttlMs: 60_000, clock: () => 0 });
    cache.set('a', 'v', page('A'));
    cache.set('b', 'v', page('B'));
    cache.get('a', 'v');
    cache.set('c', 'v', page('C'));
    assert.equal(cache.size, 2);
    assert.equal(cache.get('b', 'v'), undefined);
    assert.equal(cache.get('a', 'v')?.body.toString(), 'A');
  });

  it('renders a missing page once however many ask at the same time', async () => {
    const cache = new PageCache({ ttlMs: 1000, clock: () => 0 });
    const r = manualRender('render');
    const asking = Array.from({ length: 5 }, () => text(cache.resolve('a', 'v', r.render)));
    r.finish();
    assert.deepEqual(await Promise.all(asking), Array(5).fill('render 1'));
    assert.equal(r.started, 1);
    assert.equal(await text(cache.resolve('a', 'v', r.render)), 'render 1', 'then cached');
    assert.equal(r.started, 1);
  });

  it('serves a page past its TTL while one request renders it again, then the new one', async () => {
    const clock = manualClock();
    const cache = new PageCache({ ttlMs: 1000, staleMs: 5000, clock: clock.read });
    await cache.resolve('a', 'v', async () => page('old'));
    const r = manualRender('new');
    clock.now = 1500;
    assert.equal(await text(cache.resolve('a', 'v', r.render)), 'old', 'stale, not waited for');
    assert.equal(await text(cache.resolve('a', 'v', r.render)), 'old', 'still rendering');
    assert.equal(r.started, 1, 'one render at a time');
    r.finish();
    await settle();
    clock.now = 1501;
    assert.equal(await text(cache.resolve('a', 'v', r.render)), 'new 1');
    // Beyond the stale window the request waits for a fresh render.
    clock.now = 1501 + 1000 + 5000;
    const waiting = cache.resolve('a', 'v', r.render);
    r.finish();
    assert.equal(await text(waiting), 'new 2');
  });

  it('waits for a quickly built page of a new version: new data shows at once', async () => {
    const clock = manualClock();
    const cache = new PageCache({ ttlMs: 30_000, clock: clock.read });
    await cache.resolve('a', 'v1', async () => page('before'));
    clock.now = 10;
    const r = manualRender('after');
    const waiting = cache.resolve('a', 'v2', r.render);
    clock.now = 20;
    r.finish();
    assert.equal(await text(waiting), 'after 1');
    assert.equal(cache.get('a', 'v2')?.body.toString(), 'after 1');
    assert.equal(cache.size, 1, 'one entry per URL, whatever the version');
  });

  it('keeps a slowly built page across new data and rebuilds it in the background', async () => {
    const clock = manualClock();
    const cache = new PageCache({ ttlMs: 30_000, staleMs: 300_000, clock: clock.read });
    const first = manualRender('v1 page');
    const building = cache.resolve('a', 'v1', first.render);
    clock.now = 5_000; // a 5 s build: kept for 50 s, across versions
    first.finish();
    assert.equal(await text(building), 'v1 page 1');

    const next = manualRender('v2 page');
    clock.now = 40_000; // new data, within 10 × the build time: served as is, no rebuild yet
    assert.equal(await text(cache.resolve('a', 'v2', next.render)), 'v1 page 1');
    assert.equal(next.started, 0);
    // get() gives what resolve() gives with no render to start: served before routing.
    assert.equal(cache.get('a', 'v2')?.body.toString(), 'v1 page 1');

    clock.now = 55_000; // past 10 × build time: still served, one rebuild starts
    assert.equal(cache.get('a', 'v2'), undefined, 'resolve() must see it, to start the rebuild');
    assert.equal(await text(cache.resolve('a', 'v2', next.render)), 'v1 page 1');
    assert.equal(await text(cache.resolve('a', 'v3', next.render)), 'v1 page 1');
    assert.equal(next.started, 1, 'one rebuild at a time, whatever the version');
    assert.equal(cache.get('a', 'v2')?.body.toString(), 'v1 page 1', 'served while it rebuilds');
    clock.now = 58_000;
    next.finish();
    await settle();
    assert.equal(await text(cache.resolve('a', 'v2', next.render)), 'v2 page 1');

    // However old, a slow page is served while one rebuild runs: nobody waits a minute for it.
    clock.now = 58_000 + 24 * 3_600_000;
    assert.equal(await text(cache.resolve('a', 'v4', next.render)), 'v2 page 1');
    assert.equal(next.started, 2);
    next.finish();
    await settle();
    assert.equal(await text(cache.resolve('a', 'v4', next.render)), 'v2 page 2');
  });

  it('does not hand a request for new data a render of older data', async () => {
    const clock = manualClock();
    const cache = new PageCache({ ttlMs: 1000, clock: clock.read });
    await cache.resolve('a', 'v1', async () => page('v1'));
    clock.now = 1500;
    const refresh = manualRender('v1 again');
    assert.equal(await text(cache.resolve('a', 'v1', refresh.render)), 'v1', 'background refresh');
    const fresh = manualRender('v2');
    clock.now = 1600;
    const waiting = cache.resolve('a', 'v2', fresh.render);
    assert.equal(fresh.started, 1, 'its own render, not the older one in flight');
    fresh.finish();
    assert.equal(await text(waiting), 'v2 1');
    refresh.finish();
    await settle();
    assert.equal(
      cache.get('a', 'v2')?.body.toString(),
      'v2 1',
      'the older render, done last, is dropped',
    );
  });

  it('keeps the stale page when a background render fails, and never caches errors', async () => {
    const clock = manualClock();
    const cache = new PageCache({ ttlMs: 1000, clock: clock.read });
    await cache.resolve('a', 'v', async () => page('good'));
    const failing = async (): Promise<CachedResponse> => {
      throw new Error('database down');
    };
    clock.now = 1500;
    assert.equal(await text(cache.resolve('a', 'v', failing)), 'good');
    await settle();
    clock.now = 1600;
    assert.equal(await text(cache.resolve('a', 'v', async () => page('back'))), 'good');
    await settle();
    clock.now = 1700;
    assert.equal(cache.get('a', 'v')?.body.toString(), 'back');

    await assert.rejects(cache.resolve('b', 'v', failing), /database down/);
    const notFound = { ...page('missing'), status: 404 };
    assert.equal((await cache.resolve('c', 'v', async () => notFound)).status, 404);
    assert.equal(cache.get('c', 'v'), undefined, 'only 200s are kept');
  });

  it('rebuilds slow pages one at a time, serving each as it is until its turn', async () => {
    const clock = manualClock();
    const cache = new PageCache({ ttlMs: 30_000, clock: clock.read });
    const builds = { a: manualRender('a'), b: manualRender('b'), c: manualRender('c') };
    await buildSlowly(cache, clock, builds); // each kept 50 s across versions
    clock.now = 200_000; // all three past their time, new data
    for (const key of ['a', 'b', 'c'] as const)
      assert.equal(await text(cache.resolve(key, 'v2', builds[key].render)), `${key} 1`);
    assert.deepEqual(
      [builds.a.started, builds.b.started, builds.c.started],
      [2, 1, 1],
      'only the first rebuild runs',
    );
    // The others are served before routing while they wait, and a newer version joins the wait.
    assert.equal(cache.get('b', 'v2')?.body.toString(), 'b 1');
    assert.equal(await text(cache.resolve('c', 'v3', builds.c.render)), 'c 1');
    assert.equal(builds.c.started, 1);

    builds.a.finish();
    await settle();
    assert.deepEqual([builds.b.started, builds.c.started], [2, 1], 'then the next in line');
    assert.equal(cache.get('a', 'v2')?.body.toString(), 'a 2');
    builds.b.finish();
    await settle();
    assert.equal(builds.c.started, 2);
    builds.c.finish();
    await settle();
    assert.equal(
      cache.get('c', 'v3')?.body.toString(),
      'c 2',
      'built for the newest version asked',
    );
  });

  it('skips a waiting rebuild of a page a visitor is rendering already (it dropped out of the cache)', async () => {
    const clock = manualClock();
    const cache = new PageCache({ maxEntries: 2, ttlMs: 30_000, clock: clock.read });
    const a = manualRender('a');
    const b = manualRender('b');
    await buildSlowly(cache, clock, { a, b });
    clock.now = 200_000;
    await cache.resolve('a', 'v2', a.render);
    await cache.resolve('b', 'v2', b.render); // waits behind a
    // b drops out of the cache (least recently used), and the next visitor renders it.
    cache.get('a', 'v2');
    cache.set('x', 'v2', page('X'));
    const direct = manualRender('b direct');
    const answer = cache.resolve('b', 'v2', direct.render);
    assert.equal(direct.started, 1);
    a.finish();
    await settle();
    assert.equal(b.started, 1, 'no second render of b while the visitor’s runs');
    direct.finish();
    assert.equal(await text(answer), 'b direct 1');
  });

  it('lets the next slow page rebuild when one never finishes, and drops pages evicted meanwhile', async () => {
    const clock = manualClock();
    const cache = new PageCache({
      maxEntries: 3,
      ttlMs: 30_000,
      slowRebuildMaxMs: 30,
      clock: clock.read,
    });
    const builds = { a: manualRender('a'), b: manualRender('b'), c: manualRender('c') };
    await buildSlowly(cache, clock, builds);
    clock.now = 200_000;
    for (const key of ['a', 'b', 'c'] as const) await cache.resolve(key, 'v2', builds[key].render);
    assert.deepEqual([builds.a.started, builds.b.started, builds.c.started], [2, 1, 1]);
    // c drops out of the cache while it waits: nobody asks for it, so it is not rebuilt.
    cache.get('a', 'v2');
    cache.get('b', 'v2');
    cache.set('x', 'v2', page('X'));
    assert.equal(cache.get('c', 'v2'), undefined);
    // a's rebuild never ends; after its time b gets its turn all the same.
    await new Promise((r) => setTimeout(r, 60));
    assert.equal(builds.b.started, 2, 'the hung rebuild gave up its turn');
    builds.b.finish();
    await settle();
    await new Promise((r) => setTimeout(r, 60));
    assert.equal(builds.c.started, 1, 'the evicted page was not rebuilt');
    assert.equal(cache.get('b', 'v2')?.body.toString(), 'b 2');
  });
});
