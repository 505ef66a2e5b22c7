// Timezone phrases ("UTC-3 to UTC+3", "GMT+1 ±2 hours", "CET ± 3", "PST/EST overlap", "EU
// timezones") as a window of UTC offsets in hours, and how a country's offsets sit in a window.
// Windows and country ranges are both standard time: a listing's "CEST" means CET.
import { timeZoneNames } from '../../../config/regions.ts';
import { allMatches, eachWord, matchesAt } from './pattern-scan.ts';
import { countryOf, type Place, regionOf } from './place-names.ts';
import { PLACE_OR_DEMONYM_LIST, placeStarts, placesInMixedList } from './place-pattern.ts';
import { foldText, isAllCaps } from './place-text.ts';

/** A UTC offset window in hours, as the contract's Eligibility.timezones. */
export type UtcWindow = { minUtcOffset: number; maxUtcOffset: number };

const NAMES = Object.keys(timeZoneNames).sort((a, b) => b.length - a.length);
const NAMED = NAMES.map((n) => n.replace(/\s+/g, '\\s+')).join('|');
const SIGNED = '[+-]\\s*\\d{1,2}(?::?[0-5]\\d)?';
/** A zone: "UTC+5:30", "GMT-3", "CET", "Eastern Time". */
export const ZONE = `(?:(?:UTC|GMT)(?:\\s*${SIGNED})?|${NAMED})`;
const HOURS = '\\s*(?:hours?|hrs?|h)\\b';
const PLUS_MINUS = '(?:\u00b1|\\+\\s*\\/\\s*-|\\+-|plus\\s+or\\s+minus)';
const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';

const RANGE = new RegExp(
  `${B}(?:between\\s+)?(${ZONE})\\s*(?:to|-|and|through|until|\\/)\\s*(${ZONE}|${SIGNED})${E}`,
  'giu',
);
const TOLERANCE = new RegExp(
  `${B}(${ZONE})\\s*${PLUS_MINUS}\\s*(\\d{1,2}(?:\\.\\d)?)(?:${HOURS})?`,
  'giu',
);
const WITHIN = new RegExp(
  `(?:within\\s+(?:${PLUS_MINUS}\\s*)?|${PLUS_MINUS}\\s*)(\\d{1,2})${HOURS}\\s+(?:of|from|around)\\s+(?:the\\s+)?(${ZONE})${E}`,
  'giu',
);
const SINGLE = new RegExp(
  [
    `(?:time\\s*zone|timezone|tz)\\s*(?:is|:|=|of)?\\s*(?:the\\s+)?${B}(${ZONE})${E}`,
    `${B}(${ZONE})\\s*(?:time\\s*zones?|timezones?|zones?|tz|hours|working\\s+hours|business\\s+hours|overlap)\\b`,
    `overlap(?:ping)?\\s+(?:with|of)\\s+(?:the\\s+)?${B}(${ZONE})${E}`,
    `\\bremote\\s*[-(,:]\\s*${B}(${ZONE})(?=\\s*[),;.]|\\s*$)`,
  ].join('|'),
  'giu',
);

// Opens with the list, so it is tried only where a place or demonym begins (sticky).
const PLACE_ZONES = new RegExp(
  `(?=(${PLACE_OR_DEMONYM_LIST}))\\1\\s*(?:-\\s*)?(?:time\\s*zones?|timezones?|tz|(?:business|working)\\s+hours)\\b`,
  'iuy',
);
// What every PLACE_ZONES match ends with, under its flags: a text without it skips the place scan.
const ZONE_WORDS = /time\s*zone|tz|(?:business|working)\s+hours/iu;

// Every phrase RANGE, TOLERANCE, WITHIN and SINGLE read holds a zone token that zoneOffset must
// accept, and a token opens a word: UTC or GMT in any case, a spelled-out name's first word in any
// case, an abbreviation only in capitals. Most listings hold no such word, and those patterns,
// tried at every position of the text, cost more than the rest of eligibility: a text without one
// skips them. A word that merely starts like a zone ("ETL", "Centralized") still runs them.
const byFirst = (words: string[]) => {
  const map = new Map<string, string[]>();
  for (const word of words)
    map.set(word[0] as string, [...(map.get(word[0] as string) ?? []), word]);
  return map;
};
const CAPITAL_OPENERS = byFirst(NAMES.filter((n) => isAllCaps(n) && !/^(?:UTC|GMT)$/.test(n)));
const ANY_CASE_OPENERS = byFirst([
  ...new Set(
    NAMES.filter((n) => !isAllCaps(n) || /^(?:UTC|GMT)$/.test(n)).map(
      (n) => n.split(' ')[0]?.toLowerCase() as string,
    ),
  ),
]);

