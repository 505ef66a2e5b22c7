// The JobPosting properties the normalizer reads from RawItem.extra, under the keys feeds use
// (see normalize/job-fields.ts): location, country, remote, region, type, category, skills.
import { asList, type Deref, isObject, type Json, nameOf, namesOf, text } from './jsonld-values.ts';

// schema.org employmentType values in the words job boards (and our filters) use.
const EMPLOYMENT: Record<string, string> = {
  FULL_TIME: 'Full-Time',
  PART_TIME: 'Part-Time',
  CONTRACTOR: 'Contract',
  TEMPORARY: 'Temporary',
  INTERN: 'Internship',
};

/** Where, how and what: the job's extra keys other than company and salary. */
export function jobExtra(posting: Json, deref: Deref): Record<string, string> {
  const extra: Record<string, string> = {};
  const set = (key: string, values: string[]) => {
    if (values.length > 0) extra[key] = values.join(key === 'location' ? '; ' : ', ');
  };
  const places = asList(posting.jobLocation).map(placeOf(deref));
  set(
    'location',
    unique(places.map((place) => place.line).filter((line): line is string => line !== null)),
  );
  set('country', places.flatMap((place) => (place.country ? [place.country] : [])).slice(0, 1));
  if (asList(posting.jobLocationType).some((type) => text(type)?.toUpperCase() === 'TELECOMMUTE')) {
    extra.remote = 'true';
  }
  set('region', namesOf(posting.applicantLocationRequirements, deref));
  set('type', unique(asList(posting.employmentType).flatMap(employmentTypes)));
  const category = namesOf(posting.occupationalCategory, deref, ['name', 'codeValue']);
  set('category', category.length > 0 ? category : namesOf(posting.industry, deref));
  set('skills', namesOf(posting.skills, deref));
  return extra;
}

// A Place's address as "Locality, Region, Country"; a plain string or a name stands as written.
function placeOf(deref: Deref) {
  return (entry: unknown): { line: string | null; country: string | null } => {
    const place = deref(entry);
    if (!isObject(place)) return { line: text(place), country: null };
    const address = deref(asList(place.address)[0] ?? place);
    if (!isObject(address)) return { line: text(address) ?? text(place.name), country: null };
    const country = nameOf(address.addressCountry, deref);
    const parts = [text(address.addressLocality), text(address.addressRegion), country];
    const line = parts.filter((part) => part !== null).join(', ');
    return { line: line || text(place.name), country };
  };
}

function employmentTypes(value: unknown): string[] {
  return (text(value) ?? '')
    .split(/\s*,\s*/)
    .filter((type) => type !== '')
    .map((type) => EMPLOYMENT[type.toUpperCase().replace(/[\s-]/g, '_')] ?? type);
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
