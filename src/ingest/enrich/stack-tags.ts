// Stack tags from listing text. Aliases match case-insensitively on word boundaries, longest
// first, so "JavaScript" is not Java, "trust" is not Rust and "ASP.NET" is not a bare ".NET".
// Some names are also everyday words or letters ("Go", "C", "R", "Spring", "React", "node");
// those count only in a tech context, which is, after no veto ("go-getter", "Series C", "R&D",
// "Intel(R)", "Spring 2026", "Let's Go", "C. album"):
//   - written capitalized and followed by a tech noun or a version ("Go developer", "R 4.3");
//   - capitalized after "in/with/using/of" for languages, "with/using" for the others, and not
//     followed by another capitalized word ("written in Go"; not "the lab of Julia Chen");
//   - capitalized after a role noun ("Backend Engineer (Go)");
//   - in a list next to another accepted tag ("Python, Go and Rust", "C/C++", "Java Spring");
//     lower case only between two accepted tags ("python, go, rust");
//   - a whole item of a structured list (skills, categories): ["Go", "Docker"].
import { type StackTag, stackImplies, stackTaxonomy } from '../../../config/stack-taxonomy.ts';
import { matchesAt, nameStarts } from './pattern-scan.ts';

type Alias = { tag: StackTag; contextual: boolean };
type Hit = { start: number; end: number; raw: string; alias: Alias; ok: boolean };

const ALIASES = new Map<string, Alias>();
for (const tag of stackTaxonomy) {
  for (const alias of tag.aliases) ALIASES.set(alias, { tag, contextual: false });
  for (const alias of tag.contextual) ALIASES.set(alias, { tag, contextual: true });
}
const SLUGS = new Map(stackTaxonomy.map((tag) => [tag.slug, tag]));

const aliasPattern = (text: string) =>
  text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace(/ /g, '\\s+');
const ALIAS_SOURCES = [...ALIASES.keys()].sort((a, b) => b.length - a.length).map(aliasPattern);
// Longest first: at each position the regex takes the first alternative that matches. Sticky, and
// tried only where an alias can begin (see pattern-scan.ts).
const ALIAS_PATTERN = new RegExp(
  `(?<![\\p{L}\\p{N}_])(?:${ALIAS_SOURCES.join('|')})(?![\\p{L}\\p{N}_+#])`,
  'iuy',
);
const aliasStarts = nameStarts(ALIAS_SOURCES);
// URLs and e-mail addresses name hosts, not technologies ("gotealeaf.com", "golang.org/x").
// Tried only where a run of non-spaces begins, where every match begins anyway: from inside a
// run, \S* would re-read the rest of the run at each character.
const ADDRESS = /(?<!\S)\S*(?::\/\/|www\.|@)\S*/gi;

const TECH_NOUNS = new Set(
  `developer developers engineer engineers engineering programmer programmers programming code
  codebase coding language services service microservices backend back-end api apis module modules
  package packages library libraries framework frameworks runtime toolchain compiler application
  applications app apps stack experience expertise skills knowledge proficiency development dev
  devs project projects ecosystem components hooks charts cluster clusters streaming scripts
  scripting server servers buckets`.split(/\s+/),
);
const STOP_BEFORE = new Set(
  `series vitamin plan grade tier type class section part phase appendix level block category
  option room building unit step round figure table item let's lets let’s`.split(/\s+/),
);

/** Canonical stack tag slugs named in texts and structured lists; sorted, deduplicated. */
export function matchStackTags(...texts: Array<string | null | string[]>): string[] {
  const slugs = new Set<string>();
  for (const text of texts) {
    if (Array.isArray(text)) for (const item of text) listItemTags(item, slugs);
    else if (text) for (const slug of textTags(text)) slugs.add(slug);
  }
  for (const slug of [...slugs]) for (const implied of stackImplies[slug] ?? []) slugs.add(implied);
  return [...slugs].sort();
}

/** Finds the tag a structured list item names exactly (alias or slug); else reads it as text. */
function listItemTags(item: string, into: Set<string>): void {
  const key = item.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
  const tag = ALIASES.get(key)?.tag ?? SLUGS.get(key);
  if (tag) into.add(tag.slug);
  else for (const slug of textTags(item)) into.add(slug);
}

