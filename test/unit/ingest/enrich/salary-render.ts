import type { CurrencyRates } from '../../../../config/currency-rates.ts';
import type { Salary } from '../../../../src/domain/job-intel.ts';

/** Fixed rates, so expected USD figures stay put when config/currency-rates.ts is updated. */
export const TEST_RATES: CurrencyRates = {
  asOf: '2026-11-01',
  usdPer: { USD: 1, EUR: 1.1, GBP: 1.25, CHF: 1.2, CAD: 0.7, AUD: 0.65, NZD: 0.6, INR: 0.012 },
};

const pair = (a: number | null, b: number | null) => `${a ?? '_'}..${b ?? '_'}`;

/** A salary on one line: "USD year 60..80 | annual 124800..166400 | usd 124800..166400 | raw". */
export function renderSalary(salary: Salary | null): string | null {
  if (!salary) return null;
  return [
    `${salary.currency} ${salary.period} ${pair(salary.min, salary.max)}`,
    `annual ${pair(salary.annualMin, salary.annualMax)}`,
    `usd ${pair(salary.annualUsdMin, salary.annualUsdMax)}`,
    `${salary.source}: ${salary.raw}`,
  ].join(' | ');
}
