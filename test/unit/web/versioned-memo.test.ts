import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { VersionedMemo } from '../../../src/web/versioned-memo.ts';

describe('VersionedMemo', () => {
  it('computes once per version, again after the version changes or the TTL passes', async () => {
    const memo = new VersionedMemo(1000);
    let calls = 0;
    const compute = async () => ++calls;
    assert.equal(await memo.get('k', 'v1', compute, 0), 1);
    assert.equal(await memo.get('k', 'v1', compute, 10), 1, 'same version: cached');
    assert.equal(await memo.get('k', 'v2', compute, 20), 2, 'new version: recomputed');
    assert.equal(await memo.get('k', 'v2', compute, 2000), 3, 'TTL passed: recomputed');
  });

  it('shares one computation between concurrent callers and forgets failures', async () => {
    const memo = new VersionedMemo(1000);
    let calls = 0;
    const slow = () => new Promise<number>((resolve) => setTimeout(() => resolve(++calls), 10));
    const [a, b] = await Promise.all([memo.get('k', 'v', slow, 0), memo.get('k', 'v', slow, 0)]);
    assert.deepEqual([a, b, calls], [1, 1, 1]);
    await assert.rejects(memo.get('x', 'v', () => Promise.reject(new Error('db down')), 0));
    await new Promise((r) => setImmediate(r));
    assert.equal(await memo.get('x', 'v', async () => 7, 1), 7, 'a failure is not cached');
  });
});
