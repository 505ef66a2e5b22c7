// Reads one alternative of a location ("Los Angeles, CA", "Toronto ON CA", "Berlin") into a
// country or region and a city. Two-letter codes are the hard part: "CA" is Canada and California,
// "DE" Germany and Delaware. A code counts only where its reading is certain: after a comma (the
// "City, ST" postal style), beside a province code ("ON CA"), or when a known city agrees with it.
import {
  countryOf,
  lookupCity,
  lookupPlace,
  type Place,
  subdivisionsByPostalCode,
  subdivisionsNamed,
} from './place-names.ts';

/** What one alternative of a location says, and how it said it. */
export type PartReading = {
  place: Place | null;
  city: string | null;
  /** "named": a country or region by name; "code": a lone code; "derived": through a city or state. */
  via: 'named' | 'code' | 'derived' | 'none';
  /** A lone two-letter code whose reading needs its neighbours ("CA" alone). */
  code?: string;
};

/** Nothing read. */
export const NONE: PartReading = { place: null, city: null, via: 'none' };
// Words that fill a location's city slot without naming a city.
const NOT_A_CITY = /^(?:various|multiple|several|any|all|home|hq|headquarters|office|n\/?a|tbd)$/i;
// Upper-case state codes that are also English words, never read as states without a comma.
const WORD_CODES = new Set(['HI', 'OH', 'OK', 'OR', 'IN', 'ME', 'ON']);
const DIRECTION = /^(?:north|south|east|west|central|upstate|downstate)(?:ern)?\s+/i;

/** A country place. */
export const country = (code: string): Place => ({ kind: 'country', code });

/** A city name as written, when it reads like one: 1–4 capitalized words, no codes or digits. */
export function cityName(text: string): string | null {
  const name = text.trim();
  if (!name || NOT_A_CITY.test(name)) return null;
  const known = lookupCity(name);
  if (known) return known.name;
  const words = name.split(/\s+/);
  if (words.length > 4 || !/^\p{Lu}/u.test(name) || /[\d@:/]/.test(name)) return null;
  return words.some((w) => /^\p{Lu}{1,3}$/u.test(w)) ? null : name;
}

/** The country a lone code means, when only one reading exists ("BR", "TX"), or null. */
function certainCode(code: string): string | null {
  const subs = subdivisionsByPostalCode(code);
  if (countryOf(code)) return subs.length === 0 ? code : null;
  const owners = new Set(subs.map((s) => s.country));
  return owners.size === 1 && !WORD_CODES.has(code) ? (subs[0]?.country ?? null) : null;
}

/** A code that names another country or its state: "ON" in "Toronto ON CA ro San Francisco CA USA". */
function foreignCode(word: string, countryCode: string): boolean {
  if (!/^[A-Z]{2,3}$/.test(word)) return false;
  const subs = subdivisionsByPostalCode(word);
  if (subs.some((s) => s.country === countryCode)) return false;
  return subs.length > 0 || (word !== countryCode && countryOf(word) !== undefined);
}

/** Reads "Toronto ON CA", "Santa Clara CA USA", "Munich DE": a place at the end, a city before it. */
function readSpaced(words: string[]): PartReading {
  for (let k = Math.min(3, words.length - 1); k >= 1; k--) {
    const tail = words.slice(-k).join(' ');
    const place = lookupPlace(tail, { freeText: false });
    if (place && place.kind !== 'worldwide') {
      const rest = words.slice(0, -k);
      if (place.kind === 'country' && rest.some((w) => foreignCode(w, place.code))) return NONE;
      return {
        place,
        city: place.kind === 'country' ? cityBefore(rest, place.code) : null,
        via: 'named',
      };
    }
  }
  const code = words.at(-1) ?? '';
  if (!/^[A-Z]{2,3}$/.test(code)) return NONE;
  return readTrailingCode(code, words.slice(0, -1));
}

function readTrailingCode(code: string, rest: string[]): PartReading {
  const prev = rest.at(-1) ?? '';
  const subs = subdivisionsByPostalCode(code);
  // "ON CA", "NSW AU": a province code right before a country code settles it.
  if (countryOf(code) && subdivisionsByPostalCode(prev).some((s) => s.country === code)) {
    return { place: country(code), city: cityName(rest.slice(0, -1).join(' ')), via: 'named' };
  }
  const known = lookupCity(rest.join(' '));
  if (known && (known.country === code || subs.some((s) => s.country === known.country))) {
    return { place: country(known.country), city: known.name, via: 'derived' };
  }
  const certain = certainCode(code);
  if (!certain)
    return rest.every((w) => NOT_A_CITY.test(w)) ? { ...NONE, via: 'code', code } : NONE;
  const via = certain === code ? 'named' : 'derived';
  return { place: country(certain), city: cityBefore(rest, certain), via };
}

/** The city in the words before a country, skipping the state code the country owns ("Boston MA"). */
function cityBefore(rest: string[], countryCode: string): string | null {
  const last = rest.at(-1) ?? '';
  const before = rest.slice(0, -1).join(' ');
  const owned = subdivisionsByPostalCode(last).some((s) => s.country === countryCode);
  if (/^[A-Za-z]{2,3}$/.test(last) && owned) return cityName(before);
  // A code the country does not own ("Saskatoon SK USA") leaves the city in doubt.
  if (/^[A-Z]{2,3}$/.test(last)) return lookupCity(before) ? cityName(before) : null;
  return cityName(rest.join(' '));
}

/** Reads one comma-free part: a country or region, a city, a state, or "City ST COUNTRY". */
export function readPart(text: string): PartReading {
  const part = text.trim();
  if (!part) return NONE;
  const place = lookupPlace(part, { freeText: false });
  const named = subdivisionsNamed(part);
  const states = named.length > 0 ? named : subdivisionsNamed(part.replace(DIRECTION, ''));
  // "Georgia" alone is the country and the state: unknown.
  if (place && states.length > 0) return NONE;
  if (place) return { place, city: null, via: 'named' };
  const known = lookupCity(part);
  if (known) return { place: country(known.country), city: known.name, via: 'derived' };
  const owners = new Set(states.map((s) => s.country));
  if (owners.size === 1)
    return { place: country(states[0]?.country ?? ''), city: null, via: 'derived' };
  if (/^[A-Z]{2}$/.test(part)) {
    const certain = certainCode(part);
    return certain
      ? { place: country(certain), city: null, via: 'code', code: part }
      : { ...NONE, via: 'code', code: part };
  }
  const words = part.split(/\s+/);
  return words.length > 1 ? readSpaced(words) : NONE;
}