/** Whether a word of the text could open a zone token zoneOffset accepts. */
function mayNameZone(text: string): boolean {
  let found = false;
  eachWord(text, (start, end) => {
    const first = text[start] as string;
    const capitals = CAPITAL_OPENERS.get(first);
    const anyCase = ANY_CASE_OPENERS.get(first.toLowerCase());
    if (!capitals && !anyCase) return;
    const word = text.slice(start, end);
    const lower = anyCase ? word.toLowerCase() : '';
    if (capitals?.some((z) => word.startsWith(z))) found = true;
    else if (anyCase?.some((z) => lower.startsWith(z))) found = true;
  });
  return found;
}

/** The standard offset a zone token means, or null; abbreviations count only in capitals ("EST", not "est"). */
export function zoneOffset(token: string): number | null {
  const text = token.replace(/\s+/g, ' ').trim();
  const utc = /^(?:utc|gmt)\s*(?:([+-])\s*(\d{1,2})(?::?([0-5]\d))?)?$/i.exec(text);
  if (utc) {
    const hours = Number(utc[2] ?? 0) + Number(utc[3] ?? 0) / 60;
    return utc[1] === '-' ? -hours : hours;
  }
  const name = NAMES.find((n) => n.toLowerCase() === text.toLowerCase());
  if (!name || (isAllCaps(name) && text !== name)) return null;
  return timeZoneNames[name] ?? null;
}

type AddWindow = (min: number | null, max: number | null, at: number, length: number) => void;

/** The UTC offset window timezone phrases in a text state, and the phrases; null when none. */
export function readUtcWindow(text: string): { window: UtcWindow; raw: string[] } | null {
  const folded = foldText(text);
  const found: Array<{ min: number; max: number; raw: string }> = [];
  const add: AddWindow = (min, max, at, length) => {
    if (min === null || max === null || min > max || min < -12 || max > 14) return;
    found.push({ min, max, raw: text.slice(at, at + length).trim() });
  };
  if (mayNameZone(folded)) readZonePhrases(folded, add);
  const places = ZONE_WORDS.test(folded) ? placeStarts(folded) : [];
  for (const m of matchesAt(PLACE_ZONES, folded, places)) {
    const windows = placesInMixedList(m[1] ?? '')
      .map(placeWindow)
      .filter((w): w is UtcWindow => w !== null);
    if (windows.length === 0) continue;
    const min = Math.min(...windows.map((w) => w.minUtcOffset));
    add(min, Math.max(...windows.map((w) => w.maxUtcOffset)), m.index, m[0].length);
  }
  return found.length > 0 ? mergeWindows(found) : null;
}

/** The windows phrases around zone tokens state: ranges, tolerances, "within", single zones. */
function readZonePhrases(folded: string, add: AddWindow): void {
  for (const m of allMatches(RANGE, folded)) {
    const [first, second] = [m[1] ?? '', m[2] ?? ''];
    const from = zoneOffset(first);
    // "UTC-3 to +3": a bare offset continues only a UTC/GMT offset.
    const to = /^[+-]/.test(second)
      ? /^(?:utc|gmt)/i.test(first)
        ? zoneOffset(`UTC${second}`)
        : null
      : zoneOffset(second);
    if (from !== null && to !== null)
      add(Math.min(from, to), Math.max(from, to), m.index, m[0].length);
  }
  for (const m of allMatches(TOLERANCE, folded)) {
    const center = zoneOffset(m[1] ?? '');
    const spread = Number(m[2]);
    if (center !== null) add(center - spread, center + spread, m.index, m[0].length);
  }
  for (const m of allMatches(WITHIN, folded)) {
    const center = zoneOffset(m[2] ?? '');
    const spread = Number(m[1]);
    if (center !== null) add(center - spread, center + spread, m.index, m[0].length);
  }
  for (const m of allMatches(SINGLE, folded)) {
    const at = zoneOffset(m.slice(1).find(Boolean) ?? '');
    add(at, at, m.index, m[0].length);
  }
}

/** Several stated windows as one span; the raw phrases kept in order of appearance. */
function mergeWindows(found: Array<{ min: number; max: number; raw: string }>) {
  const window = {
    minUtcOffset: Math.min(...found.map((f) => f.min)),
    maxUtcOffset: Math.max(...found.map((f) => f.max)),
  };
  return { window, raw: [...new Set(found.map((f) => f.raw))] };
}

/** The window a place's time zones span ("US time zones", "EU timezones"), or null. */
export function placeWindow(place: Place): UtcWindow | null {
  const range =
    place.kind === 'country'
      ? countryOf(place.code)?.utc
      : place.kind === 'region'
        ? regionOf(place.code)?.utc
        : null;
  return range ? { minUtcOffset: range[0], maxUtcOffset: range[1] } : null;
}

/** Where a country's standard-time offsets lie against a window; null when the country is unknown or uninhabited. */
export function windowRelation(
  window: UtcWindow,
  countryCode: string,
): 'inside' | 'outside' | 'straddles' | null {
  const range = countryOf(countryCode)?.utc;
  if (!range) return null;
  const [min, max] = range;
  if (max < window.minUtcOffset || min > window.maxUtcOffset) return 'outside';
  return min >= window.minUtcOffset && max <= window.maxUtcOffset ? 'inside' : 'straddles';
}
