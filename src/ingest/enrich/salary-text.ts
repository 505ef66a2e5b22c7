// Salary candidates in free text: "$120k–$150k", "€60.000 – €80.000 brutto/Jahr", "up to $150k",
// "₹12-18 LPA", "£43,124 pa". Every candidate carries a currency (written, or implied by lakh
// units) and what the words around it say; salary.ts picks among them.

import { matchesAt } from './pattern-scan.ts';
import { type AmountContext, amountContext, wordsAfter, wordsBefore } from './salary-context.ts';
import { CURRENCY_AFTER, CURRENCY_BEFORE, currencyOf, LOCAL_MARKS } from './salary-currency.ts';
import {
  AMOUNT_SOURCE,
  MULTIPLIER_SOURCE,
  type Multiplier,
  multiplierOf,
  parseAmount,
  scaled,
} from './salary-number.ts';
import {
  periodAfterSource,
  periodBefore,
  periodOfUnit,
  type SalaryPeriod,
} from './salary-period.ts';

/** One amount or range found in text, with its currency and what surrounds it. */
export type TextCandidate = {
  min: number | null;
  max: number | null;
  currency: string;
  /** Stated after the amount ("/hr") or just before it ("hourly rate"); null when unstated. */
  period: SalaryPeriod | null;
  range: boolean;
  context: AmountContext;
  /** Nothing else of substance on its line: "£50k" as a whole salary field. */
  alone: boolean;
  /**
   * Its only currency marker is a bare "$" (read as USD: a local dollar where the job is) or a
   * "¥" (read as yen until salary.ts knows the country: yen in Japan, yuan in China, else none).
   */
  bare: '$' | '¥' | null;
  /** Read with "M" or "million": a salary in yen only, so a "¥" that turns out yuan drops it. */
  millions: boolean;
  raw: string;
};

const MIN_WORDS =
  /^(?:from|starting (?:at|from)|starts? at|at least|min(?:imum)?\.?|over|above|more than|in excess of|north of)$/;
const MAX_WORDS = /^(?:up to|upto|as much as|max(?:imum)?\.?|under|below)$/;
const QUALIFIER = String.raw`(?<qual>up\s+to|upto|as\s+much\s+as|max(?:imum)?\.?|under|below|from|starting\s+(?:at|from)|starts?\s+at|at\s+least|min(?:imum)?\.?|over|above|more\s+than|in\s+excess\s+of|north\s+of|between)`;
const amount = (n: 1 | 2) =>
  `(?<n${n}>${AMOUNT_SOURCE})(?<m${n}>${MULTIPLIER_SOURCE})?(?:\\s?(?<s${n}>${CURRENCY_AFTER}))?`;
// Without a currency in front, an amount must not continue a word, number or price ("v2",
// "3.10"); Japanese and Chinese write it straight after a word ("年収600万円").
const CJK_LETTER = '[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}]';
const FIRST = `(?:(?<c1>${CURRENCY_BEFORE})\\s?|(?<![\\p{N}\\p{Sc}.,'’]|(?!${CJK_LETTER})\\p{L}))${amount(1)}(?:${periodAfterSource('unit1')})?`;
const SECOND = `(?<sep>\\s*[-–—‒〜～]\\s*|\\s+(?:to|and|bis)\\s+)(?:(?<c2>${CURRENCY_BEFORE})\\s?)?${amount(2)}`;
/** A salary candidate as a pattern source (exported for the test that checks `candidateStarts`). */
export const CANDIDATE_SOURCE = `(?:\\b${QUALIFIER}:?\\s+)?${FIRST}(?:${SECOND})?(?<plus>\\+)?(?:${periodAfterSource('unit2')})?`;
const CANDIDATE = new RegExp(CANDIDATE_SOURCE, 'iuy');
// An amount followed by a dash and a number it could not read ("GBP 53,000 - 60,0000").
const BROKEN_RANGE = /^\s*(?:[-–—‒]|to\b)\s*\D{0,4}\d/i;

/** Every amount in the text that has a currency, in order of appearance. */
export function findSalaryCandidates(text: string): TextCandidate[] {
  const candidates: TextCandidate[] = [];
  for (const match of matchesAt(CANDIDATE, text, candidateStarts(text))) {
    const candidate = readMatch(match, text);
    if (candidate) candidates.push(candidate);
  }
  return candidates;
}

/**
 * Where a candidate can begin: at a letter, digit, `$` or non-ASCII character (a qualifier, a
 * currency code or sign, an amount) that does not follow an ASCII letter or digit (a qualifier
 * needs a word boundary before it, a currency or bare amount a lookbehind refusing letters and
 * digits), and before the text's last digit (every candidate holds an amount). Trying the
 * pattern only there, instead of at every character, finds the same matches with far fewer tries.
 */
export function candidateStarts(text: string): number[] {
  const starts: number[] = [];
  const end = lastDigit(text);
  let afterWord = false;
  for (let at = 0; at <= end; at++) {
    const c = text.charCodeAt(at);
    const word = isAsciiAlnum(c);
    if (!afterWord && (word || c === 36 || c >= 0x80)) starts.push(at);
    afterWord = word;
  }
  return starts;
}

const isAsciiAlnum = (c: number) =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);

function lastDigit(text: string): number {
  for (let at = text.length - 1; at >= 0; at--) {
    const c = text.charCodeAt(at);
    if (c >= 48 && c <= 57) return at;
  }
  return -1;
}

