// Dates written in an operator's format ("24/11/2026 09:30" as dd/MM/yyyy HH:mm). The format is
// searched for inside the text, since pages wrap dates in words ("Posted on 24/11/2026"), and
// numbers are read leniently (d also reads "24", MM also reads "3"). A wall time is placed in
// the source's zone with that date's offset, DST included, unless the text carries an offset.

import { type DateFormatPart, splitDateFormat } from '../../domain/html-selectors.ts';
import { escapeRegExp } from '../../domain/regex-escape.ts';
import { numericOffset, zonedToUtc } from '../normalize/time-zones.ts';

const MONTHS = [
  ...['january', 'february', 'march', 'april', 'may', 'june', 'july'],
  ...['august', 'september', 'october', 'november', 'december'],
];
const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
// Full names first: the alternation takes the first that matches.
const MONTH_NAME = `(${[...MONTHS, 'sept', ...MONTHS.map((m) => m.slice(0, 3))].join('|')})\\.?`;
const WEEKDAY_NAME = `(?:${[...WEEKDAYS, 'tues', 'thur', 'thurs', ...WEEKDAYS.map((d) => d.slice(0, 3))].join('|')})\\.?`;
const PATTERNS: Record<string, string> = {
  y4: '(\\d{4})',
  y2: '(\\d{2})',
  M: MONTH_NAME,
  Mn: '(\\d{1,2})',
  d: '(\\d{1,2})',
  E: WEEKDAY_NAME,
  H: '(\\d{1,2})',
  h: '(\\d{1,2})',
  a: '([ap])\\.?\\s?m\\.?',
  m: '(\\d{2})',
  s: '(\\d{2})',
};
const OFFSET = '(?:\\s*(z|utc|gmt|[+-]\\d{2}:?\\d{2})(?![\\w]))?';

/** Dates in an operator's format → ISO 8601 string (with the zone offset applied), or null. */
export function parseWithFormat(
  text: string,
  format: string,
  timeZone: string | null,
): string | null {
  const split = splitDateFormat(format);
  if ('error' in split) return null;
  const { source, slots } = patternOf(split.parts);
  const match = new RegExp(source + OFFSET, 'iu').exec(text);
  if (!match) return null;
  const value = (slot: string) => {
    const index = slots.indexOf(slot);
    return index < 0 ? undefined : match[index + 1];
  };
  const year = value('y4') ?? (value('y2') ? twoDigitYear(Number(value('y2'))) : undefined);
  const monthName = value('M')?.toLowerCase().slice(0, 3);
  const month = monthName ? MONTHS.findIndex((m) => m.startsWith(monthName)) + 1 : value('Mn');
  const hour = value('H') ?? twelveHour(value('h'), value('a'));
  const wall = wallTime(
    Number(year),
    Number(month),
    Number(value('d')),
    Number(hour ?? 0),
    Number(value('m') ?? 0),
    Number(value('s') ?? 0),
  );
  if (wall === null) return null;
  const offset = match[slots.length + 1]?.toLowerCase();
  let instant = wall;
  if (offset) instant = wall - (/^[+-]/.test(offset) ? numericOffset(offset) : 0) * 60_000;
  else if (timeZone) instant = zonedToUtc(wall, timeZone);
  return new Date(instant).toISOString();
}

/** The regular expression of a format, and which capture group holds which part. */
function patternOf(parts: DateFormatPart[]): { source: string; slots: string[] } {
  const slots: string[] = [];
  const pieces = parts.map((part) => {
    if ('literal' in part)
      return part.literal.replace(/\s+/g, ' ').split(' ').map(escapeRegExp).join('\\s+');
    const slot = slotOf(part.token);
    if (slot !== 'E') slots.push(slot);
    return PATTERNS[slot] as string;
  });
  // A number must not be the tail or head of a longer one ("124/11/2026" is not the 24th).
  const edge = (part: DateFormatPart | undefined) =>
    part && 'token' in part && !/^(MMM|E|a)/.test(part.token) ? '\\d' : '\\p{L}';
  return {
    source: `(?<!${edge(parts[0])})${pieces.join('')}(?!${edge(parts.at(-1))})`,
    slots,
  };
}

function slotOf(token: string): string {
  if (token === 'yyyy') return 'y4';
  if (token === 'yy') return 'y2';
  if (token === 'MMMM' || token === 'MMM') return 'M';
  if (token === 'MM' || token === 'M') return 'Mn';
  return token[0] as string;
}

// Listings show recent dates: "26" is 2026, "98" is 1998.
function twoDigitYear(yy: number): number {
  return yy < 70 ? 2000 + yy : 1900 + yy;
}

function twelveHour(hour: string | undefined, half: string | undefined): number | undefined {
  if (hour === undefined || half === undefined) return undefined;
  const h = Number(hour);
  if (h < 1 || h > 12) return Number.NaN;
  return (h % 12) + (half.toLowerCase() === 'p' ? 12 : 0);
}

/** The wall time as if it were UTC, or null for a day or time that does not exist. */
function wallTime(year: number, month: number, day: number, h: number, m: number, s: number) {
  if (![year, month, day, h, m, s].every(Number.isInteger)) return null;
  if (h > 23 || m > 59 || s > 59) return null;
  const wall = Date.UTC(year, month - 1, day, h, m, s);
  // Date.UTC rolls 31/02 over into March; a date that moved was never a date.
  const date = new Date(wall);
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? wall : null;
}
