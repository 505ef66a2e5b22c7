import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseSalary, type StructuredSalary } from '../../../../src/ingest/enrich/salary.ts';
import { renderSalary, TEST_RATES } from './salary-render.ts';

describe('parseSalary: structured fields', () => {
  const cases: Array<[string, StructuredSalary, string | null]> = [
    [
      'a yearly range with no period named',
      { min: 120000, max: 150000, currency: 'USD' },
      'USD year 120000..150000 | annual 120000..150000 | usd 120000..150000 | structured: 120000–150000 USD',
    ],
    [
      'a min of 0 means none',
      { min: 0, max: 150000, currency: 'USD' },
      'USD year _..150000 | annual _..150000 | usd _..150000 | structured: 0–150000 USD',
    ],
    [
      'a max of 0 means none; the code is upper-cased',
      { min: 90000, max: 0, currency: 'usd' },
      'USD year 90000.._ | annual 90000.._ | usd 90000.._ | structured: 90000–0 usd',
    ],
    [
      'Greenhouse pay ranges in cents',
      { min: 12000000, max: 15000000, currency: 'USD', unit: 'cents' },
      'USD year 120000..150000 | annual 120000..150000 | usd 120000..150000 | structured: 12000000–15000000 USD cents',
    ],
    [
      'cents read as dollars would be $120M a year',
      { min: 12000000, max: 15000000, currency: 'USD' },
      null,
    ],
    [
      'a monthly period',
      { min: 6000, max: 8000, currency: 'EUR', period: 'month' },
      'EUR month 6000..8000 | annual 72000..96000 | usd 79200..105600 | structured: 6000–8000 EUR per month',
    ],
    [
      'schema.org unit text',
      { min: 50, max: 70, currency: 'EUR', period: 'HOUR' },
      'EUR hour 50..70 | annual 104000..145600 | usd 114400..160160 | structured: 50–70 EUR per HOUR',
    ],
    ['an hourly figure with no period is not guessed', { min: 50, max: 70, currency: 'EUR' }, null],
    [
      'a period not understood',
      { min: 100000, max: 120000, currency: 'USD', period: 'per project' },
      null,
    ],
    ['max below min', { min: 150000, max: 100000, currency: 'USD' }, null],
    [
      'a currency the table lacks keeps its figures',
      { min: 50000, max: 60000, currency: 'XYZ', period: 'year' },
      'XYZ year 50000..60000 | annual 50000..60000 | usd _.._ | structured: 50000–60000 XYZ per year',
    ],
    [
      'an unknown currency cannot show a yearly size',
      { min: 50000, max: 60000, currency: 'XYZ' },
      null,
    ],
  ];
  for (const [name, structured, expected] of cases) {
    it(name, () =>
      assert.equal(renderSalary(parseSalary({ text: null, structured }, TEST_RATES)), expected),
    );
  }

  const fallbacks: Array<[string, StructuredSalary, string, string]> = [
    [
      'no amounts: the text decides',
      { min: 0, max: 0, currency: 'USD' },
      '$100k',
      'USD year 100000..100000 | annual 100000..100000 | usd 100000..100000 | text: $100k',
    ],
    [
      'no currency: the text decides',
      { min: 100000, max: 120000, currency: null },
      '£80k',
      'GBP year 80000..80000 | annual 80000..80000 | usd 100000..100000 | text: £80k',
    ],
    [
      'usable fields win over the text',
      { min: 100000, max: 120000, currency: 'USD' },
      '£80k',
      'USD year 100000..120000 | annual 100000..120000 | usd 100000..120000 | structured: 100000–120000 USD',
    ],
  ];
  for (const [name, structured, text, expected] of fallbacks) {
    it(name, () =>
      assert.equal(renderSalary(parseSalary({ text, structured }, TEST_RATES)), expected),
    );
  }
});
