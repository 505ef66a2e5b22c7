// Job pages that publish no feed still publish schema.org JobPosting data for Google's job
// search, usually as JSON-LD, and on Next.js sites often only inside the framework's state
// (__NEXT_DATA__). Reading it gives the same RawItems a feed would, with no selectors to keep.
// Pure and total: a broken script is a warning, never a throw, so one bad block on a page
// does not lose the postings in the others.

import { resolveUrl } from '../../domain/canonical-url.ts';
import { findPostings, MAX_NODES } from './jsonld-find.ts';
import { parseLooseJson } from './jsonld-loose-json.ts';
import { postingToRawItem } from './jsonld-posting.ts';
import { isObject, type Json, text } from './jsonld-values.ts';
import { loadHtml } from './load-html.ts';
import type { RawItem } from './raw-feed.ts';

/** The postings read from a page, what went wrong on the way, and where they were found. */
export type JsonLdReading = {
  items: RawItem[];
  warnings: string[];
  source: 'json-ld' | 'next-data' | 'none';
};

type Script = { type: string; id: string | null; body: string };

/** JobPostings embedded in a page (JSON-LD, else framework JSON such as __NEXT_DATA__). */
export function readJobPostings(html: string, pageUrl: string): JsonLdReading {
  // htmlparser2 (xmlMode off) keeps script bodies raw like parse5 does, at a third of the cost.
  const $ = loadHtml(html, { xml: { xmlMode: false } });
  const baseHref = $('base[href]').first().attr('href');
  const base = (baseHref ? resolveUrl(baseHref, pageUrl) : null) ?? pageUrl;
  const scripts: Script[] = $('script')
    .toArray()
    .map((el) => ({
      type: ($(el).attr('type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '',
      id: $(el).attr('id') ?? null,
      body: $(el).text(),
    }));
  const warnings: string[] = [];
  const ids = new Map<string, Json>();
  const ldScripts = scripts.filter((script) => script.type === 'application/ld+json');
  const ld = ldScripts.flatMap((script, i) =>
    readScript(script, `JSON-LD script ${i + 1}`, 'json-ld', ids, warnings),
  );
  if (ld.length > 0) return { items: toItems(ld, base, ids), warnings, source: 'json-ld' };
  // Next.js state first: it is where a page's own data lives; other JSON blocks are config.
  const dataScripts = scripts
    .filter((script) => script.type === 'application/json' || script.id === '__NEXT_DATA__')
    .sort((a, b) => Number(b.id === '__NEXT_DATA__') - Number(a.id === '__NEXT_DATA__'));
  const embedded = dataScripts.flatMap((script, i) => {
    const label = `JSON script ${i + 1}${script.id ? ` (#${script.id})` : ''}`;
    return readScript(script, label, 'page-data', new Map(), warnings);
  });
  if (embedded.length > 0) {
    return { items: toItems(embedded, base, new Map()), warnings, source: 'next-data' };
  }
  return { items: [], warnings, source: 'none' };
}

function readScript(
  script: Script,
  label: string,
  mode: 'json-ld' | 'page-data',
  ids: Map<string, Json>,
  warnings: string[],
): Json[] {
  if (script.body.trim() === '') return [];
  const parsed = parseLooseJson(script.body);
  if (!parsed.ok) {
    warnings.push(`${label} is not valid JSON: ${parsed.reason}`);
    return [];
  }
  const found = findPostings(parsed.value, mode, ids);
  if (found.truncated) warnings.push(`${label} is too large: searched only ${MAX_NODES} nodes`);
  return found.postings;
}

// Pages repeat a posting (an ItemList and the detail block, or two SEO plugins): the first wins.
function toItems(postings: Json[], base: string, ids: Map<string, Json>): RawItem[] {
  // "#org" and "https://example.com/jobs#org" name the same node.
  const absolute = (id: string) => resolveUrl(id, base) ?? id;
  const byUrl = new Map([...ids].map(([id, node]) => [absolute(id), node]));
  const deref = (value: unknown) => {
    if (!isObject(value) || Object.keys(value).some((key) => key !== '@id' && key !== '@type')) {
      return value;
    }
    const id = text(value['@id']);
    return (id && (ids.get(id) ?? byUrl.get(absolute(id)))) || value;
  };
  const seen = new Set<string>();
  const items: RawItem[] = [];
  for (const posting of postings) {
    const item = postingToRawItem(posting, base, deref);
    const keys = [
      item.guid === null ? null : `guid ${item.guid}`,
      item.link === null ? null : `link ${item.link} ${item.title ?? ''}`,
    ].filter((key): key is string => key !== null);
    if (keys.some((key) => seen.has(key))) continue;
    for (const key of keys) seen.add(key);
    items.push(item);
  }
  return items;
}
