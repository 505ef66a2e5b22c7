// Where a listing's own words say applicants may be: "Remote (US only)", "must be based in
// Germany", "open to candidates in the US or Canada", "work from anywhere". Only phrasings that
// are about the applicant count: "a US-based company" or "customers worldwide" say nothing.

import { keywordStarts, matchesAt } from './pattern-scan.ts';
import type { Place } from './place-names.ts';
import {
  DEMONYM,
  demonymPlace,
  PLACE,
  PLACE_LIST,
  placeStarts,
  placesInList,
} from './place-pattern.ts';
import { foldText } from './place-text.ts';

/** Places one phrase of a listing allows, the phrase as written, and whether it is about work authorization or citizenship. */
export type PlaceStatement = { places: Place[]; raw: string; authorization: boolean };

// Matched atomically (a lookahead, then a backreference): once read, a list is never re-tried
// shorter, which would re-run its thousand-name alternation at every step back.
const L = `(?=(?<list>${PLACE_LIST}))\\k<list>`;
const THE = '(?:the\\s+)?';
const IN = '(?:in|within|inside)';
const AS_APPLICANT = '(?:based|located|living|residing|reside|live|situated|resident)';
// What comes before "residents" / "citizens" when they are a requirement.
const REQUIRED =
  '(?:must\\s+be|should\\s+be|only|open\\s+to|restricted\\s+to|limited\\s+to|available\\s+(?:only\\s+)?to|eligible\\s+are|requires?|hiring)\\s+(?:(?:a|an|current|legal|permanent)\\s+){0,3}';
const PEOPLE =
  '(?:candidates|applicants|applications|people|engineers|developers|talent|everyone|anyone|individuals)';

/**
 * A pattern, run sticky where it can begin: a pattern that opens with the place list where a
 * place name begins, any other (all open with `\b` and a keyword) where one of its keywords does.
 */
type Pattern = { sticky: RegExp; keyword: number | null };
type Source = string | { listLed: string };
const listLed = (source: string): Source => ({ listLed: source });

// Each pattern names the list it restricts to as the group "list" (or "demonym").
const PATTERN_SOURCES: readonly Source[] = [
  // "Remote (US only)", "Remote – Europe", "remote in the US or Canada"
  `\\bremote(?:ly)?\\b(?:\\s*(?:[-:,(\\[/|]|\\bonly\\b)){0,4}\\s*(?:(?:open\\s+to\\s+)?(?:${PEOPLE}\\s+)?(?:in|within|from|across|for|(?:based|located)\\s+in)\\s+)?${THE}${L}`,
  // "a remote role in the US", "remote position within the EU"
  `\\bremote\\s+(?:role|position|job|opportunity|work)\\s+(?:(?:in|within|from|across|for|(?:based|located)\\s+in)\\s+)${THE}${L}`,
  // "US only", "USA Only", "(EU only)"
  listLed(`${L}\\s*(?:-\\s*)?only\\b`),
  // "only in the EU", "only open to candidates based in Canada", "only US-based"
  `\\bonly\\s+(?:open\\s+to\\s+)?(?:${PEOPLE}\\s+)?(?:(?:who\\s+are\\s+)?${AS_APPLICANT}\\s+)?(?:in|from|within)\\s+${THE}${L}`,
  `\\bonly\\s+${THE}${L}[-\\s]based\\b`,
  `\\bonly\\s+apply\\s+if\\s+you(?:'re|\\s+are)\\s+(?:currently\\s+)?${AS_APPLICANT}\\s+${IN}\\s+${THE}${L}`,
  // "must be based in Germany", "should reside in one of the following countries: ..."
  `\\b(?:must|should|need\\s+to|needs\\s+to|required\\s+to|have\\s+to|has\\s+to)\\s+(?:be\\s+)?(?:(?:currently|physically|permanently|legally)\\s+)?${AS_APPLICANT}\\s+${IN}\\s+${THE}(?:(?:one\\s+of\\s+)?(?:the\\s+following\\s+)?(?:countries|regions)?\\s*:?\\s*)?${L}`,
  // "must be a resident of Canada", "open to US citizens", "EU residents only" (a note "for US
  // residents: this is a 1099 contract" restricts nobody)
  `\\b${REQUIRED}(?:residents?|citizens?|nationals?)\\s+of\\s+${THE}${L}`,
  `\\b${REQUIRED}(?:${L}|(?<demonym>${DEMONYM}))\\s+(?:residents?|citizens?|nationals?)\\b`,
  listLed(
    `(?<![\\p{L}-]|non[-\\s])(?:${L}|(?<demonym>${DEMONYM}))\\s+(?:residents?|citizens?|nationals?)\\s+only\\b`,
  ),
  // "US-based candidates", "EU-based only"
  listLed(
    `${L}[-\\s]based\\s+(?:${PEOPLE}|engineers?|developers?|employees|contractors|hires|professionals|roles?|positions?|jobs?|only)\\b`,
  ),
  // "open to candidates in the US or Canada", "hiring across Europe"
  `\\b(?:open\\s+to|hiring|hire|recruiting|accepting\\s+applications|considering)\\s+(?:${PEOPLE}\\s+)?(?:(?:who\\s+are\\s+)?${AS_APPLICANT}\\s+)?(?:from|in|within|across)\\s+${THE}${L}`,
  // "work from anywhere in Europe"
  `\\b(?:remote(?:ly)?|work|working|live|living|based|located|reside|hire|hiring|from|candidates|applicants)\\b[^.;!?]{0,30}?\\b(?:anywhere|everywhere)\\s+(?:in|within|across|throughout)\\s+${THE}${L}`,
];

