// Where the job is, from a description that says it only in a sentence: "Hybrid in München,
// Germany", "This is a hybrid role in London, UK", "On-site in Austin, TX". Only after a word
// that puts the work at an office, and only on a job read as hybrid or on-site (enrich-job.ts):
// "based in Berlin" is as often a remote company's address, "we meet in person in Lisbon twice
// a year" is a remote team's retreat, and "remote in Canada" says who may apply.
import { readsAsPlaces } from './location.ts';

// Written out in both cases: under the "i" flag \p{Lu} would match lower case too.
const ARRANGEMENT =
  '(?:[Hh]ybrid|HYBRID|[Oo]n[- ]?[Ss]ite|ON[- ]?SITE|[Ii]n[- ][Oo]ffice|[Ii]n[- ][Pp]erson|[Oo]ffice[- ][Bb]ased)';
const NOUN = '(?:(?:role|position|job|work|working|schedule|setup|set-up|arrangement)\\s+)?';
const WORD = "\\p{Lu}[\\p{L}\\p{M}'’-]*";
// Capitalized words joined by spaces, commas or "or": "München, Germany", "Phoenix or Denver".
const PLACE_WORDS = `${WORD}(?:(?:,[^\\S\\n]*|[^\\S\\n]+(?:or[^\\S\\n]+)?)${WORD})*`;
const PROSE = new RegExp(
  `(?<![\\p{L}-])${ARRANGEMENT}[^\\S\\n]*(?:[(,:\\u2013\\u2014-][^\\S\\n]*)?${NOUN}(?:in|at)[^\\S\\n]+(?:the[^\\S\\n]+)?(${PLACE_WORDS})`,
  'gu',
);
// A sentence that runs on in capitals ("On-site in Austin, TX We are a team…"): its opening
// word is not part of the place. Only such words are dropped: "Jersey City" cut to "Jersey"
// would be a wrong country.
const SENTENCE_OPENER =
  /[^\S\n]+(?:We|You|Our|Your|The|This|It|They|Join|Apply|If|As|Please|Come|Help)$/u;
// Its sentence makes it an occasional visit: "on-site in Berlin once a quarter", "quarterly
// on-site in Vancouver".
const OCCASIONAL =
  /\b(?:once|twice|\d+\s*(?:x|times)|quarterly|annually|yearly|(?:a|per|each|every)\s+(?:year|quarter)|occasional(?:ly)?|retreats?|offsites?|meetups?)\b/i;

/** The place an office-work sentence names, as written, when it reads as places. */
export function proseLocation(text: string): string | null {
  for (const m of text.matchAll(PROSE)) {
    const words = (m[1] ?? '').replace(SENTENCE_OPENER, '');
    if (OCCASIONAL.test(sentenceOf(text, m.index ?? 0, (m.index ?? 0) + m[0].length))) continue;
    if (readsAsPlaces(words)) return words;
  }
  return null;
}

/** The sentence around text[start, end): from the last stop before it to the first after. */
function sentenceOf(text: string, start: number, end: number): string {
  const from = Math.max(...['.', ';', '!', '?', '\n'].map((stop) => text.lastIndexOf(stop, start)));
  const to = text.slice(end).search(/[.;!?\n]/);
  return text.slice(from + 1, to === -1 ? text.length : end + to);
}
