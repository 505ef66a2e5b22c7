// Reads a location alternative written "City, Region, Country" ("Los Angeles, CA", "Gold Coast,
// Queensland, Australia"): the last part places it, the first names the city. After a comma two
// letters are a state in the North American postal style ("Austin, TX", "Toronto, ON") unless
// the city says otherwise ("Berlin, DE" is Germany, "Perth, WA" Western Australia).
import { cityName, country, NONE, type PartReading, readPart } from './location-part.ts';
import {
  countryOf,
  lookupCity,
  lookupPlace,
  type Place,
  subdivisionsByPostalCode,
  subdivisionsNamed,
} from './place-names.ts';

/** Reads "City, Region, Country" parts: the last part places it, the first names the city. */
export function readCommaParts(parts: string[]): PartReading {
  const first = parts[0] ?? '';
  const last = parts.at(-1) ?? '';
  const firstCity = lookupCity(first);
  let reading: PartReading;
  // Two letters after a comma are a state unless they spell a country alias ("UK", "US").
  const named = /^[A-Za-z]{2}$/.test(last) ? lookupPlace(last, { freeText: false }) : null;
  if (named) reading = { place: named, city: null, via: 'named' };
  else if (/^[A-Za-z]{2}$/.test(last))
    reading = readCommaCode(last.toUpperCase(), firstCity?.country);
  else {
    reading = readPart(last);
    // "Atlanta, Georgia" / "Tbilisi, Georgia": the city decides between the state and the country.
    if (reading.via === 'none' && firstCity && subdivisionsNamed(last).length > 0) {
      const owns = subdivisionsNamed(last).some((s) => s.country === firstCity.country);
      const names = lookupPlace(last, { freeText: false });
      if (owns || (names?.kind === 'country' && names.code === firstCity.country)) {
        reading = { place: country(firstCity.country), city: null, via: 'derived' };
      }
    }
  }
  if (!reading.place) return NONE;
  const firstPlace = readPart(first);
  const firstCountry = countryCode(firstPlace.place);
  const sameCountry = firstCountry !== null && firstCountry === countryCode(reading.place);
  // "Barbados, United States": a list of countries, not a city in one.
  if (firstPlace.via === 'named' && firstCountry !== null && !sameCountry) return NONE;
  // "Texas, USA" names no city; "Victoria, BC" does (Victoria is also an Australian state).
  const firstIsPlace =
    firstPlace.via === 'named' || (firstPlace.place !== null && !firstPlace.city && sameCountry);
  return { ...reading, city: firstIsPlace ? null : cityName(first) };
}

function countryCode(place: Place | null): string | null {
  return place?.kind === 'country' ? place.code : null;
}

/** A two-letter code after a comma: a state in the postal style, unless the city says country. */
function readCommaCode(code: string, cityCountry: string | undefined): PartReading {
  const iso = countryOf(code) ? code : null;
  if (iso && cityCountry === iso) return { place: country(iso), city: null, via: 'named' };
  const subs = subdivisionsByPostalCode(code);
  const byCity = subs.find((s) => s.country === cityCountry);
  const northAmerican = subs.filter((s) => s.country !== 'AU');
  const sub =
    byCity ??
    (northAmerican.length === 1 ? northAmerican[0] : subs.length === 1 ? subs[0] : undefined);
  if (sub) return { place: country(sub.country), city: null, via: 'derived' };
  return iso ? { place: country(iso), city: null, via: 'named' } : NONE;
}
