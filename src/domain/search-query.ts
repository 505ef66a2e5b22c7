// A board search's words as filters on the entries' terms. Entries carry their stack tags'
// slugs among their terms ("postgresql"), so a word people write for a technology ("postgres",
// "golang", "nodejs") also finds what was tagged with it, not only listings using that word.
// Other words also match their English singular or plural ("interview" finds "Interviews"),
// on the query's side, so the terms stored already need no rewrite.
import { stackTaxonomy } from '../../config/stack-taxonomy.ts';
import { searchTerms, searchWords, withoutDiacritics } from './search-terms.ts';

/**
 * A board search as filters on the entries' terms. A group is terms of which an entry must hold
 * one; a word, groups it must hold each (one group, or a CJK word's character pairs).
 * - all: groups an entry must each match;
 * - either: words joined by OR where one is a CJK word: an entry must have one of them whole;
 * - none: terms an entry must not hold ("-go"); noneWords: CJK words it must not hold whole.
 */
export type QueryTerms = {
  all: string[][];
  none: string[];
  either: string[][][][];
  noneWords: string[][][];
};

/**
 * Reads a search as people type one elsewhere: every word must match, "-word" leaves out what
 * has it, and "OR" (capitals, as in web search) between two words lets either match.
 */
export function parseQueryTerms(query: string): QueryTerms {
  const excluded: string[][][] = [];
  const kept = query.replace(/(^|\s)-(?=[\p{L}\p{N}.#+])(\S+)/gu, (_match, space, word) => {
    excluded.push(...queryWords(word));
    return space;
  });
  // Each clause: words of which an entry must have one (more than one only around an OR).
  const clauses: string[][][][] = [];
  for (const [i, part] of kept.split(/\s+OR\s+/).entries()) {
    const [first, ...rest] = queryWords(part);
    const joined = i > 0 ? clauses.at(-1) : undefined;
    if (first && joined) joined.push(first);
    else if (first) clauses.push([first]);
    for (const word of rest) clauses.push([word]);
  }
  const all: string[][] = [];
  const either: string[][][][] = [];
  for (const clause of clauses) {
    const [only] = clause;
    if (clause.length === 1 && only) all.push(...only);
    // Words of one group each: one group of all their terms.
    else if (clause.every((word) => word.length === 1))
      all.push([...new Set(clause.flatMap((word) => word[0] ?? []))]);
    else either.push(clause);
  }
  return {
    all,
    none: [...new Set(excluded.filter((w) => w.length === 1).flatMap((w) => w[0] ?? []))],
    either,
    noneWords: excluded.filter((w) => w.length > 1),
  };
}

/**
 * Each query word with what it may also be found as: ["postgres", "postgresql"], ["remote"].
 * A technology named in several words ("spring boot", "ruby on rails") is one group, its tag;
 * "node.js" is one word, found as written or as its tag.
 */
export function queryTermGroups(query: string): string[][] {
  return queryWords(query).flat();
}

/** The query's words, each as the groups an entry must each match (see QueryTerms). */
export function queryWords(query: string): string[][][] {
  const words: string[][][] = [];
  const rest = query
    .normalize('NFKC')
    .toLowerCase()
    .replace(PHRASES, (phrase) => {
      const slug = PHRASE_SLUGS.get(phraseKey(phrase));
      if (slug && !words.some((w) => w[0]?.[0] === slug)) words.push([[slug]]);
      return ' ';
    });
  for (const terms of searchWords(rest)) {
    const [term] = terms;
    if (terms.length > 1 || !term) {
      // A CJK word: each of its character pairs, as written.
      words.push(terms.map((pair) => [pair]));
      continue;
    }
    const bare = term.endsWith('.js') ? term.slice(0, -3) : null;
    const slug = ALIAS_SLUGS.get(term) ?? (bare && TAG_SLUGS.has(bare) ? bare : undefined);
    if (slug) words.push([[term, slug]]);
    else if (bare) words.push([[term]]);
    else words.push([TAG_SLUGS.has(term) ? [term] : [term, ...otherNumber(term)]]);
  }
  // "zurich" finds "Zürich" (entries hold both spellings); "zürich" also finds, by its own
  // spelling, entries stored before they did.
  return words.map((word) =>
    word.map((group) => [...new Set(group.flatMap((t) => [t, withoutDiacritics(t)]))]),
  );
}

/**
 * The singular of a plural word, or the plural of a singular: regular English forms only, and
 * only for plain words of 4+ letters (not "aws", "redis", "js"). A wrong guess ("postgre")
 * matches nothing, so it costs nothing but an extra alternative.
 */
export function otherNumber(word: string): string[] {
  if (!/^[a-z]{4,}$/.test(word) || NOT_PLURAL.has(word)) return [];
  if (/[^aeiou]ies$/.test(word)) return [`${word.slice(0, -3)}y`];
  if (/(?:ss|sh|ch|x|z)es$/.test(word)) return [word.slice(0, -2)];
  if (/(?:ss|us|is|os)$/.test(word)) return /ss$/.test(word) ? [`${word}es`] : [];
  if (word.endsWith('s')) return [word.slice(0, -1)];
  if (/[^aeiou]y$/.test(word)) return [`${word.slice(0, -1)}ies`];
  if (/(?:sh|ch|x|z)$/.test(word)) return [`${word}es`];
  return [`${word}s`];
}

// Words ending in "s" that are not plurals of the word without it ("news" is not many "new").
const NOT_PLURAL: ReadonlySet<string> = new Set(
  'news series species means always perhaps towards sometimes whereas besides thanks afterwards'.split(
    ' ',
  ),
);

const TAG_SLUGS: ReadonlySet<string> = new Set(stackTaxonomy.map((tag) => tag.slug));

// One-word aliases that name exactly one technology, other than its own slug. A word that is
// another tag's slug ("go"), or an alias of two tags, stays a plain word.
const ALIAS_SLUGS: ReadonlyMap<string, string> = (() => {
  const slugs = new Set(stackTaxonomy.map((tag) => tag.slug));
  const found = new Map<string, Set<string>>();
  for (const tag of stackTaxonomy) {
    for (const alias of [...tag.aliases, ...tag.contextual]) {
      // "node.js" is one word here: the tokenizer's extra "node" is for entries' terms.
      const words = searchTerms(alias).filter((w, i, all) => all[i - 1] !== `${w}.js`);
      const [word] = words;
      if (words.length !== 1 || !word || word === tag.slug || slugs.has(word)) continue;
      found.set(word, (found.get(word) ?? new Set()).add(tag.slug));
    }
  }
  return new Map(
    [...found].flatMap(([word, owners]) =>
      owners.size === 1 ? [[word, [...owners][0] as string] as const] : [],
    ),
  );
})();

/** A phrase as written in a query or an alias: its words, one space apart. */
const phraseKey = (phrase: string) =>
  phrase
    .split(/[\s-]+/)
    .filter(Boolean)
    .join(' ');

// Aliases of several words that name exactly one technology ("spring boot" → spring). A query
// naming one is searched by that tag: the listing's title need not hold every word of it.
const PHRASE_SLUGS: ReadonlyMap<string, string> = (() => {
  const found = new Map<string, Set<string>>();
  for (const tag of stackTaxonomy) {
    for (const alias of [tag.name, ...tag.aliases, ...tag.contextual]) {
      const key = phraseKey(alias.normalize('NFKC').toLowerCase());
      if (!/^[\p{L}\p{N}]+(?: [\p{L}\p{N}]+)+$/u.test(key)) continue;
      found.set(key, (found.get(key) ?? new Set()).add(tag.slug));
    }
  }
  return new Map(
    [...found].flatMap(([key, owners]) =>
      owners.size === 1 ? [[key, [...owners][0] as string] as const] : [],
    ),
  );
})();

// Longest first, so "spring boot" wins over a shorter phrase it contains; whole words only.
const PHRASES = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${[...PHRASE_SLUGS.keys()]
    .sort((a, b) => b.length - a.length)
    .map((key) => key.split(' ').map(escapeWord).join('[\\s-]+'))
    .join('|')})(?![\\p{L}\\p{N}])`,
  'gu',
);

function escapeWord(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
