// Regular-expression pieces that find place names and lists of them in running text
// ("US or Canada", "UK/EU", "the Americas"), and the reading of a matched list.
import { countryDemonyms } from '../../../config/countries.ts';
import { regionDemonyms } from '../../../config/regions.ts';
import { allMatches, nameStarts } from './pattern-scan.ts';
import { lookupDemonym, lookupPlace, type Place, placeNamePatterns } from './place-names.ts';
import { namePattern } from './place-text.ts';

const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';

// "CA" is Canada only beside another country ("US/CA"); see placesInList.
/** One place name in running text. */
export const PLACE = `${B}(?:${placeNamePatterns.join('|')}|CA)${E}`;

// Lists are bounded, so a run of names in hostile text cannot make matching quadratic.
const MAX_ITEMS = 12;

/** A list of place names: "US, UK and Canada", "UK/EU", "the US or Canada". */
export const PLACE_LIST = `(?:the\\s+)?${PLACE}(?:\\s*(?:,|\\/|\\||&|\\+|\\bor\\b|\\band\\b)\\s*(?:the\\s+)?${PLACE}){0,${MAX_ITEMS}}`;

const demonymPatterns = [...Object.keys(countryDemonyms), ...Object.keys(regionDemonyms)]
  .sort((a, b) => b.length - a.length)
  .map(namePattern);

/** A demonym or region adjective: "Canadian", "European", "Latin American". */
export const DEMONYM = `${B}(?:${demonymPatterns.join('|')})${E}`;

/**
 * Where a place list, a demonym or a mix of them could begin in folded text: patterns that open
 * with one are tried only there (see pattern-scan.ts).
 */
export const placeStarts = nameStarts([...placeNamePatterns, 'CA', ...demonymPatterns], {
  leadingThe: true,
});

/** A list mixing place names and demonyms: "US or European", "EU/UK". */
export const PLACE_OR_DEMONYM_LIST = `(?:the\\s+)?(?:${PLACE}|${DEMONYM})(?:\\s*(?:,|\\/|\\||&|\\+|\\bor\\b|\\band\\b)\\s*(?:the\\s+)?(?:${PLACE}|${DEMONYM})){0,${MAX_ITEMS}}`;

const PLACE_RE = new RegExp(PLACE, 'giu');
const DEMONYM_RE = new RegExp(DEMONYM, 'gu');

/** The places a matched list names; all-capital names in other case are dropped ("us" is not the US). */
export function placesInList(list: string): Place[] {
  const places: Place[] = [];
  let canada = false;
  for (const m of allMatches(PLACE_RE, list)) {
    if (m[0] === 'CA') canada = true;
    const place = m[0].toUpperCase() === 'CA' ? null : lookupPlace(m[0], { freeText: true });
    if (place) places.push(place);
  }
  if (canada && places.some((p) => p.kind === 'country'))
    places.push({ kind: 'country', code: 'CA' });
  return unique(places);
}

/** The places a list of names and demonyms means ("US or European" → US, EUROPE). */
export function placesInMixedList(list: string): Place[] {
  const demonyms = allMatches(DEMONYM_RE, list).map((m) => demonymPlace(m[0]));
  const named = placesInList(list.replace(DEMONYM_RE, (m) => ' '.repeat(m.length)));
  return unique([...named, ...demonyms.filter((p): p is Place => p !== null)]);
}

/** The place a demonym names, when written capitalized ("German", not "german"). */
export function demonymPlace(word: string): Place | null {
  return /^\p{Lu}/u.test(word) ? lookupDemonym(word) : null;
}

/** Places without repeats, in first-seen order. */
export function unique(places: Place[]): Place[] {
  const seen = new Set<string>();
  return places.filter((p) => {
    const key = p.kind === 'worldwide' ? '*' : `${p.kind}:${p.code}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
