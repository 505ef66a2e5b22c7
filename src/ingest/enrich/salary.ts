// A job's salary from its structured fields, else from its text, right or null: a wrong salary
// in a job seeker's filter is worse than none. Text must name a currency (a symbol, an ISO code,
// or rupee units like LPA); a bare "$" is read as US dollars, as job boards use it, unless the
// job is in a country with a dollar of its own (Canada, Australia, New Zealand, Singapore, Hong
// Kong): a Toronto listing's "$120,000" is Canadian. Where the job is comes from its location,
// else from the one country it accepts applicants from.
import { type CurrencyRates, currencyRates } from '../../../config/currency-rates.ts';
import type { Salary } from '../../domain/job-intel.ts';
import { buildSalary, inferPeriod } from './salary-annualize.ts';
import { localCurrency, normalizeCurrency } from './salary-currency.ts';
import { parsePeriodName } from './salary-period.ts';
import { findSalaryCandidates, type TextCandidate } from './salary-text.ts';

/** Salary fields a feed or an ATS states; 0 means "not stated", cents when `unit` says so. */
export type StructuredSalary = {
  min: number | null;
  max: number | null;
  currency: string | null;
  period?: string | null;
  unit?: 'cents' | null;
};

/**
 * What parseSalary reads: the salary or description text, structured fields if any, and the
 * ISO country the job is in, when known (for a bare "$").
 */
export type SalaryInput = {
  text: string | null;
  structured?: StructuredSalary;
  country?: string | null;
};

/** Countries whose own dollar a bare "$" means in their listings. */
const LOCAL_DOLLARS: Readonly<Record<string, string>> = {
  CA: 'CAD',
  AU: 'AUD',
  NZ: 'NZD',
  SG: 'SGD',
  HK: 'HKD',
};

/** The job's salary: structured fields when usable, else the best candidate in the text, else null. */
export function parseSalary(
  input: SalaryInput,
  rates: CurrencyRates = currencyRates,
): Salary | null {
  return (
    (input.structured ? fromStructured(input.structured, rates) : null) ??
    fromText(input.text ?? '', rates, input.country ?? null)
  );
}

function fromStructured(fields: StructuredSalary, rates: CurrencyRates): Salary | null {
  const scale = fields.unit === 'cents' ? 100 : 1;
  const min = stated(fields.min, scale);
  const max = stated(fields.max, scale);
  const currency = normalizeCurrency(fields.currency);
  const first = min ?? max;
  if (first === null || currency === null) return null;
  // A period named but not understood ("per project") is not guessed at.
  const period = fields.period
    ? parsePeriodName(fields.period)
    : inferPeriod(first, currency, rates);
  if (!period) return null;
  return buildSalary(
    { min, max, currency, period, source: 'structured', raw: describe(fields) },
    rates,
  );
}

function stated(value: number | null, scale: number): number | null {
  return value !== null && Number.isFinite(value) && value > 0 ? value / scale : null;
}

function describe(fields: StructuredSalary): string {
  const parts = [`${fields.min ?? ''}–${fields.max ?? ''}`, fields.currency ?? ''];
  if (fields.unit === 'cents') parts.push('cents');
  if (fields.period) parts.push(`per ${fields.period}`);
  return parts.filter(Boolean).join(' ');
}

/** The best salary in free text: pay-worded candidates beat bare ones, then stated periods and ranges, then the earliest. */
function fromText(text: string, rates: CurrencyRates, country: string | null): Salary | null {
  let best: { salary: Salary; score: number } | null = null;
  for (const found of findSalaryCandidates(text)) {
    const candidate = inCountry(found, country);
    const salary = candidate && settle(candidate, rates);
    if (!salary) continue;
    const score =
      (candidate.context === 'salary' ? 2 : 0) +
      (candidate.period ? 1 : 0) +
      (candidate.range ? 1 : 0);
    if (!best || score > best.score) best = { salary, score };
  }
  return best?.salary ?? null;
}

/**
 * A bare "$" or "¥" as the currency of where the job is: a local dollar, or yen in Japan and
 * yuan in China. Null for a "¥" anywhere else, and for a yuan read with "M" (a yen salary's).
 */
function inCountry(found: TextCandidate, country: string | null): TextCandidate | null {
  if (found.bare === '¥') {
    const code = localCurrency('¥', country);
    return code && (code === 'JPY' || !found.millions) ? { ...found, currency: code } : null;
  }
  const dollar = found.bare === '$' ? LOCAL_DOLLARS[country ?? ''] : undefined;
  return dollar ? { ...found, currency: dollar } : found;
}

function settle(candidate: TextCandidate, rates: CurrencyRates): Salary | null {
  if (candidate.context === 'other') return null;
  // A lone figure inside a paragraph ("a $150,000 grant programme") needs something saying it is pay.
  const supported =
    candidate.context === 'salary' || candidate.period || candidate.range || candidate.alone;
  const first = candidate.min ?? candidate.max;
  if (!supported || first === null) return null;
  const period = candidate.period ?? inferPeriod(first, candidate.currency, rates);
  if (!period) return null;
  const { min, max, currency, raw } = candidate;
  return buildSalary({ min, max, currency, period, source: 'text', raw }, rates);
}
