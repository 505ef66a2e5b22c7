// Scanning text with the enrichment's large patterns (thousand-name alternations) without paying
// for them where they cannot match. Each way here finds exactly what `text.matchAll` finds.
//
// - `allMatches` reuses the pattern: matchAll clones it per call, and cloning a pattern of tens of
//   kilobytes of source costs more than running it over a listing.
// - `nameStarts` finds where a name from a long list could begin, with one pass over the words
//   and a set lookup; `matchesAt` then tries a pattern that opens with the list ("US only", "EU
//   residents only") only there instead of at every word. The candidates are a superset of where
//   such a pattern can match, so its matches are those of a full scan.

/** Finds the candidate starts of a name list in a text; see `nameStarts`. */
export type NameStarts = (text: string) => number[];

// Maximal runs: each match starts where the one before ended on a non-letter, so no lookbehind.
const WORD = /[\p{L}\p{N}]+/gu;
const LEADING_RUN = /^[\p{L}\p{N}]+/u;
// After a name's first run of letters, a pattern piece that needs one non-letter in the text
// ("[\s-]+", "\s+", "\.", "'", "-"): the text's word then ends where the name's run ends. An
// optional dot ("U\.?S\.?") ends the word when present and joins the runs when absent ("u",
// "us"). Anything else ("Trinidad\s*(?:&|and)") may run on into further letters, so the run is
// only a prefix of the text's word.
const CLOSED_BY =
  /^(?:$|\[\\s-\]\+|\\s\+|\\s(?![*?{])|\\[^\p{L}\p{N}](?![*?{])|[^\\\p{L}\p{N}([.](?![*?{]))/u;
// A name opening with an escaped or plain punctuation mark (".net"): tried wherever it occurs.
const PUNCTUATION_OPENER = /^(?:\\([^\p{L}\p{N}])|([^\\\p{L}\p{N}([.]))(?![*?{])/u;
const NON_ASCII = /[^\p{ASCII}]/u;
const SPACE = /\s/;

/** A word as a case-insensitive ("iu") pattern compares it; ſ folds to s there, not in toLowerCase. */
const fold = (word: string) => {
  const lower = word.toLowerCase();
  return lower.includes('ſ') ? lower.replace(/ſ/g, 's') : lower;
};
const OPTIONAL_DOT = '\\.?';

/** The words a name's text can open with: exact ones, and a prefix when the first may run on. */
function openingWords(source: string): { exact: string[]; prefix: string | null } | null {
  const exact: string[] = [];
  let word = '';
  let rest = source;
  for (;;) {
    const run = LEADING_RUN.exec(rest)?.[0];
    if (!run) return word ? { exact, prefix: word } : null;
    word += run;
    rest = rest.slice(run.length);
    if (rest.startsWith(OPTIONAL_DOT)) {
      exact.push(word);
      rest = rest.slice(OPTIONAL_DOT.length);
      if (CLOSED_BY.test(rest)) return { exact, prefix: null };
      continue;
    }
    if (CLOSED_BY.test(rest)) return { exact: [...exact, word], prefix: null };
    return { exact, prefix: word };
  }
}

/**
 * A finder of where any of `patterns` (regular-expression sources of names, as `namePattern`
 * writes them, each run case-insensitively behind a "not after a letter" guard) could begin:
 * word starts whose word is a name's first word, the places of a punctuation mark that opens a
 * name, and with `leadingThe` the "the " before such a word (`(?:the\s+)?` opens a place list).
 */
export function nameStarts(
  patterns: readonly string[],
  options: { leadingThe?: boolean } = {},
): NameStarts {
  const exact = new Set<string>();
  const prefixes = new Set<string>();
  const openers = new Set<string>();
  let everyWord = false;
  for (const source of patterns) {
    const words = openingWords(source);
    const opener = PUNCTUATION_OPENER.exec(source);
    if (!words && opener) openers.add((opener[1] ?? opener[2]) as string);
    else if (!words) throw new Error(`a name pattern must open with a letter or a mark: ${source}`);
    // Case folding beyond ASCII is not toLowerCase's: such a name is looked for at every word.
    else if ([...words.exact, words.prefix ?? ''].some((w) => NON_ASCII.test(w))) everyWord = true;
    else {
      for (const word of words.exact) exact.add(fold(word));
      if (words.prefix) prefixes.add(fold(words.prefix));
    }
  }
  const prefixList = [...prefixes];
  const isCandidate = (word: string) =>
    everyWord || exact.has(word) || prefixList.some((p) => word.startsWith(p));
  // Several readers scan the same text in a row (eligibility, then time zones): the last answer is kept.
  let last: { text: string; starts: number[] } | null = null;
  return (text) => {
    if (last?.text === text) return last.starts;
    const starts: number[] = [];
    for (const m of text.matchAll(WORD)) {
      if (!isCandidate(fold(m[0]))) continue;
      if (options.leadingThe) {
        let before = m.index;
        while (before > 0 && SPACE.test(text[before - 1] as string)) before--;
        const the = before < m.index && before >= 3 ? text.slice(before - 3, before) : '';
        if (the.toLowerCase() === 'the') starts.push(before - 3);
      }
      starts.push(m.index);
    }
    for (const mark of openers) {
      for (let at = text.indexOf(mark); at !== -1; at = text.indexOf(mark, at + 1)) starts.push(at);
    }
    if (openers.size > 0) starts.sort((x, y) => x - y);
    last = { text, starts };
    return starts;
  };
}

/**
 * What `text.matchAll(pattern)` yields, trying `pattern` only at `starts` (ascending). `pattern`
 * must be sticky; every place it can match must be among the starts.
 */
export function matchesAt(pattern: RegExp, text: string, starts: number[]): RegExpExecArray[] {
  if (!pattern.sticky) throw new Error(`matchesAt needs a sticky pattern: /${pattern.source}/`);
  const matches: RegExpExecArray[] = [];
  let from = 0;
  for (const start of starts) {
    if (start < from) continue;
    pattern.lastIndex = start;
    const m = pattern.exec(text);
    if (!m) continue;
    matches.push(m);
    from = m.index + Math.max(1, m[0].length);
  }
  return matches;
}

/** What `text.matchAll(pattern)` yields, without cloning `pattern` (which must be global). */
export function allMatches(pattern: RegExp, text: string): RegExpExecArray[] {
  if (!pattern.global) throw new Error(`allMatches needs a global pattern: /${pattern.source}/`);
  const matches: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    matches.push(m);
    // An empty match would be found again at the same place: step past it, as matchAll does.
    if (m[0] === '') pattern.lastIndex = nextIndex(text, pattern.lastIndex, pattern.unicode);
  }
  return matches;
}

function nextIndex(text: string, index: number, unicode: boolean): number {
  const high = text.charCodeAt(index);
  const low = text.charCodeAt(index + 1);
  const pair = unicode && high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff;
  return index + (pair ? 2 : 1);
}
