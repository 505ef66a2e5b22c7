// A listing's location line as a city and an ISO country. Lines list alternatives ("Toronto ON or
// Vancouver BC CA", "New York or San Francisco"): the country is kept when every alternative
// agrees on one, the city only when there is a single alternative. Anything unread stays null.
import type { JobLocation } from '../../domain/job-intel.ts';
import {
  HOME_OFFICE,
  HYBRID_WORDS,
  ONLY_WORDS,
  ONLY_WORDS_LOWER_CASE,
  ONSITE_WORDS,
  OTHER_REMOTE_IN_FIELD,
  REMOTE_WORDS,
  wholeWords,
} from './arrangement-words.ts';
import { readCommaParts } from './location-comma.ts';
import { cityName, type PartReading, readPart } from './location-part.ts';
import { countryOf, lookupPlace, type Place, subdivisionsByPostalCode } from './place-names.ts';

/** One alternative of a location line: its place (null when unread), and what kind of place. */
export type LocatedPlace = {
  place: Place | null;
  /** Names a city, or was read through one or a state name: not only a country or region. */
  local: boolean;
  /** Says remote work ("Remote USA", "Sydney NSW or remote AU" → its second alternative). */
  remote: boolean;
};

/** Everything a location line names, for eligibility as well as for the job's location. */
export type LocationReading = JobLocation & { places: LocatedPlace[]; worldwide: boolean };

type Alternative = PartReading & { text: string; remote: boolean };

// Work-arrangement and filler words that share the location line with the place.
const FILLER =
  /\b(?:can\s+)?(?:fully\s+|100%\s+)?(?:remote(?:ly)?|hybrid|on-?site|in[- ]office|(?:work(?:ing)?\s+)?from\s+home|wfh|home[- ]based|telecommute|anywhere|various(?:\s+locations)?|multiple\s+locations|flexible|nationwide|only|n\/a|tbd|tba)\b/gi;
// The same in the other languages of location labels ("100% télétravail", "nur", "solo").
const OTHER_FILLER = wholeWords(
  `(?:100\\s*%\\s*)?(?:${REMOTE_WORDS}|${HOME_OFFICE}|${HYBRID_WORDS}|${ONSITE_WORDS})|${ONLY_WORDS}`,
  { global: true },
);
const OTHER_ONLY_LOWER_CASE = wholeWords(ONLY_WORDS_LOWER_CASE, {
  global: true,
  caseSensitive: true,
});
const EDGE_WORDS = /^(?:and|or|&|\+|in|from|within|across|based|the)\s+|\s+(?:and|or|&|\+)$/i;
const REMOTE = /\b(?:remote(?:ly)?|wfh|(?:work(?:ing)?\s+)?from\s+home|telecommute)\b/i;
const MAX_LINE = 200;
const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\uFE0F/gu;

/** A job's location: the raw line, and the city and ISO country when they can be read for sure. */
export function parseLocation(raw: string | null): JobLocation {
  const { city, country } = readLocation(raw);
  return { raw, city, country };
}

