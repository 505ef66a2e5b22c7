import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Salary } from '../../../src/domain/job-intel.ts';
import {
  annualSalary,
  applyFromText,
  formatMoney,
  postedAgo,
  slugify,
  statedSalary,
  tagsByProminence,
  timeAgo,
} from '../../../src/web/format.ts';

const salary = (fields: Partial<Salary>): Salary => ({
  min: null,
  max: null,
  currency: 'USD',
  period: 'year',
  annualMin: null,
  annualMax: null,
  annualUsdMin: null,
  annualUsdMax: null,
  source: 'text',
  raw: '',
  ...fields,
});

describe('board formatting', () => {
  const now = new Date('2026-11-24T12:00:00Z');
  const ago: Array<[number, string]> = [
    [10, 'just now'],
    [3 * 60, '3 minutes ago'],
    [3600, '1 hour ago'],
    [30 * 3600, 'yesterday'],
    [5 * 86400, '5 days ago'],
    [20 * 86400, '2 weeks ago'],
    [400 * 86400, 'last year'],
  ];
  for (const [seconds, text] of ago)
    it(`says "${text}" for ${seconds}s`, () => {
      assert.equal(timeAgo(new Date(now.getTime() - seconds * 1000), now), text);
    });

  it('reads a posting date ahead of now (a wrong zone) as just now, not "in 20 hours"', () => {
    assert.equal(postedAgo(new Date(now.getTime() + 20 * 3600_000), now), 'just now');
    assert.equal(postedAgo(new Date(now.getTime() - 3 * 3600_000), now), '3 hours ago');
  });

  it('writes money compactly without trailing zeros', () => {
    assert.equal(formatMoney(150000, 'USD'), '$150K');
    assert.equal(formatMoney(85500, 'EUR'), '€85.5K');
    assert.equal(formatMoney(45, 'GBP'), '£45');
    assert.match(formatMoney(100, 'XYZ'), /^XYZ\s100$/);
  });

  it('states a salary as listed and adds the annual figure for other periods', () => {
    const hourly = salary({
      min: 50,
      max: 60,
      period: 'hour',
      annualMin: 104000,
      annualMax: 124800,
    });
    assert.equal(statedSalary(hourly), '$50–$60 an hour');
    assert.equal(annualSalary(hourly), '≈ $104K–$124.8K a year');
    assert.equal(statedSalary(salary({ max: 90000 })), 'up to $90K a year');
    assert.equal(annualSalary(salary({ min: 90000, annualMin: 90000 })), null);
  });

  it('says who may apply in a few words', () => {
    assert.equal(
      applyFromText({ known: false, worldwide: false, countries: [], regions: [] }),
      null,
    );
    assert.equal(
      applyFromText({ known: true, worldwide: true, countries: [], regions: [] }),
      'Anywhere',
    );
    assert.equal(
      applyFromText({ known: true, worldwide: false, countries: ['US', 'CA'], regions: [] }),
      'United States, Canada',
    );
  });

  it('makes ASCII slugs', () => {
    assert.equal(
      slugify('Senior Backend Engineer (Go) — Zürich'),
      'senior-backend-engineer-go-zurich',
    );
    assert.equal(slugify('¡¿!'), 'job');
    assert.ok(slugify('a'.repeat(100)).length <= 60);
  });
});

describe('tagsByProminence: the stack tags a card shows first', () => {
  // Kaleo's listing (jobs-remotely fixture): stored alphabetically, a card of six showed
  // CoffeeScript to PostgreSQL and neither Ruby nor Rails.
  const kaleo = [
    'coffeescript',
    'elasticsearch',
    'html',
    'javascript',
    'jquery',
    'postgresql',
    'rails',
    'ruby',
  ];

  it('puts backend before front-end, languages before frameworks before datastores', () => {
    const shown = tagsByProminence(kaleo, 'Senior Software Engineer').slice(0, 6);
    assert.deepEqual(shown.slice(0, 4), ['ruby', 'rails', 'elasticsearch', 'postgresql']);
  });

  it('puts what the title names first, as a whole word', () => {
    assert.deepEqual(
      tagsByProminence(['django', 'go', 'python'], 'Backend Engineer (Go)')[0],
      'go',
    );
    assert.deepEqual(tagsByProminence(['django', 'go', 'python'], 'Django developer'), [
      'django',
      'go',
      'python',
    ]);
  });
});