function textTags(input: string): string[] {
  const text = input.normalize('NFKC').replace(ADDRESS, ' ');
  const hits: Hit[] = [];
  for (const match of matchesAt(ALIAS_PATTERN, text, aliasStarts(text))) {
    const raw = match[0];
    const alias = ALIASES.get(raw.toLowerCase().replace(/\s+/g, ' '));
    if (!alias) continue;
    const hit = { start: match.index, end: match.index + raw.length, raw, alias, ok: false };
    if (alias.contextual && vetoed(text, hit)) continue;
    hit.ok = !alias.contextual || ownContext(text, hit);
    hits.push(hit);
  }
  acceptListNeighbours(text, hits);
  return hits.filter((hit) => hit.ok).map((hit) => hit.alias.tag.slug);
}

function vetoed(text: string, hit: Hit): boolean {
  const before = text[hit.start - 1] ?? '';
  const after = text[hit.end] ?? '';
  if (before === '-' || after === '-' || /[&'’]/.test(after)) return true;
  if (hit.raw.length === 1 && before === '(' && after === ')') return true;
  // A letter, a full stop and a lower-case word is a species ("C. album", "E. coli"), not a
  // language; a sentence that ends on one ("written in C. Also…") goes on capitalized.
  if (hit.raw.length === 1 && /^\.\s+\p{Ll}/u.test(text.slice(hit.end, hit.end + 4))) return true;
  if (/^\s+(?:19|20)\d\d\b/.test(text.slice(hit.end, hit.end + 6))) return true;
  return STOP_BEFORE.has(wordBefore(text, hit.start)?.toLowerCase() ?? '');
}

function ownContext(text: string, hit: Hit): boolean {
  if (!capitalized(hit.raw)) return false;
  const after = text.slice(hit.end, hit.end + 40);
  if (/^\s+v?\d+\.\d+/.test(after)) return true;
  const next = /^\s*([\p{L}][\p{L}-]*)/u.exec(after)?.[1];
  if (next && TECH_NOUNS.has(next.toLowerCase())) return true;
  const before = text.slice(Math.max(0, hit.start - 40), hit.start);
  if (/(?:engineer|developer|programmer)s?\s*[(:–—-]\s*$/i.test(before)) return true;
  const preps =
    hit.alias.tag.group === 'languages' ? /^(?:in|with|using|of|via)$/i : /^(?:with|using)$/i;
  const previous = wordBefore(text, hit.start);
  // "the lab of Julia Chen": a capitalized word after it makes it a name, not a language.
  return previous !== null && preps.test(previous) && !(next && capitalized(next));
}

/** Accepts contextual hits listed next to accepted ones, until nothing changes. */
function acceptListNeighbours(text: string, hits: Hit[]): void {
  let changed = true;
  while (changed) {
    changed = false;
    hits.forEach((hit, i) => {
      if (hit.ok) return;
      const left = hits[i - 1];
      const right = hits[i + 1];
      const leftGap = left?.ok ? gapKind(text.slice(left.end, hit.start)) : null;
      const rightGap = right?.ok ? gapKind(text.slice(hit.end, right.start)) : null;
      const accepted = capitalized(hit.raw)
        ? leftGap !== null || rightGap !== null
        : leftGap === 'punctuation' && rightGap === 'punctuation';
      if (accepted) hit.ok = changed = true;
    });
  }
}

function gapKind(gap: string): 'punctuation' | 'words' | null {
  if (/^[\s,/|;+·•()]*[,/|;+·•()][\s,/|;+·•()]*$/.test(gap)) return 'punctuation';
  if (/^\s+$/.test(gap) || /^\s*,?\s*(?:and|or|&|and\/or|as well as|plus)\s+$/i.test(gap)) {
    return 'words';
  }
  return null;
}

function wordBefore(text: string, index: number): string | null {
  return /([\p{L}'’]+)\s+$/u.exec(text.slice(Math.max(0, index - 30), index))?.[1] ?? null;
}

function capitalized(word: string): boolean {
  const first = word.charAt(0);
  return first !== first.toLowerCase();
}
