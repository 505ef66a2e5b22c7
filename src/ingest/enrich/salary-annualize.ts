// From pay as stated to figures a filter can compare: per year, and per year in US dollars by
// the dated rate table. Figures implausible for their period are refused here, so a misread
// number ("$5/year", "€450,000/day") never reaches a job seeker's salary filter.
import { type CurrencyRates, currencyRates } from '../../../config/currency-rates.ts';
import type { Salary } from '../../domain/job-intel.ts';
import type { SalaryPeriod } from './salary-period.ts';

/** How many of each period a working year holds: 40-hour weeks, 5-day weeks, 52 weeks. */
export const PERIODS_PER_YEAR: Readonly<Record<SalaryPeriod, number>> = Object.freeze({
  hour: 2080,
  day: 260,
  week: 52,
  month: 12,
  year: 1,
});

// Plausible pay per period in US dollars, from a part-time minimum to an executive's package.
const USD_BOUNDS: Readonly<Record<SalaryPeriod, readonly [number, number]>> = {
  hour: [5, 1_000],
  day: [40, 8_000],
  week: [200, 40_000],
  month: [800, 170_000],
  year: [5_000, 2_000_000],
};
// Below this a bare figure could as well be a month's pay as a year's, so it is not guessed.
const YEARLY_LOOKING_USD = 20_000;
// "$20k–$200k" is two figures that do not describe one job.
const MAX_RANGE_RATIO = 5;

/** An amount paid per period as a yearly amount in whole units; null stays null. */
export function annualize(amount: number | null, period: SalaryPeriod): number | null {
  return amount === null ? null : Math.round(amount * PERIODS_PER_YEAR[period]);
}

/** An amount in whole US dollars by the rate table; null for a currency the table lacks. */
export function toUsd(
  amount: number | null,
  currency: string,
  rates: CurrencyRates = currencyRates,
): number | null {
  const rate = rates.usdPer[currency];
  return amount === null || rate === undefined ? null : Math.round(amount * rate);
}

/** The period of a figure stated without one: a year when it looks yearly, else unknown (null). */
export function inferPeriod(
  amount: number,
  currency: string,
  rates: CurrencyRates = currencyRates,
): SalaryPeriod | null {
  const usd = toUsd(amount, currency, rates);
  return usd !== null && usd >= YEARLY_LOOKING_USD ? 'year' : null;
}

/** The stated parts of a salary, before annualizing. */
export type SalaryParts = Pick<Salary, 'min' | 'max' | 'currency' | 'period' | 'source' | 'raw'>;

/** A complete Salary from its stated parts, or null when the figures are implausible for their period. */
export function buildSalary(
  parts: SalaryParts,
  rates: CurrencyRates = currencyRates,
): Salary | null {
  const { min, max, currency, period } = parts;
  if (min === null && max === null) return null;
  if (min !== null && max !== null && (max < min || max > min * MAX_RANGE_RATIO)) return null;
  const amounts = [min, max].filter((amount): amount is number => amount !== null);
  if (!amounts.every((amount) => plausible(amount, currency, period, rates))) return null;
  const annualMin = annualize(min, period);
  const annualMax = annualize(max, period);
  return {
    min,
    max,
    currency,
    period,
    annualMin,
    annualMax,
    annualUsdMin: toUsd(annualMin, currency, rates),
    annualUsdMax: toUsd(annualMax, currency, rates),
    source: parts.source,
    raw: parts.raw,
  };
}

function plausible(
  amount: number,
  currency: string,
  period: SalaryPeriod,
  rates: CurrencyRates,
): boolean {
  if (!Number.isFinite(amount) || amount <= 0) return false;
  const rate = rates.usdPer[currency];
  // A currency the table lacks cannot be judged by size; only structured fields carry one.
  if (rate === undefined) return true;
  const [low, high] = USD_BOUNDS[period];
  return amount * rate >= low && amount * rate <= high;
}