// Work authorization: "authorized to work in the US", "right to work in the UK", "can legally
// work in the United States", "non-US applicants need not apply".
const AUTHORIZATION_SOURCES: readonly Source[] = [
  `\\b(?:eligible|authori[sz]ed|permitted|entitled|legally\\s+(?:able|allowed|authori[sz]ed|permitted))\\s+to\\s+(?:live\\s+and\\s+)?work\\s+(?:(?:full[- ]time|remotely|permanently)\\s+)?(?:in|for|within|from)\\s+${THE}${L}`,
  `\\b(?:right|authori[sz]ation|permission|eligibility)\\s+to\\s+work\\s+(?:in|for|within)\\s+${THE}${L}`,
  `\\b(?:can|must|should)\\s+(?:be\\s+able\\s+to\\s+)?legally\\s+work\\s+(?:in|for|within)\\s+${THE}${L}`,
  `\\bnon-${L}\\s+(?:[\\w-]+\\s+){0,3}?(?:applicants|candidates)\\s+(?:need\\s+not|should\\s+not|will\\s+not\\s+be\\s+considered|cannot)\\b`,
];

// Phrases that say "from anywhere" in so many words.
const WORLDWIDE_SOURCES: readonly string[] = [
  /\b(?:work|working|live|living|based|located|hire|hiring|apply|recruit(?:ing)?)\s+(?:from\s+|in\s+)?(?:anywhere|everywhere|worldwide|globally)\b(?!\s+(?:in|within|across|throughout)\b)/,
  /\b(?:remote(?:ly)?|work|working|live|living|based|located|from|hire|hiring|candidates|applicants|apply)\b[^.;!?]{0,30}?\banywhere\s+in\s+the\s+world\b/,
  /\b(?:open\s+to|hiring|hire|accepting)\s+(?:(?:candidates|applicants|applications|people|talent|engineers|developers)\s+)?(?:from\s+)?(?:all\s+over\s+the\s+world|around\s+the\s+world|any\s+country)\b/,
  /\blocation\s*:\s*(?:(?:fully\s+)?remote\s*[-(,/]?\s*)?(?:anywhere(?:\s+in\s+the\s+world)?|worldwide|global)\b/,
  // "wherever you are in the world", "no mat(t)er where he or she may live"
  /\bwherever\s+you\s+(?:are|live|may\s+be)\s+in\s+the\s+world\b/,
  /\bno\s+mat+er\s+where\s+(?:you|he\s+or\s+she|they)\s+(?:may\s+)?(?:live|lives|are|is|reside|resides|are\s+located|is\s+located)\b/,
  /\bregardless\s+of\s+(?:your\s+)?(?:location|where\s+you\s+live)\b/,
].map((pattern) => pattern.source);

// Every keyword-led pattern above is looked for with one scan of the text.
const KEYWORD_LED = [...PATTERN_SOURCES, ...AUTHORIZATION_SOURCES, ...WORLDWIDE_SOURCES].filter(
  (source): source is string => typeof source === 'string',
);
const keywordStartsOf = keywordStarts(KEYWORD_LED);
const compile = (source: Source): Pattern =>
  typeof source === 'string'
    ? { sticky: new RegExp(source, 'iuy'), keyword: KEYWORD_LED.indexOf(source) }
    : { sticky: new RegExp(source.listLed, 'iuy'), keyword: null };
// Every list-led pattern opens with a place list (which may open with "the") or a demonym: one
// try of this where a name could begin spares each of them a try where none does.
const NAME_HERE = new RegExp(`(?:the\\s+)?(?:${PLACE}|${DEMONYM})`, 'iuy');
const PATTERNS: readonly Pattern[] = PATTERN_SOURCES.map(compile);
const AUTHORIZATION: readonly Pattern[] = AUTHORIZATION_SOURCES.map(compile);
const WORLDWIDE: readonly Pattern[] = WORLDWIDE_SOURCES.map(compile);

// After a list: the phrase goes on about time zones or a company, so it is not a restriction.
const NOT_A_RESTRICTION =
  /^\s*(?:-\s*)?(?:time\s*zones?|timezones?|tz\b|zones?\b|hours|business\s+hours|working\s+hours|time\b|compan(?:y|ies)|headquarter|hq\b|office|preferred|preferably|is\s+a\s+plus|a\s+plus)/iu;
// "US or European timezones": the list runs on into a timezone phrase.
const INTO_TIMEZONES =
  /^\s*(?:(?:,|\/|or|and|&)\s*[\p{L}-]+\s*){1,2}(?:time\s*zones?|timezones?|tz)\b/iu;
// A lower-case word right after the list continues the sentence ("remote global team").
const CONTINUES =
  /^\s+(?!only\b|based\b|residents?\b|citizens?\b|candidates\b|applicants\b|or\b|and\b)\p{Ll}/u;
// "We can sponsor your right to work in the UK" is a promise, not a requirement.
const SPONSORED = /sponsor/i;

/** The end of a match, past the bracket it opened: "Remote (US only)", not "Remote (US only". */
function closingBracket(text: string, start: number, end: number): number {
  const opened =
    text.slice(start, end).split('(').length - text.slice(start, end).split(')').length;
  const rest = /^[^()]{0,20}\)/.exec(text.slice(end));
  return opened > 0 && rest ? end + rest[0].length : end;
}

