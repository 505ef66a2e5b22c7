// Amounts as listings write them: "120,000", "60.000" (European grouping), "110'000" (Swiss),
// "15 000" (French, Polish), "18,00,000" (Indian), "62.50", then a multiplier: "k", "LPA",
// "lakh", "crore", "万" (ten thousand: "600万円") — or "M"/"million"/"bn", which mark funding
// and budgets, not a salary, but in yen ("¥6M - ¥9M"): see salary-text.ts.

/**
 * Regex source of one written amount. The lookahead refuses to stop inside a longer number,
 * so a malformed "60,0000" is no amount at all rather than a wrong "60,000".
 */
export const AMOUNT_SOURCE = `(?:${[
  String.raw`\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?`,
  String.raw`\d{1,2}(?:,\d{2})+,\d{3}`,
  String.raw`\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?`,
  String.raw`\d{1,3}(?:['’ \u00a0\u202f]\d{3})+`,
  String.raw`\d+(?:\.\d+)?`,
].join('|')})(?![.,'’]?\\d)`;

/** Regex source of a multiplier written right after an amount ("120k", "18 LPA", "$2M"). */
// "万" is followed by a letter of its own script ("万円"), so it has no word end to look for.
export const MULTIPLIER_SOURCE = String.raw`\s?(?:(?:k|lpa|lakhs?|lacs?|l|crores?|cr|mm|mn|m|millions?|bn|b|billions?)(?![\p{L}])|万)`;

/** What a multiplier means: its factor, whether it is Indian (lakh, crore), per year (LPA), or a big-money mark. */
export type Multiplier = {
  factor: number;
  indian: 'word' | 'letter' | null;
  year: boolean;
  big: boolean;
};

const NONE: Multiplier = { factor: 1, indian: null, year: false, big: false };

/** The meaning of a matched multiplier; no multiplier means a factor of 1. */
export function multiplierOf(written: string | undefined): Multiplier {
  const word = (written ?? '').trim().toLowerCase();
  if (!word) return NONE;
  if (word === 'k') return { ...NONE, factor: 1_000 };
  if (word === 'lpa') return { factor: 100_000, indian: 'word', year: true, big: false };
  if (/^(?:lakhs?|lacs?)$/.test(word)) return { ...NONE, factor: 100_000, indian: 'word' };
  // A bare "L" ("₹18L") means lakh only where the rupee is written out.
  if (word === 'l') return { ...NONE, factor: 100_000, indian: 'letter' };
  if (/^(?:crores?|cr)$/.test(word)) return { ...NONE, factor: 10_000_000, indian: 'word' };
  if (word === '万') return { ...NONE, factor: 10_000 };
  if (/^(?:mm|mn|m|millions?)$/.test(word)) return { ...NONE, factor: 1_000_000, big: true };
  return { ...NONE, factor: 1_000_000_000, big: true };
}

/** The value of a written amount, or null when it is not a positive number. */
export function parseAmount(written: string): number | null {
  let digits = written.replace(/['’ \u00a0\u202f]/g, '');
  // "60.000" and "60.000,50" group with dots; a dot elsewhere is a decimal point ("62.50").
  if (/^\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?$/.test(digits)) {
    digits = digits.replace(/\./g, '').replace(',', '.');
  } else {
    digits = digits.replace(/,/g, '');
  }
  const value = Number(digits);
  return Number.isFinite(value) && value > 0 ? value : null;
}

/** Multiplies without binary noise: 1.2 × 10,000,000 is 12,000,000, not 12,000,000.000000002. */
export function scaled(value: number, factor: number): number {
  return Math.round(value * factor * 100) / 100;
}
