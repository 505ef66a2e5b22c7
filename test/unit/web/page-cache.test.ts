import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PageCache } from '../../../src/web/page-cache.ts';

const page = (body: string) => ({
  status: 200,
  type: 'html',
  body: Buffer.from(body),
  cacheControl: 'public',
});

describe('PageCache', () => {
  it('expires entries after their TTL', () => {
    const cache = new PageCache(10, 1000);
    cache.set('a', page('A'), 0);
    assert.equal(cache.get('a', 999)?.body.toString(), 'A');
    assert.equal(cache.get('a', 1000), undefined);
  });

  it('evicts the least recently used entry past its size', () => {
    const cache = new PageCache(2, 60_000);
    cache.set('a', page('A'), 0);
    cache.set('b', page('B'), 0);
    cache.get('a', 1);
    cache.set('c', page('C'), 2);
    assert.equal(cache.size, 2);
    assert.equal(cache.get('b', 3), undefined);
    assert.equal(cache.get('a', 3)?.body.toString(), 'A');
  });

  it('renders a missing page once however many ask at the same time', async () => {
    const cache = new PageCache(10, 1000);
    let renders = 0;
    let finish: () => void = () => {};
    const render = () =>
      new Promise<ReturnType<typeof page>>((resolve) => {
        renders++;
        finish = () => resolve(page(`render ${renders}`));
      });
    const asking = Array.from({ length: 5 }, () => cache.resolve('a', render, 0));
    finish();
    const answers = await Promise.all(asking);
    assert.equal(renders, 1);
    assert.deepEqual(
      answers.map((a) => a.body.toString()),
      Array(5).fill('render 1'),
    );
    assert.equal((await cache.resolve('a', render, 10)).body.toString(), 'render 1', 'then cached');
    assert.equal(renders, 1);
  });

  it('serves a page past its TTL while one request renders it again, then the new one', async () => {
    const cache = new PageCache(10, 1000, 5000);
    await cache.resolve('a', async () => page('old'), 0);
    let renders = 0;
    let finish: () => void = () => {};
    const render = () =>
      new Promise<ReturnType<typeof page>>((resolve) => {
        const n = ++renders;
        finish = () => resolve(page(`new ${n}`));
      });
    assert.equal(
      (await cache.resolve('a', render, 1500)).body.toString(),
      'old',
      'stale, not waited for',
    );
    assert.equal(
      (await cache.resolve('a', render, 1500)).body.toString(),
      'old',
      'still rendering',
    );
    assert.equal(renders, 1, 'one render at a time');
    finish();
    await new Promise((r) => setImmediate(r));
    assert.equal((await cache.resolve('a', render, 1501)).body.toString(), 'new 1');
    // Beyond the stale window the request waits for a fresh render.
    const waiting = cache.resolve('a', render, 1501 + 1000 + 5000);
    finish();
    assert.equal((await waiting).body.toString(), 'new 2');
  });

  it('keeps the stale page when a background render fails, and never caches errors', async () => {
    const cache = new PageCache(10, 1000);
    await cache.resolve('a', async () => page('good'), 0);
    const failing = async (): Promise<ReturnType<typeof page>> => {
      throw new Error('database down');
    };
    assert.equal((await cache.resolve('a', failing, 1500)).body.toString(), 'good');
    await new Promise((r) => setImmediate(r));
    assert.equal(
      (await cache.resolve('a', async () => page('back'), 1600)).body.toString(),
      'good',
    );
    await new Promise((r) => setImmediate(r));
    assert.equal(cache.get('a', 1700)?.body.toString(), 'back');

    await assert.rejects(cache.resolve('b', failing, 0), /database down/);
    const notFound = { ...page('missing'), status: 404 };
    assert.equal((await cache.resolve('c', async () => notFound, 0)).status, 404);
    assert.equal(cache.get('c', 1), undefined, 'only 200s are kept');
  });
});