/** The place restrictions, work-authorization and "anywhere" statements in a piece of listing text. */
export function placeStatements(text: string): PlaceStatement[] {
  const folded = foldText(text);
  const places = placeStarts(folded).filter((at) => {
    NAME_HERE.lastIndex = at;
    return NAME_HERE.test(folded);
  });
  const keywords = keywordStartsOf(folded);
  const found = (pattern: Pattern) =>
    matchesAt(
      pattern.sticky,
      folded,
      pattern.keyword === null ? places : (keywords[pattern.keyword] ?? []),
    );
  const statements: PlaceStatement[] = [];
  for (const pattern of [...PATTERNS, ...AUTHORIZATION]) {
    for (const m of found(pattern)) {
      const places = restriction(folded, pattern, m);
      if (places.length === 0) continue;
      const raw = text
        .slice(m.index, closingBracket(folded, m.index, m.index + m[0].length))
        .trim();
      const authorization = AUTHORIZATION.includes(pattern) || /citizen|national/i.test(m[0]);
      statements.push({ places, raw, authorization });
    }
  }
  for (const pattern of WORLDWIDE) {
    for (const m of found(pattern)) {
      const raw = text.slice(m.index, m.index + m[0].length).trim();
      statements.push({ places: [{ kind: 'worldwide' }], raw, authorization: false });
    }
  }
  return statements;
}

/** The places one match restricts to, or none when its context says it is not a restriction. */
function restriction(folded: string, pattern: Pattern, m: RegExpExecArray): Place[] {
  const end = m.index + m[0].length;
  const after = folded.slice(end, end + 40);
  if (NOT_A_RESTRICTION.test(after) || INTO_TIMEZONES.test(after)) return [];
  if (pattern === PATTERNS[0] && CONTINUES.test(after) && !/\bonly\b/i.test(m[0])) return [];
  if (SPONSORED.test(folded.slice(Math.max(0, m.index - 60), m.index))) return [];
  const demonym = m.groups?.demonym ? demonymPlace(m.groups.demonym) : null;
  return m.groups?.list ? placesInList(m.groups.list) : demonym ? [demonym] : [];
}