type Groups = Partial<Record<string, string>>;

function readMatch(match: RegExpExecArray, text: string): TextCandidate | null {
  const groups: Groups = match.groups ?? {};
  const first = multiplierOf(groups.m1);
  const second = multiplierOf(groups.m2);
  const markers = [groups.c1, groups.s1, groups.c2, groups.s2];
  const { currency, bare } = currencyOfMarkers(markers, [first, second]);
  // Yen salaries run to millions ("¥6M"); elsewhere "M" marks funding and budgets.
  const millions = (m: Multiplier) => !m.big || (currency === 'JPY' && m.factor <= 1_000_000);
  if (!millions(first) || !millions(second)) return null;
  const amounts = amountsOf(groups, first, second);
  const start = match.index;
  const end = start + match[0].length;
  if (!currency || !amounts) return null;
  if (groups.n2 === undefined && BROKEN_RANGE.test(text.slice(end, end + 20))) return null;
  const units = [groups.unit1, groups.unit2].map(periodOfUnit).filter((p) => p !== null);
  // "$50/hr - $60/hr" names its period twice; "$50/hr - $60/day" is not one salary.
  if (units[1] && units[0] !== units[1]) return null;
  const before = wordsBefore(text, start);
  const stated = first.year || second.year ? 'year' : (units[0] ?? null);
  return {
    ...amounts,
    currency,
    period: stated ?? periodBefore(before),
    range: groups.n2 !== undefined,
    context: amountContext(before, wordsAfter(text, end)),
    alone: isAlone(text, start, end),
    bare,
    millions: first.big || second.big,
    raw: match[0].trim(),
  };
}

/**
 * The currency of a candidate's markers, and the bare marker salary.ts settles by where the job
 * is. A "¥" beside a code that names one of its currencies ("¥6,000,000 JPY") is that one;
 * alone it stands for yen until then.
 */
function currencyOfMarkers(
  markers: Array<string | undefined>,
  multipliers: Multiplier[],
): { currency: string | null; bare: TextCandidate['bare'] } {
  const written = markers.flatMap((m) => (m === undefined ? [] : [m.trim()]));
  const local = written.filter((m) => m in LOCAL_MARKS);
  const others = markers.filter((m) => m === undefined || !(m.trim() in LOCAL_MARKS));
  const named = currencyFor(others, multipliers);
  if (local.length === 0)
    return {
      currency: named,
      bare: written.length > 0 && written.every((m) => m === '$') ? '$' : null,
    };
  if (local.length === written.length) return { currency: 'JPY', bare: '¥' };
  const meant = local.every((m) => Object.values(LOCAL_MARKS[m] ?? {}).includes(named ?? ''));
  return { currency: meant ? named : null, bare: null };
}

/** The one currency all markers agree on; lakh and crore imply rupees when none is written. */
function currencyFor(markers: Array<string | undefined>, multipliers: Multiplier[]): string | null {
  const written = markers.filter((marker): marker is string => marker !== undefined);
  const codes = new Set(written.map(currencyOf));
  if (codes.has(null) || codes.size > 1) return null;
  const [code] = [...codes];
  const indian = multipliers.map((m) => m.indian);
  if (indian.includes('letter') && code !== 'INR') return null;
  if (indian.includes('word')) return code === undefined || code === 'INR' ? 'INR' : null;
  return code ?? null;
}

function amountsOf(
  groups: Groups,
  first: Multiplier,
  second: Multiplier,
): { min: number | null; max: number | null } | null {
  const a = parseAmount(groups.n1 ?? '');
  const qualifier = (groups.qual ?? '').toLowerCase().replace(/\s+/g, ' ');
  if (a === null) return null;
  if (groups.n2 === undefined) {
    const value = scaled(a, first.factor);
    if (groups.plus || MIN_WORDS.test(qualifier)) return { min: value, max: null };
    if (MAX_WORDS.test(qualifier)) return { min: null, max: value };
    return qualifier === 'between' ? null : { min: value, max: value };
  }
  // "between X and Y" is a range; "$100k and $20k bonus" is two different sums.
  if (groups.sep?.trim().toLowerCase() === 'and' && qualifier !== 'between') return null;
  const b = parseAmount(groups.n2);
  if (b === null) return null;
  // "80-100k", "₹12-18 LPA": a multiplier written once covers both ends.
  const firstFactor = groups.m1 === undefined && a <= b ? second.factor : first.factor;
  return { min: scaled(a, firstFactor), max: scaled(b, second.factor) };
}

// A line with this much besides the amount is prose, whatever it holds; the bound also keeps
// a long one-line description from being rescanned for every amount in it.
const ALONE_REACH = 40;

function isAlone(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - ALONE_REACH), start);
  const after = text.slice(end, end + ALONE_REACH);
  const lineStart = before.lastIndexOf('\n');
  const lineEnd = after.indexOf('\n');
  // The line must begin and end within reach, or at the ends of the text.
  if (lineStart < 0 && start > ALONE_REACH) return false;
  if (lineEnd < 0 && end + ALONE_REACH < text.length) return false;
  const rest = `${before.slice(lineStart + 1)} ${lineEnd < 0 ? after : after.slice(0, lineEnd)}`;
  return (rest.match(/\p{L}+/gu) ?? []).length <= 1;
}
