// Some boards print the location inside the description instead of a feed element: We Work
// Remotely (2015) "Location: Los Angeles, CA URL: …", Research Computing Teams "Location:
// Remote USA Categories: …". The value ends with its line (a paragraph, list item or <br> in
// the HTML), or where the next "Label:" begins when a plain-text feed runs lines together;
// without either within reach the line is not read.
import { readsAsPlaces } from './location.ts';

// The label as boards write it in English anywhere in the text, and in French, German, Spanish,
// Portuguese and Italian ("Lieu : Paris", "Standort: München", "Ubicación: Madrid", "Sede:
// Milano") where a statement starts: a line, or after a sentence or a bullet. Those words are
// ordinary words in prose too ("La nostra sede: Roma è bella"), and an English "Location:" line
// wins over them wherever it stands.
const ENGLISH = String.raw`\bLocation`;
const OTHER_WORDS = [
  'Lieu de travail',
  'Lieu',
  'Localisation',
  'Standort',
  'Arbeitsort',
  'Einsatzort',
  'Ort',
  'Ubicación',
  'Ubicacion',
  'Localización',
  'Localizacion',
  'Localização',
  'Localizacao',
  'Sede di lavoro',
  'Sede',
  'Luogo di lavoro',
  'Luogo',
];
const OTHER_LABEL = OTHER_WORDS.flatMap((w) => [w, w.toUpperCase()]).join('|');
const OTHER = String.raw`(?<=(?:^|[\n.!?;•·])[^\S\n]*(?:[-*][^\S\n]*)?)(?:${OTHER_LABEL})`;

// After the value: its line's end, or in a plain-text feed the next "Label:" (one capitalized
// word, accents included; two or three when the first is a usual label's, as in "Job Type:",
// "Salary Range:", "Date Posted:": any capitalized first word would cut "New York City
// Salary:" after "New") or a known trailer.
const LABEL_HEADS = [
  ...['Job', 'Employment', 'Contract', 'Work', 'Working', 'Salary', 'Pay', 'Compensation'],
  ...['Experience', 'Seniority', 'Date', 'Company', 'Visa', 'Time', 'Team', 'Department'],
  ...['Posted', 'Apply', 'Application', 'Closing', 'Start', 'Education', 'Required', 'Travel'],
].join('|');
const NEXT_LABEL = String.raw`(?:\p{Lu}\p{Ll}+|URL|(?:${LABEL_HEADS})(?:[^\S\n]+\p{L}+){1,2})\s*:`;
const VALUE = String.raw`[^\S\n]*:[^\S\n]*([^:\n]{1,120}?)[^\S\n]*(?:\n|\s(?:${NEXT_LABEL}|View Job Posting\b|To apply\b))`;
const LABELED = [new RegExp(ENGLISH + VALUE, 'u'), new RegExp(OTHER + VALUE, 'u')];
// Where none of the other words stands before a colon, OTHER cannot match: this plain scan
// spares its lookbehind, which V8 tries at every position of the text.
const MAY_HAVE_OTHER = new RegExp(String.raw`(?:${OTHER_LABEL})[^\S\n]*:`, 'u');

// A plain-text feed runs its paragraphs together: "Location: Berlin, Germany Remote (EU only).
// …". A capitalized workplace word straight after a place (no "or", "/", "," … between them)
// starts the next statement.
const RUN_ON =
  /(?<=[\p{L}\p{N}.)])(?<!\b(?:or|and|OR|AND))\s+(?=(?:Remote|Hybrid|On-?site|Onsite|In-office)\b)/u;

/** The first "Location:" line of a listing's plain text, or null. */
export function labeledLocation(text: string): string | null {
  // Text with line ends was read from HTML by blocks: its last line ends like the others. A
  // plain-text feed's text has none, and its end says nothing about where a value ends.
  const lines = text.includes('\n') ? `${text}\n` : text;
  const value = labelValue(LABELED, lines) ?? placeToTheEnd(text);
  if (!value) return null;
  const runOn = RUN_ON.exec(value);
  const line = runOn && runOn.index > 0 ? value.slice(0, runOn.index) : value;
  return line.replace(SENTENCE_END, '');
}

// The full stop or comma that ends the sentence the value sat in ("Berlin, Germany. Hybrid"),
// not an abbreviation's ("Washington, D.C."): only after a word of two letters or more.
const SENTENCE_END = /(?<=\p{L}{2}|\))[.,;]+$/u;

const TO_THE_END = [ENGLISH, OTHER].map(
  (label) => new RegExp(String.raw`${label}[^\S\n]*:[^\S\n]*([^:\n]{1,120}?)[.\s]*$`, 'u'),
);

/** The first label's value (English before the others), trying the others only where they stand. */
function labelValue([english, other]: RegExp[], text: string): string | undefined {
  const value = english?.exec(text)?.[1]?.trim();
  if (value) return value;
  return MAY_HAVE_OTHER.test(text) ? other?.exec(text)?.[1]?.trim() || undefined : undefined;
}

/**
 * A one-line text that ends with its "Location:" value ("<p>Location: Berlin, Germany</p>" read
 * from HTML): taken when the value reads as places, and nothing else: in a plain-text feed's
 * run-on paragraphs ("Location: Berlin, Germany We are a team of 40.") it would not.
 */
function placeToTheEnd(text: string): string | undefined {
  if (text.includes('\n')) return undefined;
  const value = labelValue(TO_THE_END, text);
  if (!value) return undefined;
  return readsAsPlaces(value) ? value : undefined;
}
