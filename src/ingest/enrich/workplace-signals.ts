// The phrases that say where a job is done. Short fields (title, location, feed region) are
// read loosely: "Remote" there means the job. Description text is read strictly, because it
// also talks about "remote sensing", "our hybrid cloud" and "quarterly on-sites".

import {
  HYBRID_WORDS,
  ONSITE_WORDS,
  OTHER_REMOTE_IN_FIELD,
  REMOTE_WORDS,
  wholeWords,
} from './arrangement-words.ts';

/** What one piece of a listing says about remote, hybrid and office work. */
export type Signals = {
  remote: boolean;
  hybrid: boolean;
  onsite: boolean;
  /** "not remote", "remote is not an option": rules remote out. */
  notRemote: boolean;
  /** "remote or hybrid": remote is one of the arrangements offered. */
  remoteOption: boolean;
};

const NOT_REMOTE = [
  /\b(?:not|no|non)[- ](?:a\s+|an\s+)?(?:fully\s+|100%\s+)?(?:remote|work[- ]from[- ]home|wfh|telecommut\w*)\b/i,
  /\bremote\s+(?:work\s+)?(?:is\s+)?not\s+(?:available|possible|an\s+option|offered|permitted|allowed|supported)\b/i,
  /\b(?:cannot|can't|can\s+not|unable\s+to)\s+be\s+(?:done|performed|worked)?\s*remote(?:ly)?\b/i,
  /\bremote\s+(?:candidates|applicants|applications)\s+(?:will\s+not|won't)\s+be\s+considered\b/i,
];
// "remote or hybrid", "in-person, hybrid, and remote work": a list of arrangements naming remote.
const ARRANGEMENT = '(?:remote|hybrid|in-person|on-?site|in-office)';
const ARRANGEMENTS = new RegExp(
  `\\b${ARRANGEMENT}(?:\\s*(?:,|\\/|\\bor\\b|\\band\\b)\\s*(?:(?:and|or)\\s+)?${ARRANGEMENT})+\\b`,
  'gi',
);
// "2 days in office", "2-3 days per week in the office", "in office 3 days a week"; an
// in-person meetup "a few times a year" is not hybrid work.
const DAYS = '(?:\\d|one|two|three|four)\\s*(?:-\\s*\\d\\s*)?';
const PER_WEEK = '\\s*(?:a|per|each|every|\\/)\\s*(?:week|wk)\\b';
const OFFICE = '(?:in[- ](?:the[- ]|our[- ])?(?:\\w+[- ])?office|on[- ]?site|in[- ]person)';

const HYBRID_TEXT = [
  /\bhybrid\s*(?:[-(,:]\s*)?(?:(?:role|position|job|work(?:ing|place)?|schedule|set-?up|arrangement|policy|basis|opportunity|remote|in[- ]office|office|from)\b|in\s+\p{Lu})/iu,
  /\b(?:is|be|are|fully|a)\s+hybrid\b(?!\s+(?:of|cloud|apps?|mobile|infrastructure|environments?|approach|search|models?|solutions?|systems?|architecture|data|storage|networks?|deployments?)\b)/i,
  new RegExp(`\\b${DAYS}days?(?:${PER_WEEK})?\\s+${OFFICE}`, 'i'),
  new RegExp(`\\b${OFFICE}\\s+${DAYS}(?:days?|times?)${PER_WEEK}`, 'i'),
  /\bremote[- ]first\b[^.;]{0,40}?\boffice\s+days?\b/i,
  /\b(?:partially|partly)\s+remote\b/i,
];
const ONSITE_TEXT = [
  // "On-site in London, UK", "in-office in Berlin"; not one choice of several ("either onsite
  // in San Francisco or remote"), nor an occasional visit ("quarterly on-site in Vancouver").
  /(?<!\b(?:[Qq]uarterly|[Aa]nnual|[Yy]early|[Mm]onthly|[Oo]ccasional|[Pp]eriodic)\s+)\b(?:[Oo]n[- ]?[Ss]ite|[Ii]n[- ][Oo]ffice)\s+in\s+\p{Lu}(?![^.;!?]{0,60}\bor\s+(?:remote|hybrid)\b)/u,
  /\b(?:on[- ]?site|in[- ]office|in[- ]person|office[- ]based)\s+(?:only|role|position|job|opportunity|requirement|presence\s+(?:is\s+)?required)\b/i,
  /\b(?:(?:is|be|are|based|located)\s+(?:fully\s+|100%\s+|entirely\s+)?(?:on[- ]?site|in[- ]office|office[- ]based)|(?:work|working)\s+(?:fully\s+|100%\s+|entirely\s+)?(?:on[- ]?site|in[- ]office|in[- ]person))\b(?!\s+(?:reliability|meetings?|visits?|events?|retreats?|offsites?|gatherings?|sessions?|once|twice|quarterly|annually|occasionally|periodically|a\s+few|several|\d|as\s+needed|when))/i,
  /\brelocation\s+(?:is\s+)?(?:required|mandatory|necessary)\b|\bmust\s+(?:be\s+(?:willing|able)\s+to\s+)?relocate\b|\brequires?\s+relocation\b/i,
];
const REMOTE_TEXT = [
  /\b(?:100\s*%|fully|completely|entirely|wholly|totally|full[- ]time|permanently)[\s-]+remote\b/i,
  /\bremote(?:ly)?[- ](?:position|role|job|opportunity|first|only|friendly|ok|possible|welcome|contractors?|basis)\b/i,
  /\b(?:located|based)\s+anywhere\b/i,
  /\b(?:position|role|job|opportunity|this|it)\s+(?:is|will\s+be|can\s+be)\s+(?:a\s+)?(?:fully\s+)?remote\b(?![- ]?(?:sensing|control|monitoring|access|desktop|server|api|procedure))/i,
  /\blocation\s*:\s*(?:remote(?:ly)?|anywhere|worldwide|work\s+from\s+home)\b/i,
];
// Phrases that also describe an applicant's past ("experience working remotely", "familiar
// with a distributed team"): they count only when no such word leads into them.
const REMOTE_TEXT_IF_ABOUT_JOB = [
  /\b(?:work|working|works)\s+(?:100%\s+|fully\s+|completely\s+)?remotely\b/i,
  /\bwork(?:ing)?\s+(?:from\s+)?(?:home|anywhere)\b|\btelecommut(?:e|ing)\b/i,
  /\b(?:distributed|all-remote)\s+(?:team|company)\b/i,
];
const ABOUT_THE_APPLICANT = /\b(?:experience|experienced|familiar|familiarity)\b[^.;:!?]*$/i;

// Short fields: a bare word is enough, minus the technical senses of "remote".
const REMOTE_FIELD =
  /\b(?:remote(?:ly)?|work\s+from\s+home|wfh|telecommute)\b(?![- ]?(?:sensing|control|monitoring|access|desktop|server|procedure|patient|operations?\s+center))/i;
const HYBRID_FIELD = /\bhybrid\b(?!\s+(?:cloud|app|mobile|infrastructure|systems?))/i;
const ONSITE_FIELD = /\b(?:on[- ]?site|in[- ]office|in[- ]person|office[- ]based)\b/i;
const ANYWHERE_FIELD = /\b(?:anywhere|worldwide)\b/i;
// The other languages of location labels ("Télétravail (France uniquement)", "Remoto").
const OTHER_HYBRID_FIELD = wholeWords(HYBRID_WORDS);
const OTHER_ONSITE_FIELD = wholeWords(ONSITE_WORDS);

function remoteOption(text: string): boolean {
  return [...text.matchAll(ARRANGEMENTS)].some((m) => /remote/i.test(m[0]));
}

function statesRemote(text: string): boolean {
  if (REMOTE_TEXT.some((pattern) => pattern.test(text))) return true;
  return REMOTE_TEXT_IF_ABOUT_JOB.some((pattern) =>
    [...text.matchAll(new RegExp(pattern.source, 'gi'))].some(
      (m) => !ABOUT_THE_APPLICANT.test(text.slice(Math.max(0, m.index - 40), m.index)),
    ),
  );
}

/** Signals in a short field: a title, a location line, a feed's region. */
export function fieldSignals(text: string, options: { anywhereIsRemote: boolean }): Signals {
  return {
    remote:
      REMOTE_FIELD.test(text) ||
      OTHER_REMOTE_IN_FIELD.test(text) ||
      (options.anywhereIsRemote && ANYWHERE_FIELD.test(text)),
    hybrid: HYBRID_FIELD.test(text) || OTHER_HYBRID_FIELD.test(text),
    onsite: ONSITE_FIELD.test(text) || OTHER_ONSITE_FIELD.test(text),
    notRemote: NOT_REMOTE.some((p) => p.test(text)),
    remoteOption: remoteOption(text),
  };
}

/**
 * A sentence or line that is nothing but the arrangement, as short listings write it:
 * "Zürich, Switzerland. Hybrid.", "Remote. Elixir and Phoenix…", "Remote 🌍". A word alone
 * has no other sense to take ("remote sensing" is never a sentence of its own).
 */
const alone = (words: string) =>
  new RegExp(
    `(?:^|[.!?:\\n]\\s*)(?:${words})\\s*[\\p{Extended_Pictographic}\\uFE0F\\u200D\\s]*(?:[.!\\n]|$)`,
    'iu',
  );
const REMOTE_ALONE = alone(`(?:100\\s*%\\s+|fully\\s+)?(?:remote|${REMOTE_WORDS})`);
const HYBRID_ALONE = alone(`hybrid|${HYBRID_WORDS}`);
const ONSITE_ALONE = alone(`on[- ]?site|in[- ]office|in[- ]person|${ONSITE_WORDS}`);

/** Signals in description text, strict phrasings only. */
export function textSignals(text: string): Signals {
  return {
    remote: statesRemote(text) || REMOTE_ALONE.test(text),
    hybrid: HYBRID_TEXT.some((p) => p.test(text)) || HYBRID_ALONE.test(text),
    onsite: ONSITE_TEXT.some((p) => p.test(text)) || ONSITE_ALONE.test(text),
    notRemote: NOT_REMOTE.some((p) => p.test(text)),
    remoteOption: remoteOption(text),
  };
}
