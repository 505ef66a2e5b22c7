// A board search's words as filters on the entries' terms. Entries carry their stack tags'
// slugs among their terms ("postgresql"), so a word people write for a technology ("postgres",
// "golang", "nodejs") also finds what was tagged with it, not only listings using that word.
// Other words also match their English singular or plural ("interview" finds "Interviews"),
// on the query's side, so the terms stored already need no rewrite.
import { stackTaxonomy } from '../../config/stack-taxonomy.ts';
import { searchTerms } from './search-terms.ts';

/** Each query word with what it may also be found as: ["postgres", "postgresql"], ["remote"]. */
export function queryTermGroups(query: string): string[][] {
  return searchTerms(query).map((term) => {
    const slug = ALIAS_SLUGS.get(term);
    if (slug) return [term, slug];
    return TAG_SLUGS.has(term) ? [term] : [term, ...otherNumber(term)];
  });
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
      const words = searchTerms(alias);
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
