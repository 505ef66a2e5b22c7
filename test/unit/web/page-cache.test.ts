import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PageCache } from '../../../src/web/page-cache.ts';

const page = (body: string) => ({ status: 200, type: 'html', body, cacheControl: 'public' });

describe('PageCache', () => {
  it('expires entries after their TTL', () => {
    const cache = new PageCache(10, 1000);
    cache.set('a', page('A'), 0);
    assert.equal(cache.get('a', 999)?.body, 'A');
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
    assert.equal(cache.get('a', 3)?.body, 'A');
  });
});
