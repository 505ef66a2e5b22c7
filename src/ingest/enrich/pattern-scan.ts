// Scanning text with the enrichment's large patterns (thousand-name alternations) without paying
// for them where they cannot match. Each way here finds exactly what `text.matchAll` finds.
//
// - `allMatches` reuses the pattern: matchAll clones it per call, and cloning a pattern of tens of
//   kilobytes of source costs more than running it over a listing.
// - `nameStarts` finds where a name from a long list could begin, with one pass over the words
//   and a set lookup; `matchesAt` then tries a pattern that opens with the list ("US only", "EU
//   residents only") only there instead of at every word. The candidates are a superset of where
//   such a pattern can match, so its matches are those of a full scan.
// - `keywordStarts` does the same for patterns that open with `\b` and a keyword ("must be based
//   in …", "only open to …"): one scan for every keyword of a set of patterns, then each pattern
//   tries only where one of its own keywords begins.

/** Finds the candidate starts of a name list in a text; see `nameStarts`. */
export type NameStarts = (text: string) => number[];

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/** The length in code units of the letter or digit at `at`, or 0 when none stands there. */
function wordCharLength(text: string, at: number): number {
  const c = text.charCodeAt(at);
  if (c < 0x80)
    return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ? 1 : 0;
  const point = text.codePointAt(at) as number;
  return LETTER_OR_DIGIT.test(String.fromCodePoint(point)) ? (point > 0xffff ? 2 : 1) : 0;
}

/**
 * Calls `visit` with the start and end of each word: each maximal run of letters and digits,
 * what `/[\p{L}\p{N}]+/gu` finds. Read code by code: running that pattern once per word cost
 * three times as much, and the place readers scan every listing's text several times.
 */
export function eachWord(text: string, visit: (start: number, end: number) => void): void {
  let at = 0;
  while (at < text.length) {
    let length = wordCharLength(text, at);
    if (length === 0) {
      at++;
      continue;
    }
    const start = at;
    while (length > 0) {
      at += length;
      length = at < text.length ? wordCharLength(text, at) : 0;
    }
    visit(start, at);
  }
}
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
  // Prefixes by first letter: a word is compared with the few that could open it.
  const prefixesByFirst = new Map<string, string[]>();
  for (const prefix of prefixes) {
    const first = prefix[0] as string;
    prefixesByFirst.set(first, [...(prefixesByFirst.get(first) ?? []), prefix]);
  }
  const isCandidate = (word: string) =>
    everyWord ||
    exact.has(word) ||
    (prefixesByFirst.get(word[0] as string)?.some((p) => word.startsWith(p)) ?? false);
  // Several readers scan the same text in a row (eligibility, then time zones): the last answer is kept.
  let last: { text: string; starts: number[] } | null = null;
  return (text) => {
    if (last?.text === text) return last.starts;
    const starts: number[] = [];
    // Folding the whole text once is cheaper than folding each word, and gives each word's own
    // folding wherever lower-casing keeps the length (all but a few letters, such as "İ").
    const folded = fold(text);
    const scanned = folded.length === text.length ? folded : text;
    const foldWord = scanned === folded ? (word: string) => word : fold;
    eachWord(scanned, (start, end) => {
      if (!isCandidate(foldWord(scanned.slice(start, end)))) return;
      if (options.leadingThe) {
        let before = start;
        while (before > 0 && SPACE.test(text[before - 1] as string)) before--;
        const the = before < start && before >= 3 ? text.slice(before - 3, before) : '';
        if (the.toLowerCase() === 'the') starts.push(before - 3);
      }
      starts.push(start);
    });
    for (const mark of openers) {
      for (let at = text.indexOf(mark); at !== -1; at = text.indexOf(mark, at + 1)) starts.push(at);
    }
    if (openers.size > 0) starts.sort((x, y) => x - y);
    last = { text, starts };
    return starts;
  };
}

/** For each pattern given to `keywordStarts`, the places in a text where it can match. */
export type KeywordStarts = (text: string) => number[][];

const ASCII_RUN = /^[a-z]+/i;
const QUANTIFIED = /^[?*{]/;

/**
 * The word prefixes a pattern opening with `\b` and a keyword can start with: `\bonly\s+`
 * gives "only", `\b(?:requires?|hiring)` gives "require" and "hiring", `\bremote(?:ly)?` gives
 * "remote". Throws for a source it cannot read, so a pattern is never silently left unscanned.
 */
export function leadingKeywords(source: string): string[] {
  if (!source.startsWith('\\b')) throw new Error(`a keyword pattern opens with \\b: /${source}/`);
  const rest = source.slice(2);
  const alternatives = rest.startsWith('(?:') ? groupAlternatives(rest, source) : [rest];
  return alternatives.map((alternative) => {
    const run = ASCII_RUN.exec(alternative)?.[0];
    const optionalLast = QUANTIFIED.test(alternative.slice(run?.length ?? 0));
    const prefix = optionalLast ? run?.slice(0, -1) : run;
    if (!prefix)
      throw new Error(`a keyword must open with letters: "${alternative}" in /${source}/`);
    return prefix.toLowerCase();
  });
}

/** The top-level alternatives of the group `(?:…)` that opens `rest`; it must not be optional. */
function groupAlternatives(rest: string, source: string): string[] {
  const alternatives: string[] = [];
  let depth = 0;
  let from = 3;
  for (let i = 3; i < rest.length; i++) {
    const c = rest[i];
    if (c === '\\') i++;
    else if (c === '(') depth++;
    else if (c === '|' && depth === 0) {
      alternatives.push(rest.slice(from, i));
      from = i + 1;
    } else if (c === ')' && depth-- === 0) {
      alternatives.push(rest.slice(from, i));
      if (QUANTIFIED.test(rest.slice(i + 1))) break;
      return alternatives;
    }
  }
  throw new Error(`a keyword pattern must open with a required group or word: /${source}/`);
}

/**
 * A finder for several patterns that each open with `\b` and a keyword: one scan for any of
 * their keywords, then for each pattern the places where one of its own begins. These are a
 * superset of where the pattern can match (its `\b` stands where a `\w` run begins, and that
 * run starts with one of its prefixes), so `matchesAt` there finds what a full scan finds.
 */
export function keywordStarts(sources: readonly string[]): KeywordStarts {
  const owners = new Map<string, number[]>();
  sources.forEach((source, index) => {
    for (const prefix of leadingKeywords(source)) {
      const list = owners.get(prefix) ?? [];
      if (!list.includes(index)) list.push(index);
      owners.set(prefix, list);
    }
  });
  const lengths = [...new Set([...owners.keys()].map((k) => k.length))];
  const escaped = [...owners.keys()].sort((a, b) => b.length - a.length);
  // The patterns' own flags, so `\b` and case folding (ſ, K) mean the same here as there.
  const finder = new RegExp(`\\b(?:${escaped.join('|')})`, 'giu');
  const run = /\w+/iuy;
  let last: { text: string; starts: number[][] } | null = null;
  return (text) => {
    if (last?.text === text) return last.starts;
    const starts = sources.map((): number[] => []);
    for (const hit of allMatches(finder, text)) {
      run.lastIndex = hit.index;
      const word = fold(run.exec(text)?.[0] ?? '');
      const found = new Set<number>();
      for (const length of lengths) {
        for (const index of owners.get(word.slice(0, length)) ?? []) found.add(index);
      }
      for (const index of found) starts[index]?.push(hit.index);
    }
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
