// Currency markers as listings write them: symbols ("$", "€", "A$", "US$", "円", "元"), ISO codes
// ("CHF 110'000", "80k EUR"). A marker that could mean several currencies is not read as any:
// "kr" (SEK, NOK, DKK), "Rs" (INR, PKR, LKR), "R" (ZAR or a letter). Two exceptions: "$",
// which job boards use for US dollars (see the limitation in salary.ts), and "¥", which is
// read only where the job is in Japan (yen) or China (yuan): `LOCAL_MARKS`.
import { currencyRates } from '../../../config/currency-rates.ts';

const SYMBOLS: Readonly<Record<string, string>> = {
  $: 'USD',
  US$: 'USD',
  A$: 'AUD',
  AU$: 'AUD',
  C$: 'CAD',
  CA$: 'CAD',
  NZ$: 'NZD',
  S$: 'SGD',
  SG$: 'SGD',
  HK$: 'HKD',
  R$: 'BRL',
  MX$: 'MXN',
  'JP¥': 'JPY',
  'CN¥': 'CNY',
  RMB: 'CNY',
  '€': 'EUR',
  '£': 'GBP',
  '₹': 'INR',
  '₩': 'KRW',
  '₪': 'ILS',
  '₱': 'PHP',
  '₺': 'TRY',
  '₴': 'UAH',
  '₦': 'NGN',
  zł: 'PLN',
  Kč: 'CZK',
  円: 'JPY',
  元: 'CNY',
};

/** Markers whose currency is the one of the country the job is in; elsewhere they name none. */
const YEN_OR_YUAN = { JP: 'JPY', CN: 'CNY' };
export const LOCAL_MARKS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  '¥': YEN_OR_YUAN,
  '￥': YEN_OR_YUAN,
};

/** The currency a local marker ("¥") means in a country, or null. */
export function localCurrency(marker: string, country: string | null): string | null {
  return LOCAL_MARKS[marker]?.[country ?? ''] ?? null;
}

// Codes that are also everyday words in tech text ("PHP 8", "TRY it") count only as symbols.
const NOT_IN_TEXT = new Set(['PHP', 'TRY']);

const escapeRegex = (s: string) => s.replace(/[$.]/g, '\\$&');
const byLength = (a: string, b: string) => b.length - a.length;
const TEXT_CODES = Object.keys(currencyRates.usdPer).filter((code) => !NOT_IN_TEXT.has(code));
const SYMBOL_KEYS = [...Object.keys(SYMBOLS), ...Object.keys(LOCAL_MARKS)]
  .sort(byLength)
  .map(escapeRegex);

/** Regex source of a currency written before an amount ("US$", "€", "CAD"). */
export const CURRENCY_BEFORE = `(?<![\\p{L}\\p{N}])(?:${[...SYMBOL_KEYS, ...TEXT_CODES].join('|')})(?![\\p{L}])`;

/** Regex source of a currency written after an amount ("60.000 €", "80k EUR", "5000 zł"). */
export const CURRENCY_AFTER = `(?:[$€£₹円元]|zł|Kč|(?:${TEXT_CODES.join('|')})(?![\\p{L}]))`;

/** The ISO code a written marker names, or null when it names none we can be sure of. */
export function currencyOf(marker: string): string | null {
  const trimmed = marker.trim();
  const symbol = SYMBOLS[trimmed] ?? SYMBOLS[trimmed.toUpperCase()];
  if (symbol) return symbol;
  const code = trimmed.toUpperCase();
  return /^[A-Z]{3}$/.test(code) && code in currencyRates.usdPer ? code : null;
}

/** A structured currency field as an ISO code: "usd" → "USD", "€" → "EUR"; null when unreadable. */
export function normalizeCurrency(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  if (/^[A-Za-z]{3}$/.test(trimmed)) return trimmed.toUpperCase();
  return SYMBOLS[trimmed] ?? null;
}
