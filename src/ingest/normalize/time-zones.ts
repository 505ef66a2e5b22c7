// Time zones in feed dates. JavaScript's Date knows only the US zone names and GMT/UTC, so
// "CEST" or "AEST" would lose the item's date; the table below keeps it. A source's IANA zone
// hint (for dates that name no zone) is applied with Intl, which knows DST rules.

/** Named zones seen in feeds, in minutes east of UTC. Ambiguous names take their most common use in feeds: IST is India, BST British Summer Time, CST US Central. */
export const ZONE_OFFSETS: Readonly<Record<string, number>> = {
  z: 0,
  ut: 0,
  utc: 0,
  gmt: 0,
  wet: 0,
  west: 60,
  bst: 60,
  cet: 60,
  met: 60,
  cest: 120,
  mest: 120,
  eet: 120,
  eest: 180,
  msk: 180,
  ist: 330,
  sgt: 480,
  hkt: 480,
  awst: 480,
  jst: 540,
  kst: 540,
  acst: 570,
  acdt: 630,
  aest: 600,
  aedt: 660,
  nzst: 720,
  nzdt: 780,
  hst: -600,
  akst: -540,
  akdt: -480,
  pst: -480,
  pdt: -420,
  mst: -420,
  mdt: -360,
  cst: -360,
  cdt: -300,
  est: -300,
  edt: -240,
  ast: -240,
  adt: -180,
  nst: -210,
  ndt: -150,
};

/** The offset a zone token names ("cest", "+0100", "gmt+2", "z"), in minutes east of UTC, or null. */
export function zoneOffset(word: string): number | null {
  const named = ZONE_OFFSETS[word];
  if (named !== undefined) return named;
  const m = /^(?:gmt|utc|ut)?([+-]\d{1,2}(?::?\d{2})?)$/.exec(word);
  if (!m?.[1]) return null;
  // A bare "+0100" or "GMT+1"; a bare "-5" would be a number, not a zone.
  if (!word.startsWith('g') && !word.startsWith('u') && m[1].replace(/\D/g, '').length < 4) {
    return null;
  }
  return numericOffset(m[1]);
}

/** Minutes east of UTC of "z", "+05", "+0530" or "-05:30". */
export function numericOffset(text: string): number {
  if (text === 'z') return 0;
  const digits = text.slice(1).replace(':', '');
  const hours = digits.length <= 2 ? Number(digits) : Number(digits.slice(0, -2));
  const minutes = digits.length <= 2 ? 0 : Number(digits.slice(-2));
  return (text.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
}

/** The UTC instant of a wall-clock time in an IANA zone (the wall time passed as if it were UTC). */
export function zonedToUtc(wall: number, timeZone: string): number {
  const first = wall - zoneOffsetMinutes(wall, timeZone) * 60_000;
  // Near a DST change the offset at the guess can differ from the offset at the wall time.
  return wall - zoneOffsetMinutes(first, timeZone) * 60_000;
}

const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatterFor(timeZone: string): Intl.DateTimeFormat | null {
  if (!formatters.has(timeZone)) {
    try {
      const numeric = 'numeric';
      formatters.set(
        timeZone,
        new Intl.DateTimeFormat('en-US', {
          timeZone,
          hourCycle: 'h23',
          year: numeric,
          month: numeric,
          day: numeric,
          hour: numeric,
          minute: numeric,
          second: numeric,
        }),
      );
    } catch {
      formatters.set(timeZone, null); // an unknown zone name reads as UTC
    }
  }
  return formatters.get(timeZone) ?? null;
}

function zoneOffsetMinutes(instant: number, timeZone: string): number {
  const formatter = formatterFor(timeZone);
  if (!formatter) return 0;
  const parts = formatter.formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const local = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return Math.round((local - Math.floor(instant / 1000) * 1000) / 60_000);
}
