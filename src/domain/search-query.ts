// A board search's words as filters on the entries' terms. Entries carry their stack tags'
// slugs among their terms ("postgresql"), so a word people write for a technology ("postgres",
// "golang", "nodejs") also finds what was tagged with it, not only listings using that word.
import { stackTaxonomy } from '../../config/stack-taxonomy.ts';
import { searchTerms } from './search-terms.ts';

/** Each query word with what it may also be found as: ["postgres", "postgresql"], ["remote"]. */
export function queryTermGroups(query: string): string[][] {
  return searchTerms(query).map((term) => {
    const slug = ALIAS_SLUGS.get(term);
    return slug ? [term, slug] : [term];
  });
}

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
