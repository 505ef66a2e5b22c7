// Feed dates as feeds really write them. Zone-less values (a bare ISO date, "2024-01-10 10:00",
// "10/06/2024") are read in the source's hint time zone, else in UTC: a date-only value is
// midnight of that day there. Day/month order: "25/06/2024" and "06/25/2024" can only be read
// one way; when both readings are valid ("10/06/2024") the source's hint decides and without a
// hint the value is 'unparseable' rather than a guess (a wrong date sorts an item among the wrong
// day's news; a flagged one shows the operator that the source needs a hint). A dotted
// "10.06.2024" is day-first, as everywhere dots are used.
import type { DateFlag } from '../../domain/entry.ts';
import { type DateFields, parseTextual } from './date-text.ts';
import { numericOffset, zonedToUtc } from './time-zones.ts';

/** How a source writes dates that cannot be read unambiguously. */
export type DateHint = { order?: 'dmy' | 'mdy'; timeZone?: string };

/** A parsed feed date, or why there is none. */
export type FeedDate = { date: Date | null; flag: DateFlag | null };

const DAY_MS = 86_400_000;
// Go's zero time, epoch 0 and their kin are placeholders, not dates.
const EARLIEST = Date.UTC(1970, 0, 2);
const ISO =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[t ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(z|[+-]\d{2}(?::?\d{2})?)?$/;

/** Reads a feed's date into UTC; missing, unreadable and more-than-a-day-ahead values come back flagged. */
export function parseFeedDate(
  raw: string | null,
  options: { now: Date; hint?: DateHint; allowFuture?: boolean },
): FeedDate {
  if (raw === null || raw.trim() === '') return { date: null, flag: 'missing' };
  const date = parseDate(raw, options.hint);
  if (!date) return { date: null, flag: 'unparseable' };
  // A day of slack absorbs wrong zones and clock skew; beyond that the source is wrong.
  if (!options.allowFuture && date.getTime() > options.now.getTime() + DAY_MS) {
    return { date: null, flag: 'future' };
  }
  return { date, flag: null };
}

/** Parses one date string (RFC 822, ISO 8601/W3CDTF, epoch seconds, numeric or English textual) into UTC, or null. */
export function parseDate(raw: string, hint: DateHint = {}): Date | null {
  const text = raw
    .replace(/[\s\u00a0]+/g, ' ')
    .trim()
    .toLowerCase();
  if (/^\d{9,10}$/.test(text)) return checked(Number(text) * 1000);
  if (/^\d{12,13}$/.test(text)) return checked(Number(text));
  const fields = parseIso(text) ?? parseTextual(text, hint.order);
  return fields ? toDate(fields, hint.timeZone) : null;
}

function parseIso(text: string): DateFields | null {
  const m = ISO.exec(text);
  if (!m) return null;
  return {
    year: Number(m[1]),
    month: Number(m[2] ?? 1),
    day: Number(m[3] ?? 1),
    hour: Number(m[4] ?? 0),
    minute: Number(m[5] ?? 0),
    second: Number(m[6] ?? 0),
    ms: Number((m[7] ?? '0').slice(0, 3).padEnd(3, '0')),
    offset: m[8] ? numericOffset(m[8]) : null,
  };
}

function toDate(f: DateFields, timeZone: string | undefined): Date | null {
  if (f.month < 1 || f.month > 12 || f.day < 1 || f.hour > 23 || f.minute > 59 || f.second > 60) {
    return null;
  }
  const wall = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, Math.min(f.second, 59), f.ms);
  // Date.UTC rolls 31 Feb over into March; a rolled-over day is not the day written.
  if (new Date(wall).getUTCDate() !== f.day || f.year < 100) return null;
  if (f.offset !== null) return checked(wall - f.offset * 60_000);
  return checked(timeZone ? zonedToUtc(wall, timeZone) : wall);
}

function checked(ms: number): Date | null {
  return Number.isFinite(ms) && ms >= EARLIEST ? new Date(ms) : null;
}
