// Search runs as `{ terms: { $all: [...] } }` on a multikey index (no $text on FerretDB), so the
// same tokenizer must build an entry's terms and split the user's query.

// Enough for a long CJK title, whose terms are about one per character.
const MAX_TERMS = 128;
const MAX_TERM_LENGTH = 40;
// A run of letters and digits; tech names are kept whole, punctuation and all, since splitting
// "c++" or ".net" would leave nothing to find.
// Names joined by "&" ("AT&T", "R&D") are one token too: apart, they are a stop word and a letter.
const TOKEN =
  /(?<![\p{L}\p{N}])(?:c\+\+|[cfj]#|(?:asp|ado|vb)?\.net|[\p{L}\p{N}]+\.js|socket\.io)(?![\p{L}\p{N}+#])|[\p{L}\p{N}]+(?:&[\p{L}\p{N}]+)+|[\p{L}\p{N}]+/gu;
// Short tokens that are names of languages, not noise.
const SHORT_TECH = new Set(['c', 'r']);
// Words too common to narrow a search. Not "it" (the IT field) nor "us" (the country).
const STOP_WORDS = new Set(
  (
    'a an and are as at be been but by can do does for from had has have he her his how i if in ' +
    'into is its me my no not of on or our she so than that the their them then there they this ' +
    'to was we were what when where which who will with you your'
  ).split(' '),
);

// Han, kana and Hangul write words without spaces between them, so a run of them is one token
// to TOKEN ("日本株式会社"), and a search for "日本" would find nothing. Such a run is kept as its
// overlapping pairs of characters (a lone character as itself), on both sides: a query's pairs
// are all among an entry's wherever its word stands, which a dictionary's word breaks, varying
// with the words around them, could not promise. An entry also holds each run's last character,
// so a one-character query finds any character as the start of a term. (The katakana long
// vowel mark "ー" is in no one script.)
const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー]/u;
const CJK_RUNS = /([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー]+)/u;
// Kana and Hangul decompose into letters and marks (バ = ハ + ゛): their marks are not accents.
const KANA_OR_HANGUL = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
// Below this code point no character is in CJK_CHAR: plain tokens skip the Unicode test.
const FIRST_CJK = 0x1100;

/** Lower-cased, deduplicated search tokens of the given texts (tech names like c++ and .net kept whole), at most 128. */
export function searchTerms(...parts: Array<string | null | string[]>): string[] {
  const terms = new Set<string>();
  for (const part of parts.flat()) {
    if (!part) continue;
    for (const term of tokenize(part)) {
      if (terms.size >= MAX_TERMS) return [...terms];
      terms.add(term);
    }
  }
  return [...terms];
}

/**
 * An entry's terms: its search tokens, and each one with diacritics again without them
 * ("zürich" and "zurich"), so a search typed without accents finds it. (A query keeps its own
 * spelling and adds the plain one as an alternative: see queryTermGroups.)
 */
export function entryTerms(...parts: Array<string | null | string[]>): string[] {
  const terms = new Set<string>();
  for (const term of searchTerms(...parts)) {
    if (terms.size >= MAX_TERMS) break;
    terms.add(term);
    const plain = withoutDiacritics(term);
    if (plain !== term && terms.size < MAX_TERMS) terms.add(plain);
  }
  return [...terms];
}

// Letters that carry no combining mark to drop, as people type them without one.
const PLAIN_LETTERS: Readonly<Record<string, string>> = {
  ß: 'ss',
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  đ: 'd',
  ł: 'l',
  ı: 'i',
};

/** A lower-case term without its accents and marks: "müller" → "muller", "łódź" → "lodz". */
export function withoutDiacritics(term: string): string {
  // Plain ASCII (terms hold no control characters) has no marks to drop.
  if (/^[ -~]*$/.test(term) || KANA_OR_HANGUL.test(term)) return term;
  return term
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[ßøæœđłı]/g, (c) => PLAIN_LETTERS[c] ?? c)
    .normalize('NFC');
}

function tokenize(text: string): string[] {
  const tokens: string[] = [];
  for (const word of searchWords(text, { keep: false })) {
    tokens.push(...word);
    // "node.js" is also found by "node".
    const [only] = word;
    if (word.length === 1 && only?.endsWith('.js')) tokens.push(only.slice(0, -3));
    // A one-character search matches the terms that begin with it (isCjkChar below); every
    // character of a CJK run begins one of its pairs but the last, kept on its own.
    const last = word.at(-1);
    const pair = last && hasCjk(last) ? Array.from(last) : [];
    if (pair.length === 2) tokens.push(pair[1] as string);
  }
  return tokens.filter(keepToken);
}

/**
 * Whether a search term is one CJK character: found as the first character of an entry's
 * terms (a pair, or a run's last character), since entries hold pairs, not characters.
 */
export function isCjkChar(term: string): boolean {
  return term.length <= 2 && Array.from(term).length === 1 && CJK_CHAR.test(term);
}

/**
 * The words of a text, each as the terms an entry must all hold to have it: one term, or for
 * a CJK run its character pairs ("エンジニア" → エン, ンジ, ジニ, ニア). What a query's AND, OR
 * and "-" apply to (search-query.ts).
 */
export function searchWords(text: string, { keep = true } = {}): string[][] {
  const lower = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/['’]s\b/g, '') // possessive: "company's" → "company"
    .replace(/(\p{L})['’](\p{L})/gu, '$1$2'); // "don't" → "dont"
  const joined = lower.includes('・') ? lower.replace(KANA_DOT, '') : lower;
  const words: string[][] = [];
  for (const [token] of joined.matchAll(TOKEN)) {
    if (hasCjk(token)) words.push(...cjkWords(token));
    else words.push([token]);
  }
  if (!keep) return words;
  return words.map((word) => word.filter(keepToken)).filter((word) => word.length > 0);
}

const keepToken = (token: string) =>
  token.length <= MAX_TERM_LENGTH &&
  (token.length >= 2 || SHORT_TECH.has(token) || CJK_CHAR.test(token)) &&
  !STOP_WORDS.has(token);

// "バックエンド・エンジニア" is the compound "バックエンドエンジニア" written with a separating
// dot; read as one run, so the dotted and the plain spellings find each other.
const KANA_DOT = /(?<=\p{Script=Katakana}|ー)・(?=\p{Script=Katakana})/gu;

function hasCjk(token: string): boolean {
  for (let i = 0; i < token.length; i++)
    if (token.charCodeAt(i) >= FIRST_CJK) return CJK_CHAR.test(token);
  return false;
}

/** A token mixing scripts as words: other text whole, each CJK run as its character pairs. */
function cjkWords(token: string): string[][] {
  const words: string[][] = [];
  // split() with a capture group: other text and CJK runs alternate, CJK runs at odd indexes.
  for (const [i, part] of token.split(CJK_RUNS).entries()) {
    if (!part) continue;
    if (i % 2 === 0) {
      words.push([part]);
      continue;
    }
    const chars = Array.from(part);
    if (chars.length === 1) words.push([part]);
    else words.push(chars.slice(1).map((char, c) => `${chars[c]}${char}`));
  }
  return words;
}
