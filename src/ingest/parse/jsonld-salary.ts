// baseSalary as the normalizer's salary_* extra keys, plus a sentence ("USD 120000-150000 per
// year") the text salary parser reads, so both of its paths see the same figures.
import { asList, isObject, type Json, text } from './jsonld-values.ts';

/** The salary and salary_min/max/currency/period keys from a posting's baseSalary. */
export function salaryExtra(posting: Json): Record<string, string> {
  const first = asList(posting.baseSalary)[0];
  // "$120k–$150k a year" as baseSalary is a salary text, not an amount.
  if (typeof first === 'string' && !/^\s*\d+(?:\.\d+)?\s*$/.test(first)) {
    const written = text(first);
    return written ? { salary: written } : {};
  }
  // A bare number as baseSalary is its value; its currency is then the posting's salaryCurrency.
  const amount: Json = isObject(first) ? first : { value: first };
  const nested = asList(amount.value)[0];
  // MonetaryAmount.value is a number or a QuantitativeValue; min/max may sit on either.
  const quantity: Json = isObject(nested) ? nested : amount;
  const exact = text(quantity.value);
  const min = text(quantity.minValue) ?? text(amount.minValue) ?? exact;
  const max = text(quantity.maxValue) ?? text(amount.maxValue) ?? exact;
  if (min === null && max === null) return {};
  const currency = text(amount.currency) ?? text(posting.salaryCurrency);
  const period = (text(quantity.unitText) ?? text(amount.unitText))?.toLowerCase() ?? null;
  const extra: Record<string, string> = {};
  if (min !== null) extra.salary_min = min;
  if (max !== null) extra.salary_max = max;
  if (currency !== null) extra.salary_currency = currency;
  if (period !== null) extra.salary_period = period;
  extra.salary = salaryText(min, max, currency, period);
  return extra;
}

function salaryText(
  min: string | null,
  max: string | null,
  currency: string | null,
  period: string | null,
): string {
  const money = (amount: string) => (currency ? `${currency} ${amount}` : amount);
  let figures: string;
  if (min !== null && max !== null) figures = money(min === max ? min : `${min}-${max}`);
  else if (min !== null) figures = `from ${money(min)}`;
  else figures = `up to ${money(max as string)}`;
  return period ? `${figures} per ${period}` : figures;
}
