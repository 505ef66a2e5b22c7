// Dates written in words or digits rather than ISO 8601: RFC 822 and its relatives
// ("Mon, 17 Nov 2014 05:45:32 +0000", "03 Apr 02 1500 GMT"), US and European textual forms
// ("January 5, 2024 10:00 AM EST", "5th March 2024"), asctime and Date.toString(), and numeric
// dates ("2024/06/10", "10/06/2024", "10.06.2024"). Tokens are classified one by one; a token
// that is none of date, time, zone or filler makes the whole value unreadable.
import { MONTHS, WEEKDAYS } from './date-words.ts';
import { numericOffset, zoneOffset } from './time-zones.ts';

/** A date's fields as written; offset in minutes east of UTC, null when no zone is named. */
export type DateFields = {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
  offset: number | null;
};

type Order = 'dmy' | 'mdy' | undefined;

type Parts = {
  numbers: string[];
  monthAt: number;
  month: number | null;
  numericDate: string[] | null;
  time: number[] | null;
  meridiem: 'am' | 'pm' | null;
  offset: number | null;
};

/** The fields of a lower-cased, whitespace-collapsed textual or numeric date, or null. */
export function parseTextual(text: string, order: Order): DateFields | null {
  const cleaned = text
    .replace(/\([^)]*\)/g, ' ') // "(PST)", "(Central European Standard Time)"
    .replace(/^[^\s\d,]+,/, ' ') // a leading weekday in any language: "Seg,"
    .replace(/(\d)(st|nd|rd|th)\b/g, '$1')
    .replace(/\b([ap])\.m\.?/g, '$1m')
    .replace(/,/g, ' ');
  const parts: Parts = {
    numbers: [],
    monthAt: -1,
    month: null,
    numericDate: null,
    time: null,
    meridiem: null,
    offset: null,
  };
  for (const token of cleaned.split(' ').filter(Boolean)) {
    if (!classify(token, parts)) return null;
  }
  const date = parts.numericDate ? numericDate(parts, order) : textualDate(parts);
  const time = date && timeOfDay(parts, date.leftover);
  if (!date || !time) return null;
  return { year: date.year, month: date.month, day: date.day, ...time, offset: parts.offset };
}

function classify(token: string, parts: Parts): boolean {
  const word = token.replace(/\.$/, '');
  if (WEEKDAYS.has(word) || word === 'at' || word === 'of' || word === 'the') return true;
  if (MONTHS[word] !== undefined) {
    if (parts.month !== null) return false;
    parts.month = MONTHS[word];
    parts.monthAt = parts.numbers.length;
    return true;
  }
  if (word === 'am' || word === 'pm') return set(parts, 'meridiem', word);
  const zone = zoneOffset(word);
  if (zone !== null) return set(parts, 'offset', zone);
  const time = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?(am|pm)?(z|[+-]\d{2}:?\d{2})?$/.exec(
    word,
  );
  if (time) {
    if (time[4] && !set(parts, 'meridiem', time[4] as 'am' | 'pm')) return false;
    if (time[5] && !set(parts, 'offset', numericOffset(time[5]))) return false;
    return set(parts, 'time', [Number(time[1]), Number(time[2]), Number(time[3] ?? 0)]);
  }
  const numeric = /^(\d{1,4})([-/.])(\d{1,2})\2(\d{1,4})$/.exec(word);
  if (numeric) return set(parts, 'numericDate', numeric.slice(1, 5) as string[]);
  if (/^\d+$/.test(word)) {
    parts.numbers.push(word);
    return true;
  }
  // "10-Jan-2024", "Jan/10/2024": split and read the pieces.
  if (/[a-z]/.test(word) && /[-/.]/.test(word)) {
    return word.split(/[-/.]/).every((piece) => piece === '' || classify(piece, parts));
  }
  return false;
}

/** Stores a part once; a second value for the same part makes the string unreadable. */
function set<K extends 'meridiem' | 'offset' | 'time' | 'numericDate'>(
  parts: Parts,
  key: K,
  value: Parts[K],
): boolean {
  if (parts[key] !== null) return false;
  parts[key] = value;
  return true;
}

type DayParts = { year: number; month: number; day: number; leftover: string[] };

function numericDate(parts: Parts, order: Order): DayParts | null {
  const [a = '', sep, b = '', c = ''] = parts.numericDate ?? [];
  if (parts.month !== null) return null;
  if (a.length === 4)
    return { year: Number(a), month: Number(b), day: Number(c), leftover: parts.numbers };
  if (a.length > 2 || (c.length !== 2 && c.length !== 4)) return null;
  const [first, second] = [Number(a), Number(b)];
  let dayFirst: boolean;
  if (first > 12 || second > 12 || first === second) dayFirst = first > 12 || first === second;
  else if (order) dayFirst = order === 'dmy';
  else if (sep === '.') dayFirst = true;
  else return null;
  return {
    year: fullYear(c),
    month: dayFirst ? second : first,
    day: dayFirst ? first : second,
    leftover: parts.numbers,
  };
}

function textualDate(parts: Parts): DayParts | null {
  if (parts.month === null) return null;
  const before = parts.numbers.slice(0, parts.monthAt);
  const after = parts.numbers.slice(parts.monthAt);
  const isDay = (n: string | undefined) => n !== undefined && n.length <= 2 && Number(n) >= 1;
  let day: string | undefined;
  let year: string | undefined;
  if (isDay(before.at(-1))) {
    day = before.pop(); // RFC 822: "03 Apr 02", "10 January 2024"
    year = after.shift();
  } else if (isDay(after[0])) {
    day = after.shift(); // "Jan 10 2024", "2024 Jan 10", asctime "Jan 10 10:00:00 2024"
    year = before.pop() ?? after.shift();
  }
  if (day === undefined || year === undefined) return null;
  return {
    year: fullYear(year),
    month: parts.month,
    day: Number(day),
    leftover: [...before, ...after],
  };
}

/** Two-digit years as RFC 2822 reads them: 00-49 → 20xx, 50-99 → 19xx. */
function fullYear(text: string): number {
  const n = Number(text);
  if (text.length === 4) return n;
  if (text.length === 3) return 1900 + n;
  return n < 50 ? 2000 + n : 1900 + n;
}

function timeOfDay(
  parts: Parts,
  leftover: string[],
): Omit<DateFields, 'year' | 'month' | 'day' | 'offset'> | null {
  let time = parts.time;
  // "03 Apr 02 1500 GMT": a time without its colon.
  if (!time && leftover.length === 1 && /^\d{3,4}$/.test(leftover[0] ?? '')) {
    const n = Number(leftover[0]);
    time = [Math.floor(n / 100), n % 100, 0];
  } else if (leftover.length > 0) return null;
  let [hour = 0, minute = 0, second = 0] = time ?? [];
  if (parts.meridiem) {
    if (!time || hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (parts.meridiem === 'pm' ? 12 : 0);
  }
  return { hour, minute, second: Math.min(second, 59), ms: 0 };
}
