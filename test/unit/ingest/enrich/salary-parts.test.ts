import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { currencyRates } from '../../../../config/currency-rates.ts';
import {
  annualize,
  buildSalary,
  inferPeriod,
  toUsd,
} from '../../../../src/ingest/enrich/salary-annualize.ts';
import { amountContext } from '../../../../src/ingest/enrich/salary-context.ts';
import { currencyOf, normalizeCurrency } from '../../../../src/ingest/enrich/salary-currency.ts';
import { parseAmount } from '../../../../src/ingest/enrich/salary-number.ts';
import {
  parsePeriodName,
  periodOfUnit,
  type SalaryPeriod,
} from '../../../../src/ingest/enrich/salary-period.ts';
import { TEST_RATES } from './salary-render.ts';

describe('annualize', () => {
  const cases: Array<[number | null, SalaryPeriod, number | null]> = [
    [60, 'hour', 124_800],
    [62.5, 'hour', 130_000],
    [450, 'day', 117_000],
    [2_000, 'week', 104_000],
    [5_000, 'month', 60_000],
    [90_000, 'year', 90_000],
    [null, 'year', null],
  ];
  for (const [amount, period, expected] of cases) {
    it(`${amount} per ${period}`, () => assert.equal(annualize(amount, period), expected));
  }
});

describe('toUsd and inferPeriod', () => {
  it('converts by the given table, rounding to whole dollars', () => {
    assert.equal(toUsd(100_000, 'EUR', TEST_RATES), 110_000);
    assert.equal(toUsd(43_124, 'GBP', TEST_RATES), 53_905);
    assert.equal(toUsd(100_000, 'XYZ', TEST_RATES), null);
    assert.equal(toUsd(null, 'USD', TEST_RATES), null);
  });
  const cases: Array<[number, string, SalaryPeriod | null]> = [
    [20_000, 'USD', 'year'],
    [19_999, 'USD', null],
    [16_000, 'GBP', 'year'],
    [15_000, 'GBP', null],
    [50_000, 'XYZ', null],
  ];
  for (const [amount, currency, expected] of cases) {
    it(`a bare ${amount} ${currency} is ${expected ?? 'of unknown period'}`, () =>
      assert.equal(inferPeriod(amount, currency, TEST_RATES), expected));
  }
});

describe('buildSalary bounds', () => {
  const cases: Array<[number | null, number | null, SalaryPeriod, boolean]> = [
    [5, 5, 'hour', true],
    [4, 4, 'hour', false],
    [1_000, 1_000, 'hour', true],
    [1_001, 1_001, 'hour', false],
    [800, 800, 'month', true],
    [5_000, 5_000, 'year', true],
    [4_999, 4_999, 'year', false],
    [2_000_000, null, 'year', true],
    [null, 2_000_001, 'year', false],
    [40_000, 200_000, 'year', true],
    [40_000, 200_001, 'year', false],
    [100_000, 90_000, 'year', false],
    [null, null, 'year', false],
  ];
  for (const [min, max, period, kept] of cases) {
    it(`${min}..${max} per ${period} is ${kept ? 'kept' : 'refused'}`, () => {
      const salary = buildSalary(
        { min, max, currency: 'USD', period, source: 'text', raw: 'x' },
        TEST_RATES,
      );
      assert.equal(salary !== null, kept);
    });
  }
});

describe('parseAmount', () => {
  const cases: Array<[string, number | null]> = [
    ['120,000', 120_000],
    ['120,000.50', 120_000.5],
    ['60.000', 60_000],
    ['60.000,50', 60_000.5],
    ["110'000", 110_000],
    ['15 000', 15_000],
    ['18,00,000', 1_800_000],
    ['62.50', 62.5],
    ['0', null],
  ];
  for (const [written, expected] of cases) {
    it(written, () => assert.equal(parseAmount(written), expected));
  }
});

describe('currencies', () => {
  const markers: Array<[string, string | null]> = [
    ['$', 'USD'],
    ['us$', 'USD'],
    ['A$', 'AUD'],
    ['€', 'EUR'],
    ['chf', 'CHF'],
    ['RMB', 'CNY'],
    ['¥', null],
    ['kr', null],
    ['XYZ', null],
  ];
  for (const [marker, expected] of markers) {
    it(`marker ${marker}`, () => assert.equal(currencyOf(marker), expected));
  }
  const fields: Array<[string | null, string | null]> = [
    ['usd', 'USD'],
    ['€', 'EUR'],
    ['XYZ', 'XYZ'],
    ['dollars', null],
    [null, null],
  ];
  for (const [field, expected] of fields) {
    it(`field ${field}`, () => assert.equal(normalizeCurrency(field), expected));
  }
  it('the rate table is dated, in USD, and covers the common salary currencies', () => {
    assert.match(currencyRates.asOf, /^\d{4}-\d{2}-\d{2}$/);
    assert.equal(currencyRates.usdPer.USD, 1);
    for (const rate of Object.values(currencyRates.usdPer)) assert.ok(rate > 0 && rate < 10);
    for (const code of ['EUR', 'GBP', 'CAD', 'AUD', 'CHF', 'INR', 'JPY', 'SEK', 'NOK', 'DKK']) {
      assert.ok(code in currencyRates.usdPer, code);
    }
    for (const code of ['PLN', 'BRL', 'MXN', 'SGD', 'NZD', 'ZAR', 'CZK', 'HUF', 'ILS']) {
      assert.ok(code in currencyRates.usdPer, code);
    }
  });
});

describe('periods', () => {
  const units: Array<[string, SalaryPeriod | null]> = [
    ['hr', 'hour'],
    ['/hr', 'hour'],
    [' an hour', 'hour'],
    [' brutto/Jahr', 'year'],
    [' netto im Monat', 'month'],
    [' per annum', 'year'],
    ['day rate', 'day'],
    ['wk', 'week'],
    ['mo', 'month'],
    ['Jahr', 'year'],
    ['p.a.', 'year'],
    ['pa', 'year'],
    ['PA', null],
    // Polish, Portuguese, Spanish, French.
    [' netto/miesiąc', 'month'],
    [' rocznie', 'year'],
    [' por mês', 'month'],
    [' al año', 'year'],
    [' par mois', 'month'],
    [' par an', 'year'],
  ];
  for (const [unit, expected] of units) {
    it(`unit ${unit}`, () => assert.equal(periodOfUnit(unit), expected));
  }
  const names: Array<[string, SalaryPeriod | null]> = [
    ['YEAR', 'year'],
    ['per month', 'month'],
    ['hourly', 'hour'],
    ['per project', null],
  ];
  for (const [name, expected] of names) {
    it(`name ${name}`, () => assert.equal(parsePeriodName(name), expected));
  }
});

describe('amountContext', () => {
  const cases: Array<[string[], string[], string]> = [
    [['is', 'post', 'this', 'for', 'salary', 'the'], [], 'salary'],
    [[], ['salary', 'medical', 'insurance', 'stipend'], 'salary'],
    [[], ['signing', 'bonus'], 'other'],
    [['is', 'salary', 'average', 'the'], [], 'other'],
    [['pay'], ['bonus'], 'other'],
    [['offices'], ['of', 'hardware'], 'none'],
  ];
  for (const [before, after, expected] of cases) {
    it(`${[...before].reverse().join(' ')} … ${after.join(' ')}`, () =>
      assert.equal(amountContext(before, after), expected));
  }
});
