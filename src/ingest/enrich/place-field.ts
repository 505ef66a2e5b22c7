// A feed's own place field read as a list of places: We Work Remotely's <region> ("USA Only",
// "Anywhere in the World", "North America Only") and <country> ("🇧🇧 Barbados, 🇺🇸 United States").
import { countryOf, lookupPlace, type Place, subdivisionsByPostalCode } from './place-names.ts';
import { unique } from './place-pattern.ts';

const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\uFE0F/gu;
const FILLER = /\b(?:remote(?:ly)?|only|based|jobs?)\b|[()[\]]/gi;

/** The places a feed's field lists, and whether every item was read; empty for an empty field. */
export function readPlaceField(field: string | null): { places: Place[]; complete: boolean } {
  const text = (field ?? '').replace(EMOJI, ' ').trim();
  if (!text) return { places: [], complete: true };
  if (text.length > 300) return { places: [], complete: false };
  const whole = lookupPlace(clean(text), { freeText: false });
  if (whole) return { places: [whole], complete: true };
  const items = text
    .split(/\s*[,;|/+]\s*|\s+(?:or|and|&)\s+/i)
    .map(clean)
    .filter(Boolean);
  const places: Place[] = [];
  const codes: string[] = [];
  let complete = true;
  for (const item of items) {
    const place = lookupPlace(item, { freeText: false });
    if (place) places.push(place);
    else if (/^[A-Z]{2}$/.test(item) && countryOf(item)) codes.push(item);
    else complete = false;
  }
  // "CA" and "DE" are also states: a lone code counts when other items are countries, or it has no other reading.
  const amongCountries = places.some((p) => p.kind === 'country');
  for (const code of codes) {
    if (amongCountries || subdivisionsByPostalCode(code).length === 0) {
      places.push({ kind: 'country', code });
    } else complete = false;
  }
  return { places: unique(places), complete };
}

function clean(item: string): string {
  return item.replace(FILLER, ' ').replace(/\s+/g, ' ').trim();
}
