// Where applicants may be, from a feed's region/country fields, the location line and the
// listing's words. What nobody stated stays unknown: unknown is not worldwide.
//
// - A named restriction ("US only", region "Europe Only") beats "anywhere" said elsewhere.
// - The location line counts only for its remote alternatives ("Remote USA", "Sydney NSW or
//   remote AU" → AU), or its bare countries on a remote job: "Berlin" on an office job is where
//   the office is, and "NYC but love remote" says nothing about where remote people may be.
// - A feed's <country> counts unless its <region> says anywhere (then it is the company's).
// - "Authorized to work in the US" and "US citizens" count on remote jobs only (LABELING.md).
// - A timezone window narrows a restriction; "anywhere within UTC-3..UTC+3" lists the countries
//   whose every zone lies in the window. A window alone lists nobody: "US time zones" may well
//   mean "in the US", so it only rules out countries entirely outside it (see canApplyFrom).
import { countries } from '../../../config/countries.ts';
import type { Eligibility, Workplace } from '../../domain/job-intel.ts';
import { placeStatements } from './eligibility-text.ts';
import { readLocation } from './location.ts';
import { labeledLocation } from './location-label.ts';
import { readPlaceField } from './place-field.ts';
import { countryOf, type Place, regionOf } from './place-names.ts';
import { readUtcWindow, type UtcWindow, windowRelation } from './utc-window.ts';

/** The job fields eligibility reads. */
export type EligibilityInput = {
  region: string | null;
  country: string | null;
  location: string | null;
  title: string;
  text: string;
  workplace: Workplace;
};

/** Where applicants may be, each part stated by the listing or left unknown. */
export function parseEligibility(input: EligibilityInput): Eligibility {
  const statements = collectStatements(input);
  const zones = readUtcWindow(
    [input.region, input.location, input.title, input.text].filter(Boolean).join(' \n '),
  );
  const places = statements.flatMap((s) => s.places);
  const countryCodes = unique(places.flatMap((p) => (p.kind === 'country' ? [p.code] : [])));
  const regionCodes = unique(places.flatMap((p) => (p.kind === 'region' ? [p.code] : [])));
  const restricted = countryCodes.length > 0 || regionCodes.length > 0;
  const anywhere = !restricted && places.some((p) => p.kind === 'worldwide');
  const window = zones?.window ?? null;
  const raws = distinctPhrases([...statements.map((s) => s.raw), ...(zones?.raw ?? [])]);
  return {
    known: restricted || anywhere || window !== null,
    worldwide: anywhere && window === null,
    countries: countryCodes,
    regions: regionCodes,
    timezones: window,
    applyFrom: applyFrom(countryCodes, regionCodes, anywhere, window),
    raw: raws.length > 0 ? raws.join('; ') : null,
  };
}

function collectStatements(input: EligibilityInput): Array<{ places: Place[]; raw: string }> {
  const statements: Array<{ places: Place[]; raw: string }> = [];
  const region = readPlaceField(input.region);
  if (region.complete && region.places.length > 0) {
    statements.push({ places: region.places, raw: input.region ?? '' });
  }
  const regionSaysAnywhere = region.places.some((p) => p.kind === 'worldwide');
  const country = readPlaceField(input.country);
  const countryCounts = region.places.length > 0 || input.workplace === 'remote';
  if (!regionSaysAnywhere && countryCounts && country.complete && country.places.length > 0) {
    statements.push({ places: country.places, raw: input.country ?? '' });
  }
  // A board's "Location:" line in the description stands in for a missing location field.
  const line = input.location ?? labeledLocation(input.text);
  const fromLocation = locationPlaces(line, input.workplace);
  if (fromLocation.length > 0) statements.push({ places: fromLocation, raw: line ?? '' });
  // Work authorization and citizenship say where applicants may be only on a remote job: on an
  // office job they say who may work at that office.
  const said = [...placeStatements(input.title), ...placeStatements(input.text)].filter(
    (s) => !s.authorization || input.workplace === 'remote',
  );
  return [...statements, ...said];
}

/** The places a location line allows: its remote alternatives, or its countries on a remote job. */
function locationPlaces(line: string | null, workplace: Workplace): Place[] {
  const reading = readLocation(line);
  if (reading.places.some((p) => p.place === null)) return [];
  const remote = workplace === 'remote' || reading.places.some((p) => p.remote);
  const places = reading.places
    .filter((p) => p.remote || (remote && !p.local))
    .flatMap((p) => (p.place ? [p.place] : []));
  return reading.worldwide && remote ? [...places, { kind: 'worldwide' }] : places;
}

/** The countries applicants may be in: regions expanded, narrowed by a timezone window. */
function applyFrom(
  countryCodes: string[],
  regionCodes: string[],
  anywhere: boolean,
  window: UtcWindow | null,
): string[] {
  if (anywhere) {
    if (!window) return ['*'];
    return countries.filter((c) => windowRelation(window, c.code) === 'inside').map((c) => c.code);
  }
  const members = regionCodes.flatMap((code) => regionOf(code)?.members ?? []);
  const all = unique([...countryCodes, ...members]);
  return window ? all.filter((code) => windowRelation(window, code) !== 'outside') : all;
}

/**
 * Whether someone in a country (ISO 3166-1 alpha-2) may apply: null when the listing does not
 * say, or says something that neither includes nor excludes it (a region's borderline member, a
 * country a timezone window only partly covers).
 */
export function canApplyFrom(eligibility: Eligibility, countryCode: string): boolean | null {
  const code = countryCode.trim().toUpperCase();
  if (!eligibility.known || !countryOf(code)) return null;
  if (eligibility.worldwide || eligibility.applyFrom.includes('*')) return true;
  if (eligibility.applyFrom.includes(code)) return true;
  const window = eligibility.timezones;
  if (window && windowRelation(window, code) === 'outside') return false;
  if (eligibility.countries.length === 0 && eligibility.regions.length === 0) return null;
  const borderline = eligibility.regions.some((r) => regionOf(r)?.borderline.includes(code));
  return borderline ? null : false;
}

/** Phrases without repeats or phrases inside longer ones ("US only" within "Remote (US only)"). */
function distinctPhrases(phrases: string[]): string[] {
  const all = unique(phrases.filter(Boolean));
  return all.filter((p) => !all.some((other) => other !== p && other.includes(p)));
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
