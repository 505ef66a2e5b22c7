// The period an amount is paid per, as listings write it after the amount ("/hr", "per annum",
// "brutto/Jahr", "pa", "day rate") or before it ("hourly rate", "monthly salary"), and as
// structured feeds name it ("YEAR", "hourly", "per month").
import type { Salary } from '../../domain/job-intel.ts';

/** How often an amount is paid. */
export type SalaryPeriod = Salary['period'];

const FILLER = String.raw`(?:\s+(?:brutto|gross|netto|net|base|salary|pre-tax))?`;
// Besides English and German: Polish ("netto/miesiąc", "rocznie"), Portuguese and Spanish ("por
// mês", "al año"), French ("par mois").
const LOCAL_UNITS = 'miesiąc|mies|rok|godz|mês|mes|ano|año|hora|día|dia|mois|an|heure|jour';
const SLASH = String.raw`\s?/\s?(?:hours?|hrs?|h|days?|d|weeks?|wks?|w|months?|mos?|mths?|m|years?|yrs?|y|annum|jahr|monat|tag|std|${LOCAL_UNITS})`;
const WORD = String.raw`\s+(?:per|a|an|each|pro|im|je|por|al|par|na|za)\s+(?:hour|day|week|month|year|annum|jahr|monat|tag|stunde|${LOCAL_UNITS}|miesiąc|rok)`;
const BARE = String.raw`\s+(?:hourly|daily|weekly|monthly|annually|yearly|annual|p\.\s?a\.?|pa|jährlich|day\s+rate|miesięcznie|rocznie|mensal|mensual|mensuel|anual|annuel)`;
// What may stand between an amount and its period word: "brutto/Jahr", "per", "a", "/".
const LEAD =
  /^(?:(?:brutto|gross|netto|net|base|salary|pre-tax)\s*)?(?:\/|(?:per|a|an|each|pro|im|je|por|al|par|na|za)\s)?\s*/;

/** Regex source of a period written after an amount, captured as group `name` for periodOfUnit. */
export function periodAfterSource(name: string): string {
  return `(?<${name}>${FILLER}(?:${SLASH}|${WORD}|${BARE}))(?![\\p{L}\\p{N}])`;
}

const UNITS: ReadonlyArray<[RegExp, SalaryPeriod]> = [
  [/^(?:hours?|hrs?|h|hourly|std|stunde|godz|hora|heure)$/, 'hour'],
  [/^(?:days?|d|daily|tag|day\s+rate|día|dia|jour)$/, 'day'],
  [/^(?:weeks?|wks?|w|weekly)$/, 'week'],
  [
    /^(?:months?|mos?|mths?|m|monthly|monat|miesiąc|mies|miesięcznie|mês|mes|mensal|mensual|mois|mensuel)$/,
    'month',
  ],
  [
    /^(?:years?|yrs?|y|annum|jahr|annual|annually|yearly|jährlich|p\.\s?a\.?|pa|rok|rocznie|ano|año|anual|an|annuel)$/,
    'year',
  ],
];

/** The period a matched unit names ("/hr" → hour, "brutto/Jahr" → year); null for none or unknown. */
export function periodOfUnit(unit: string | undefined): SalaryPeriod | null {
  const trimmed = unit?.trim() ?? '';
  // Upper-case "PA" after an amount is as likely Pennsylvania as per annum.
  if (!trimmed || /^P[Aa]$/.test(trimmed)) return null;
  const word = trimmed.toLowerCase().replace(LEAD, '');
  return UNITS.find(([pattern]) => pattern.test(word))?.[1] ?? null;
}

const BEFORE: ReadonlyArray<[string, SalaryPeriod]> = [
  ['hourly', 'hour'],
  ['daily', 'day'],
  ['weekly', 'week'],
  ['monthly', 'month'],
  ['annual', 'year'],
  ['annually', 'year'],
  ['yearly', 'year'],
];

// Japanese and Chinese: 月給 / 月薪 monthly pay, 年収 / 年俸 / 年薪 yearly, 時給 / 时薪 hourly,
// 日給 / 日薪 daily. Written without spaces, so they end the word before the amount ("給与月給").
const CJK_BEFORE: ReadonlyArray<[string, SalaryPeriod]> = [
  ['月給', 'month'],
  ['月収', 'month'],
  ['月薪', 'month'],
  ['年収', 'year'],
  ['年俸', 'year'],
  ['年薪', 'year'],
  ['時給', 'hour'],
  ['时薪', 'hour'],
  ['日給', 'day'],
  ['日薪', 'day'],
];

/** The period the words just before an amount name ("hourly rate:", "day rate of"); nearest word first. */
export function periodBefore(wordsNearestFirst: string[]): SalaryPeriod | null {
  for (const [index, word] of wordsNearestFirst.entries()) {
    if (word === 'rate' && wordsNearestFirst[index + 1] === 'day') return 'day';
    const found =
      BEFORE.find(([name]) => name === word) ?? CJK_BEFORE.find(([name]) => word.endsWith(name));
    if (found) return found[1];
  }
  return null;
}

/** A structured feed's period name ("YEAR", "hourly", "per month"); null when unrecognized. */
export function parsePeriodName(name: string): SalaryPeriod | null {
  const word = name
    .trim()
    .toLowerCase()
    .replace(/^(?:per|a|an|each)\s+/, '');
  return UNITS.find(([pattern]) => pattern.test(word))?.[1] ?? null;
}
