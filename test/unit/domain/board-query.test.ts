import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseArticleQuery, parseJobQuery } from '../../../src/domain/board-query.ts';
import { queryString } from '../../../src/domain/board-query-url.ts';
import { decodeCursor, encodeCursor } from '../../../src/domain/cursor.ts';

const job = (raw: Record<string, unknown>, strict = false) => parseJobQuery(raw, { strict });
const published = { order: 'published' as const, at: new Date(1), id: 'a'.repeat(24) };
const added = { order: 'added' as const, at: new Date(1), id: 'a'.repeat(24) };

describe('parseJobQuery', () => {
  const valid: Array<[string, Record<string, unknown>, unknown]> = [
    ['nothing', {}, {}],
    [
      'empty form fields mean no filter',
      { q: '', workplace: '', salaryMin: '', posted: '', from: '' },
      {},
    ],
    ['comma lists', { workplace: 'remote,Hybrid' }, { workplace: ['remote', 'hybrid'] }],
    ['repeated parameters', { tags: ['go', 'postgresql', 'go'] }, { tags: ['go', 'postgresql'] }],
    ['country codes in any case', { from: 'de' }, { from: 'DE' }],
    [
      'whole numbers',
      { salaryMin: '120000', currency: 'eur' },
      { salaryMin: 120000, currency: 'EUR' },
    ],
    ['flags', { hasSalary: 'on' }, { hasSalary: true }],
    ['false flags drop out', { hasSalary: '0' }, {}],
    ['the last of a repeated single value', { q: ['a', 'rust'] }, { q: 'rust' }],
    [
      'control characters in a search read as spaces',
      { q: 'go\u0000 rust\u0007' },
      { q: 'go  rust' },
    ],
  ];
  for (const [name, raw, expected] of valid)
    it(`accepts ${name}`, () => {
      const parsed = job(raw);
      assert.ok(parsed.ok, JSON.stringify(parsed));
      assert.deepEqual(parsed.query, expected);
    });

  const invalid: Array<[string, Record<string, unknown>, string, RegExp]> = [
    ['a word as salary', { salaryMin: 'lots' }, 'salaryMin', /whole number/],
    ['a negative salary', { salaryMin: '-5' }, 'salaryMin', /whole number/],
    ['a huge salary', { salaryMin: '99999999' }, 'salaryMin', /at most 10000000/],
    [
      'an unknown workplace',
      { workplace: 'moon' },
      'workplace',
      /unknown workplace "moon" \(use remote, hybrid, onsite\)/,
    ],
    ['an unknown tag', { tags: 'cobolx' }, 'tags', /unknown stack tag "cobolx"$/],
    ['too many tags', { tags: 'go,rust,java,php,ruby,python' }, 'tags', /at most 5 tags/],
    ['an unknown country', { from: 'XX' }, 'from', /ISO country code/],
    ['an unknown currency', { currency: 'ABC' }, 'currency', /currency code/],
    ['a bad window', { posted: '1y' }, 'posted', /24h, 7d or 30d/],
    ['a bad source id', { source: 'abc' }, 'source', /source id/],
    ['a forged cursor', { after: 'bm90LWEtY3Vyc29y' }, 'after', /cursor/],
    ['a page size over the limit', { limit: '500' }, 'limit', /at most 100/],
    // Too many digits is still a number too large, not "not a whole number".
    ['a ten-digit page size', { limit: '9999999999' }, 'limit', /at most 100$/],
    ['a page size with a sign', { limit: '-5' }, 'limit', /whole number/],
    [
      'both directions',
      {
        after: encodeCursor(published),
        before: encodeCursor(published),
      },
      'before',
      /not both/,
    ],
    ['an unknown order', { sort: 'salary' }, 'sort', /published or added/],
    [
      'a cursor of the added order without sort=added',
      { after: encodeCursor(added) },
      'after',
      /position in the list by date added \(sort=added\), not in this one/,
    ],
    [
      'a cursor of the publication order with sort=added',
      { sort: 'added', before: encodeCursor(published) },
      'before',
      /list by date posted, not in the sort=added one/,
    ],
  ];
  for (const [name, raw, parameter, message] of invalid)
    it(`refuses ${name}`, () => {
      const parsed = job(raw);
      assert.equal(parsed.ok, false);
      if (parsed.ok) return;
      const problem = parsed.problems.find((p) => p.parameter === parameter);
      assert.ok(problem, JSON.stringify(parsed.problems));
      assert.match(problem.message, message);
    });

  it('ignores unknown parameters on pages but refuses them in strict mode', () => {
    assert.ok(job({ utm_source: 'x', q: 'go' }).ok);
    const strict = job({ utm_source: 'x' }, true);
    assert.equal(strict.ok, false);
    if (!strict.ok) assert.equal(strict.problems[0]?.parameter, 'utm_source');
  });

  it('validates article searches', () => {
    const ok = parseArticleQuery({ topic: 'System-Design', q: 'scale' }, { strict: true });
    assert.ok(ok.ok);
    if (ok.ok) assert.deepEqual(ok.query, { topic: 'system-design', q: 'scale' });
    assert.equal(parseArticleQuery({ topic: 'astrology' }, { strict: false }).ok, false);
  });
});

