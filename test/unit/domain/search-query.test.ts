import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { otherNumber, queryTermGroups } from '../../../src/domain/search-query.ts';

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

  it('keeps tag slugs and stop words as the entry terms do', () => {
    assert.deepEqual(queryTermGroups('kubernetes rust'), [['kubernetes'], ['rust']]);
    assert.deepEqual(queryTermGroups('the'), []);
  });

  it('lets a word match its singular or plural', () => {
    assert.deepEqual(queryTermGroups('interview engineers'), [
      ['interview', 'interviews'],
      ['engineers', 'engineer'],
    ]);
    assert.deepEqual(queryTermGroups('AWS'), [['aws']]);
  });
});

describe('otherNumber', () => {
  const cases: Array<[string, string[]]> = [
    ['interviews', ['interview']],
    ['interview', ['interviews']],
    ['companies', ['company']],
    ['company', ['companies']],
    ['processes', ['process']],
    ['process', ['processes']],
    ['switches', ['switch']],
    ['days', ['day']],
    ['day', []],
    ['redis', []],
    ['status', []],
    ['aws', []],
    ['c++', []],
    ['remote', ['remotes']],
    ['news', []],
    ['series', []],
  ];
  for (const [word, expected] of cases) {
    it(`${word} → ${expected.join(', ') || 'nothing'}`, () =>
      assert.deepEqual(otherNumber(word), expected));
  }
});
