// Month and weekday names feeds put in dates: English, and the abbreviations of the other
// languages seen in real feeds (rss-parser/uolNoticias.rss writes "Seg, 24 Set 2018").

/** Month names and abbreviations → month number (1-12): English, plus the short forms Portuguese, Spanish, French and German feeds use. */
export const MONTHS: Readonly<Record<string, number>> = {
  ...monthNames(1, ['jan', 'january', 'ene', 'janv', 'gen']),
  ...monthNames(2, ['feb', 'february', 'fev', 'févr', 'fevr']),
  ...monthNames(3, ['mar', 'march', 'mär', 'märz']),
  ...monthNames(4, ['apr', 'april', 'abr', 'avr']),
  ...monthNames(5, ['may', 'mai', 'mag']),
  ...monthNames(6, ['jun', 'june', 'juin', 'giu']),
  ...monthNames(7, ['jul', 'july', 'juil', 'lug']),
  ...monthNames(8, ['aug', 'august', 'ago', 'août']),
  ...monthNames(9, ['sep', 'sept', 'september', 'set']),
  ...monthNames(10, ['oct', 'october', 'out', 'okt', 'ott']),
  ...monthNames(11, ['nov', 'november']),
  ...monthNames(12, ['dec', 'december', 'dez', 'dic', 'déc']),
};

/** English weekday names, which carry no information once the date is known. */
export const WEEKDAYS: ReadonlySet<string> = new Set([
  'mon',
  'monday',
  'tue',
  'tues',
  'tuesday',
  'wed',
  'wednesday',
  'thu',
  'thur',
  'thurs',
  'thursday',
  'fri',
  'friday',
  'sat',
  'saturday',
  'sun',
  'sunday',
]);

function monthNames(month: number, names: string[]): Record<string, number> {
  return Object.fromEntries(names.map((name) => [name, month]));
}