describe('queryString', () => {
  it('writes a search in one canonical order, lists sorted, defaults left out', () => {
    const parsed = job({ tags: 'postgresql,go', q: 'backend', hasSalary: '1', page: '2' });
    assert.ok(parsed.ok);
    if (parsed.ok)
      assert.equal(queryString(parsed.query), '?q=backend&hasSalary=1&tags=go%2Cpostgresql&page=2');
    assert.equal(queryString({}), '');
  });
});

describe('cursors', () => {
  it('round-trip a position in either order', () => {
    for (const order of ['published', 'added'] as const) {
      const position = {
        order,
        at: new Date('2026-11-20T10:00:00.123Z'),
        id: '0123456789abcdef01234567',
      };
      assert.deepEqual(decodeCursor(encodeCursor(position)), position);
    }
  });
  it('still read tokens issued before the added order, as positions by publication date', () => {
    const token = Buffer.from('1763632800123.0123456789abcdef01234567').toString('base64url');
    assert.deepEqual(decodeCursor(token), {
      order: 'published',
      at: new Date(1763632800123),
      id: '0123456789abcdef01234567',
    });
  });
  it('name the order in the URL, and leave the default order out', () => {
    const parsed = parseJobQuery({ sort: 'added', after: encodeCursor(added) }, { strict: true });
    assert.ok(parsed.ok);
    if (parsed.ok)
      assert.equal(queryString(parsed.query), `?sort=added&after=${encodeCursor(added)}`);
    const byDate = parseJobQuery({ sort: 'published' }, { strict: true });
    assert.ok(byDate.ok);
    if (byDate.ok) assert.equal(queryString(byDate.query), '');
  });
  for (const token of [
    '',
    'x'.repeat(80),
    '!!!',
    Buffer.from('1.2.3').toString('base64url'),
    Buffer.from('abc.0123456789abcdef01234567').toString('base64url'),
    Buffer.from('1.XYZ').toString('base64url'),
    Buffer.from('a.0123456789abcdef01234567').toString('base64url'),
    Buffer.from('aa1.0123456789abcdef01234567').toString('base64url'),
  ])
    it(`refuse ${JSON.stringify(token.slice(0, 20))}`, () => {
      assert.equal(decodeCursor(token), null);
    });
});

describe('a form sent without JavaScript', () => {
  it('is valid with every field empty but the currency', () => {
    const raw = Object.fromEntries(
      new URLSearchParams('q=&from=&location=&salaryMin=&currency=USD&posted=&source=&limit='),
    );
    const parsed = parseJobQuery(raw, { strict: false });
    assert.ok(parsed.ok, JSON.stringify(parsed));
    if (parsed.ok) assert.deepEqual(parsed.query, { currency: 'USD' });
    assert.ok(parseArticleQuery({ q: '', topic: '', source: '' }, { strict: false }).ok);
  });

  it('reads an empty cursor as none, and leading zeros as the number', () => {
    const parsed = parseArticleQuery(
      { after: '', before: '', limit: '0000000000007' },
      {
        strict: true,
      },
    );
    assert.ok(parsed.ok, JSON.stringify(parsed));
    if (parsed.ok) assert.deepEqual(parsed.query, { limit: 7 });
  });
});
