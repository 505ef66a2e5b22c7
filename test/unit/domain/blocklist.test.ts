import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  type Blocklist,
  changeBlocklist,
  MAX_BLOCKED,
  MAX_COOKIE_VALUE,
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

  it('adds and removes entries, case-insensitively', () => {
    let list = parseBlocklist(undefined);
    list = changed(list, { kind: 'companies', value: 'Acme', remove: false });
    list = changed(list, { kind: 'companies', value: 'ACME', remove: false });
    assert.deepEqual(list.companies, ['ACME']);
    list = changed(list, { kind: 'companies', value: 'acme', remove: true });
    assert.deepEqual(list.companies, []);
  });

  it('refuses an entry past the limit instead of dropping the oldest', () => {
    let list = parseBlocklist(undefined);
    for (let i = 0; i < MAX_BLOCKED; i++)
      list = changed(list, { kind: 'keywords', value: `k${i}`, remove: false });
    assert.equal(
      changeBlocklist(list, { kind: 'keywords', value: 'one more', remove: false }),
      'full',
    );
    assert.equal(list.keywords[0], 'k0');
    assert.deepEqual(parseBlocklist(serializeBlocklist(list)), list);
  });

  it('keeps the cookie within what a browser stores, with room for 30 long non-Latin names', () => {
    // 13 of these filled the old percent-encoded cookie; the browser then dropped every change.
    let list = parseBlocklist(undefined);
    for (let i = 0; i < MAX_BLOCKED; i++)
      list = changed(list, { kind: 'companies', value: `Разработка программ ${i}`, remove: false });
    assert.equal(list.companies.length, MAX_BLOCKED);
    assert.ok(serializeBlocklist(list).length <= MAX_COOKIE_VALUE);
    assert.deepEqual(parseBlocklist(serializeBlocklist(list)), list);
    // Past the size (80-character keywords as well), an addition is refused, never lost.
    let refusal: Blocklist | string = list;
    for (let i = 0; typeof refusal !== 'string' && i < MAX_BLOCKED; i++) {
      list = refusal;
      refusal = changeBlocklist(list, {
        kind: 'keywords',
        value: `${'Ключевое слово '.repeat(5)}${i}`,
        remove: false,
      });
    }
    assert.equal(refusal, 'too_long');
    assert.ok(serializeBlocklist(list).length <= MAX_COOKIE_VALUE);
  });

  it('still reads a cookie written before the compact form', () => {
    assert.deepEqual(parseBlocklist(JSON.stringify({ companies: ['Acme'], keywords: [] })), {
      companies: ['Acme'],
      keywords: [],
    });
  });
});

function changed(list: Blocklist, change: Parameters<typeof changeBlocklist>[1]): Blocklist {
  const next = changeBlocklist(list, change);
  assert.ok(typeof next !== 'string', `refused: ${next}`);
  return next;
}
