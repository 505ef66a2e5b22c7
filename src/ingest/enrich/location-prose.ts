// Where the job is, from a description that says it only in a sentence: "Hybrid in München,
// Germany", "This is a hybrid role in London, UK", "On-site in Austin, TX". Only after a word
// that puts the work at an office: "based in Berlin" is as often a remote company's address,
// and "remote in Canada" says who may apply (eligibility reads that), not where the job is.
import { readLocation } from './location.ts';

// Written out in both cases: under the "i" flag \p{Lu} would match lower case too.
const ARRANGEMENT =
  '(?:[Hh]ybrid|HYBRID|[Oo]n[- ]?[Ss]ite|ON[- ]?SITE|[Ii]n[- ][Oo]ffice|[Ii]n[- ][Pp]erson|[Oo]ffice[- ][Bb]ased)';
const NOUN = '(?:(?:role|position|job|work|working|schedule|setup|set-up|arrangement)\\s+)?';
const WORD = "\\p{Lu}[\\p{L}\\p{M}'’-]*";
// Capitalized words joined by spaces or commas: "München, Germany", "San Francisco, CA".
const PLACE_WORDS = `${WORD}(?:(?:,[^\\S\\n]*|[^\\S\\n]+)${WORD})*`;
const PROSE = new RegExp(
  `(?<![\\p{L}-])${ARRANGEMENT}[^\\S\\n]*(?:[(,:\\u2013\\u2014-][^\\S\\n]*)?${NOUN}(?:in|at)[^\\S\\n]+(?:the[^\\S\\n]+)?(${PLACE_WORDS})`,
  'gu',
);
// A sentence may run on in capitals ("On-site in Austin, TX We are…"): shorter readings are tried.
const MAX_WORDS = 6;

/** The place an office-work sentence names, as written, when it reads as a city or country. */
export function proseLocation(text: string): string | null {
  for (const m of text.matchAll(PROSE)) {
    const words = (m[1] ?? '').split(/(?<=,)[^\S\n]*|[^\S\n]+/).slice(0, MAX_WORDS);
    for (let n = words.length; n > 0; n--) {
      const candidate = words.slice(0, n).join(' ').replace(/,$/, '');
      if (readsAsPlace(candidate)) return candidate;
    }
  }
  return null;
}

function readsAsPlace(candidate: string): boolean {
  const reading = readLocation(candidate);
  const read = reading.places.length > 0 && reading.places.every((p) => p.place !== null);
  return read && (reading.city !== null || reading.country !== null);
}