/** Reads a location line into the places it names; see LocationReading. */
export function readLocation(raw: string | null): LocationReading {
  const text = (raw ?? '')
    .replace(EMOJI, ' ')
    .replace(/\bD\.\s?C\.?/g, 'DC')
    .replace(/\bn\/a\b/gi, ' ')
    .trim();
  const unread = { raw, city: null, country: null, worldwide: false };
  // A URL or a paragraph in the location field is not a location line.
  if (/:\/\//.test(text) || text.length > MAX_LINE)
    return { ...unread, places: [{ place: null, local: false, remote: false }] };
  let worldwide = false;
  const alternatives: Alternative[] = [];
  for (const piece of text ? text.split(/\s+[oO]r\s+|\s*[;|/]\s*/) : []) {
    if (lookupPlace(piece.replace(/^\W+|\W+$/g, ''), { freeText: false })?.kind === 'worldwide') {
      worldwide = true;
      continue;
    }
    // "NYC but love remote": what follows "but" is a remark, not a place.
    const kept = piece.replace(/\s+but\s+.*$/i, '');
    const cleaned = cleanAlternative(kept);
    if (cleaned.length === 0) continue;
    alternatives.push({
      ...readAlternative(cleaned),
      text: cleaned.join(', '),
      remote: REMOTE.test(kept) || OTHER_REMOTE_IN_FIELD.test(kept),
    });
  }
  settleCodes(alternatives);
  propagateCountry(alternatives);
  const codes = unique(alternatives.map((a) => (a.place?.kind === 'country' ? a.place.code : '')));
  const single = codes.length === 1 && codes[0] !== '' && !worldwide;
  return {
    raw,
    city: alternatives.length === 1 ? (alternatives[0]?.city ?? null) : null,
    country: single ? (codes[0] ?? null) : null,
    places: alternatives.map((a) => ({
      place: a.place,
      local: a.city !== null || a.via === 'derived',
      remote: a.remote,
    })),
    worldwide,
  };
}

/** Whether a value read from text is all places ("Berlin, Germany", "Phoenix or Denver"). */
export function readsAsPlaces(value: string): boolean {
  const reading = readLocation(value);
  return reading.places.length > 0 && reading.places.every((p) => p.place !== null);
}

/** The comma-separated parts of one alternative, with work-arrangement words and brackets gone. */
// An office schedule beside the place: "(hybrid, 2 days in office)", "3 days a week in the office".
const SCHEDULE =
  /\b\d+(?:\s*[-\u2013]\s*\d+)?\s*(?:days?|x)(?:\s*(?:a|per|\/)\s*week)?(?:\s*(?:in|at|on)[\s-]*(?:the\s+)?(?:office|site))?|\b(?:in|at)\s+the\s+office\b/gi;

function cleanAlternative(piece: string): string[] {
  return piece
    .replace(SCHEDULE, ' ')
    .replace(/[()[\]]/g, ',')
    .replace(/\s+[-\u2013\u2014:]+\s+|:\s*/g, ',')
    .replace(FILLER, ' ')
    .replace(OTHER_FILLER, ' ')
    .replace(OTHER_ONLY_LOWER_CASE, ' ')
    .split(',')
    .map((part) => {
      let trimmed = part.replace(/\s+/g, ' ').trim();
      while (EDGE_WORDS.test(trimmed)) trimmed = trimmed.replace(EDGE_WORDS, '').trim();
      return trimmed.replace(/^[-\u2013\u2014.\s]+|[-\u2013\u2014\s]+$/g, '');
    })
    .filter(Boolean);
}

function readAlternative(parts: string[]): PartReading {
  return parts.length === 1 ? readPart(parts[0] ?? '') : readCommaParts(parts);
}

/** Lone codes take their neighbours' reading: "CA or BR" are countries, "MD or DC" states. */
function settleCodes(alternatives: Alternative[]): void {
  for (const alt of alternatives) {
    if (alt.place || !alt.code) continue;
    const others = alternatives.filter((o) => o !== alt && o.place?.kind === 'country');
    // Only alternatives that are nothing but a code or a country name say what kind of list this is.
    const states = others.some((o) => o.via === 'code' && o.code && !countryOf(o.code));
    const countries = others.some(
      (o) =>
        (o.via === 'code' && o.code && countryOf(o.code)) ||
        lookupPlace(o.text, { freeText: false }),
    );
    if (countries && !states && countryOf(alt.code)) {
      alt.place = { kind: 'country', code: alt.code };
    } else if (states && !countries) {
      const owners = new Set<string>(subdivisionsByPostalCode(alt.code).map((s) => s.country));
      const owner = others.find((o) => o.place?.kind === 'country' && owners.has(o.place.code));
      if (owner?.place) alt.place = owner.place;
    }
  }
}

/** "Westborough or Boston MA USA": the country closing the line covers the bare alternatives before it. */
function propagateCountry(alternatives: Alternative[]): void {
  const last = alternatives.at(-1);
  if (last?.via !== 'named' || last.place?.kind !== 'country') return;
  const code = last.place.code;
  for (const alt of alternatives) {
    if (alt.place) continue;
    const words = alt.text.split(/\s+/);
    const state = words.at(-1) ?? '';
    const owned = subdivisionsByPostalCode(state).some((s) => s.country === code);
    const plain = words.length <= 4 && cityName(alt.text) !== null;
    if (owned || plain) alt.place = { kind: 'country', code };
  }
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
