// Lookup tables over config/countries and config/regions, built once: place names, codes,
// demonyms and cities by their folded key. Every reader of places goes through here.
import {
  ambiguousCountryNames,
  type Country,
  cities,
  countries,
  countryDemonyms,
  type Subdivision,
  subdivisions,
} from '../../../config/countries.ts';
import { type Region, regionDemonyms, regions } from '../../../config/regions.ts';
import { isAllCaps, namePattern, placeKey } from './place-text.ts';

/** A place a listing names: a country, a region, or anywhere at all. */
export type Place =
  | { kind: 'country'; code: string }
  | { kind: 'region'; code: string }
  | { kind: 'worldwide' };

type NameEntry = { place: Place; caps: boolean; freeText: boolean; surface: string };

// Words that mean "no restriction" where a place is expected ("Remote – Anywhere").
const WORLDWIDE_NAMES = [
  ...['Worldwide', 'World-wide', 'Anywhere', 'Anywhere in the World', 'Global', 'Globally'],
  ...['Everywhere', 'Any country', 'Any location', 'All countries'],
];

const countryByCode = new Map<string, Country>(countries.map((c) => [c.code, c]));
const regionByCode = new Map<string, Region>(regions.map((r) => [r.code, r]));
const ambiguous = new Set(ambiguousCountryNames.map(placeKey));

function buildNames(): Map<string, NameEntry[]> {
  const names = new Map<string, NameEntry[]>();
  const add = (surface: string, place: Place) => {
    const key = placeKey(surface);
    const entry = { place, caps: isAllCaps(surface), freeText: !ambiguous.has(key), surface };
    names.set(key, [...(names.get(key) ?? []), entry]);
  };
  for (const c of countries) {
    for (const name of [c.name, ...c.aliases]) add(name, { kind: 'country', code: c.code });
  }
  for (const r of regions) {
    for (const name of [r.name, ...r.aliases]) add(name, { kind: 'region', code: r.code });
  }
  for (const name of WORLDWIDE_NAMES) add(name, { kind: 'worldwide' });
  return names;
}

const names = buildNames();

/**
 * The place a name means, or null. In running text (`freeText`) names that are also common words
 * ("Jordan", "Georgia") are not places; all-capital names ("US", "EU") count only in capitals.
 */
export function lookupPlace(surface: string, options: { freeText: boolean }): Place | null {
  const entries = names.get(placeKey(surface)) ?? [];
  for (const entry of entries) {
    if (entry.caps && /[a-z]/.test(surface)) continue;
    if (options.freeText && !entry.freeText) continue;
    return entry.place;
  }
  return null;
}

/** The country a demonym or region adjective means ("Canadian" → CA, "European" → EUROPE), or null. */
export function lookupDemonym(word: string): Place | null {
  const key = placeKey(word);
  for (const [name, code] of Object.entries(countryDemonyms)) {
    if (placeKey(name) === key) return { kind: 'country', code };
  }
  for (const [name, code] of Object.entries(regionDemonyms)) {
    if (placeKey(name) === key) return { kind: 'region', code };
  }
  return null;
}

/** The country with an ISO 3166-1 alpha-2 code, or undefined. */
export function countryOf(code: string): Country | undefined {
  return countryByCode.get(code);
}

/** The region with a config/regions code, or undefined. */
export function regionOf(code: string): Region | undefined {
  return regionByCode.get(code);
}

const cityByKey = new Map<string, { name: string; country: string }>();
for (const c of cities) {
  for (const name of [c.name, ...c.aliases]) cityByKey.set(placeKey(name), c);
}

/** A well-known city by any of its names, with its canonical name and country, or undefined. */
export function lookupCity(name: string): { name: string; country: string } | undefined {
  return cityByKey.get(placeKey(name));
}

const subdivisionsByCode = new Map<string, Subdivision[]>();
const subdivisionsByName = new Map<string, Subdivision[]>();
for (const s of subdivisions) {
  subdivisionsByCode.set(s.code, [...(subdivisionsByCode.get(s.code) ?? []), s]);
  const key = placeKey(s.name);
  subdivisionsByName.set(key, [...(subdivisionsByName.get(key) ?? []), s]);
}

/** States or provinces with a postal code ("TX"; "WA" is both Washington and Western Australia). */
export function subdivisionsByPostalCode(code: string): Subdivision[] {
  return subdivisionsByCode.get(code.toUpperCase()) ?? [];
}

/** States or provinces with a name ("Ontario", "Western Massachusetts" is not one). */
export function subdivisionsNamed(name: string): Subdivision[] {
  return subdivisionsByName.get(placeKey(name)) ?? [];
}

/** Regular-expression sources of every place name usable in running text, longest first. */
export const placeNamePatterns: readonly string[] = [...names.values()]
  .flat()
  .filter((entry) => entry.freeText)
  .map((entry) => entry.surface)
  .sort((a, b) => b.length - a.length)
  .map(namePattern);
