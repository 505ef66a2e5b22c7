import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { queryTermGroups } from '../../../src/domain/search-query.ts';

describe('queryTermGroups: the words of a board search', () => {
  it('lets a technology be searched by the names people write for it', () => {
    assert.deepEqual(queryTermGroups('go postgres'), [['go'], ['postgres', 'postgresql']]);
    assert.deepEqual(queryTermGroups('Golang'), [['golang', 'go']]);
    assert.deepEqual(queryTermGroups('nodejs'), [['nodejs', 'node']]);
    assert.deepEqual(queryTermGroups('k8s psql'), [
      ['k8s', 'kubernetes'],
      ['psql', 'postgresql'],
    ]);
  });

  it('keeps other words, tag slugs and stop words as the entry terms do', () => {
    assert.deepEqual(queryTermGroups('remote kubernetes'), [['remote'], ['kubernetes']]);
    assert.deepEqual(queryTermGroups('the'), []);
  });
});
