import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Types } from 'mongoose';
import { boardJobBase, cursorFilter, jobSearchFilter } from '../../../src/store/board-filters.ts';

const now = new Date('2026-11-24T12:00:00Z');
const rates = { asOf: 'test', usdPer: { USD: 1, EUR: 1.2 } };
const parts = (filter: Record<string, unknown>) =>
  (filter.$and as object[] | undefined) ?? [filter];

describe('jobSearchFilter', () => {
  it('is the board base alone without filters', () => {
    assert.deepEqual(jobSearchFilter({}, { now }), boardJobBase);
  });

  it('turns each filter into one condition', () => {
    const filter = jobSearchFilter(
      {
        q: 'Go and Postgres',
        from: 'DE',
        tags: ['go', 'kafka'],
        workplace: ['remote'],
        posted: '24h',
        source: '0123456789abcdef01234567',
      },
      { now, rates },
    );
    assert.deepEqual(parts(filter).slice(1), [
      { terms: { $all: ['go'] } },
      // Another name of a technology also finds what was tagged with it.
      { terms: { $in: ['postgres', 'postgresql'] } },
      { 'intel.workplace': { $in: ['remote'] } },
      // Open to applicants there, or in that country and saying nothing of where applicants are.
      {
        $or: [
          { 'intel.eligibility.applyFrom': { $in: ['*', 'DE'] } },
          { 'intel.eligibility.known': false, 'intel.location.country': 'DE' },
        ],
      },
      { 'intel.stackTags': { $all: ['go', 'kafka'] } },
      { publishedAt: { $gte: new Date('2026-11-23T12:00:00Z') } },
      // What the source owns, what it lists as a copy of a listing first seen elsewhere, and
      // what it lists at the very address another source stored first.
      {
        $or: [
          { sourceId: new Types.ObjectId('0123456789abcdef01234567') },
          { 'alsoListedOn.sourceId': new Types.ObjectId('0123456789abcdef01234567') },
          { 'sharedWith.sourceId': new Types.ObjectId('0123456789abcdef01234567') },
        ],
      },
    ]);
  });

  it('converts a salary minimum to USD and lets the top of a range reach it', () => {
    const [, salary] = parts(
      jobSearchFilter({ salaryMin: 100000, currency: 'EUR' }, { now, rates }),
    );
    assert.deepEqual(salary, {
      $or: [
        { 'intel.salary.annualUsdMax': { $gte: 120000 } },
        { 'intel.salary.annualUsdMax': null, 'intel.salary.annualUsdMin': { $gte: 120000 } },
      ],
    });
  });

  it('excludes blocked companies (whole name, any case) and keywords (all their words)', () => {
    const [, blocked] = parts(
      jobSearchFilter(
        {},
        { now, blocklist: { companies: ['Acme (EU)'], keywords: ['crypto exchange'] } },
      ),
    );
    const nor = (blocked as { $nor: Array<Record<string, unknown>> }).$nor;
    const company = nor[0]?.['job.company'] as RegExp;
    assert.ok(company.test(' acme (eu) ') && !company.test('Acme (EU) Labs'));
    assert.deepEqual(nor[1], {
      $and: [
        { terms: { $in: ['crypto', 'cryptos'] } },
        { terms: { $in: ['exchange', 'exchanges'] } },
      ],
    });
  });

  it('blocks a keyword that names a technology by its tag too', () => {
    const [, blocked] = parts(
      jobSearchFilter({}, { now, blocklist: { companies: [], keywords: ['Node.js'] } }),
    );
    assert.deepEqual(blocked, { $nor: [{ terms: { $in: ['node.js', 'node'] } }] });
  });

  it('leaves out a CJK word only where all its character pairs are, and ORs words whole', () => {
    assert.deepEqual(jobSearchFilter({ q: 'エンジニア -シニア' }, { now }), {
      $and: [
        boardJobBase,
        { terms: { $all: ['エン', 'ンジ', 'ジニ', 'ニア'] } },
        { $nor: [{ terms: { $all: ['シニ', 'ニア'] } }] },
      ],
    });
    assert.deepEqual(jobSearchFilter({ q: 'go OR 開発者' }, { now }), {
      $and: [
        boardJobBase,
        { $or: [{ terms: { $all: ['go'] } }, { terms: { $all: ['開発', '発者'] } }] },
      ],
    });
  });

  it('finds one CJK character as the start of a term, and leaves it out the same way', () => {
    assert.deepEqual(jobSearchFilter({ q: '社 go -京' }, { now }), {
      $and: [
        boardJobBase,
        { terms: { $all: ['go'] } },
        { terms: { $regex: '^社' } },
        { $nor: [{ terms: { $regex: '^京' } }] },
      ],
    });
    assert.deepEqual(jobSearchFilter({ q: '社 OR 会社員' }, { now }), {
      $and: [
        boardJobBase,
        {
          $or: [{ terms: { $regex: '^社' } }, { terms: { $all: ['会社', '社員'] } }],
        },
      ],
    });
  });

  it('matches a location as words, and a country name by code too', () => {
    const [, location] = parts(jobSearchFilter({ location: 'Germany' }, { now }));
    const or = (location as { $or: Array<Record<string, unknown>> }).$or;
    const words = or[0]?.['intel.location.raw'] as RegExp;
    assert.ok(words.test('Berlin, Germany'));
    assert.ok(!words.test('Xgermany'));
    assert.deepEqual(or[3], { 'intel.location.country': 'DE' });
  });

  it('matches a location with or without its accents, and the city it resolved to', () => {
    const [, location] = parts(jobSearchFilter({ location: 'zurich' }, { now }));
    const or = (location as { $or: Array<Record<string, RegExp>> }).$or;
    const raw = or[0]?.['intel.location.raw'] as RegExp;
    for (const place of ['Zürich, Switzerland', 'ZÜRICH', 'Zurich']) assert.ok(raw.test(place));
    assert.ok(or.some((f) => f['intel.location.city']?.test('Zurich')));
    const typed = (
      parts(jobSearchFilter({ location: 'München' }, { now }))[1] as {
        $or: Array<Record<string, RegExp>>;
      }
    ).$or[0]?.['intel.location.raw'] as RegExp;
    assert.ok(typed.test('Munchen') && typed.test('München'));
  });
});

describe('cursorFilter', () => {
  it('selects strictly older or newer positions, ties broken by id', () => {
    const at = new Date(5);
    const id = '0123456789abcdef01234567';
    assert.deepEqual(cursorFilter({ order: 'published', at, id }, 'older'), {
      $or: [
        { publishedAt: { $lt: at } },
        { publishedAt: at, _id: { $lt: new Types.ObjectId(id) } },
      ],
    });
  });
  it('pages the added order by when the board stored each entry', () => {
    const at = new Date(5);
    const id = '0123456789abcdef01234567';
    assert.deepEqual(cursorFilter({ order: 'added', at, id }, 'newer'), {
      $or: [
        { firstSeenAt: { $gt: at } },
        { firstSeenAt: at, _id: { $gt: new Types.ObjectId(id) } },
      ],
    });
  });
});
