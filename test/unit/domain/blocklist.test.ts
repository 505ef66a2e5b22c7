import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  changeBlocklist,
  MAX_BLOCKED,
  parseBlocklist,
  serializeBlocklist,
} from '../../../src/domain/blocklist.ts';

describe('block list cookie', () => {
  it('reads anything malformed as empty, never as an error', () => {
    for (const value of [undefined, '', 'not json', '[]', '{"companies":"x"}', 'null'])
      assert.deepEqual(parseBlocklist(value), { companies: [], keywords: [] }, String(value));
  });

  it('cleans what it reads: trimmed, control characters out, case-insensitive duplicates once', () => {
    const list = parseBlocklist(
      JSON.stringify({ companies: [' Acme\u0000 Corp ', 'acme corp', 42], keywords: ['crypto'] }),
    );
    assert.deepEqual(list, { companies: ['Acme Corp'], keywords: ['crypto'] });
  });

  it('adds, removes and caps entries', () => {
    let list = parseBlocklist(undefined);
    list = changeBlocklist(list, { kind: 'companies', value: 'Acme', remove: false });
    list = changeBlocklist(list, { kind: 'companies', value: 'ACME', remove: false });
    assert.deepEqual(list.companies, ['ACME']);
    list = changeBlocklist(list, { kind: 'companies', value: 'acme', remove: true });
    assert.deepEqual(list.companies, []);
    for (let i = 0; i < MAX_BLOCKED + 5; i++)
      list = changeBlocklist(list, { kind: 'keywords', value: `k${i}`, remove: false });
    assert.equal(list.keywords.length, MAX_BLOCKED);
    assert.equal(list.keywords[0], 'k5', 'the oldest go first');
    assert.deepEqual(parseBlocklist(serializeBlocklist(list)), list);
  });
});
