// Finding JobPosting objects anywhere in a parsed script: one walk covers the shapes pages use
// (a lone object, arrays, @graph, ItemList → ListItem.item, WebPage.mainEntity) and framework
// state (__NEXT_DATA__ props) alike. The walk is iterative and bounded in depth and node count,
// since a page can embed megabytes of state and the ingest worker must not stall on one page.
import { isObject, type Json, text, typeNames } from './jsonld-values.ts';

/** How deep below the script's root a posting is looked for. */
export const MAX_DEPTH = 12;
/** How many objects and arrays one script's walk visits before giving up on the rest. */
export const MAX_NODES = 50_000;
// Framework state sometimes carries a page's JSON-LD as a string; larger strings are not JSON-LD.
const MAX_JSON_STRING = 1_000_000;

/** What a walk found; `truncated` when the node limit cut it short. */
export type FoundPostings = { postings: Json[]; truncated: boolean };

// 'json-ld' trusts only @type; 'page-data' also takes untyped objects shaped like a posting, and
// looks inside strings holding JSON-LD. Nodes with an @id go into `ids` so references such as
// {"@id": "#org"} can be followed later. A posting is not searched inside.
/** JobPosting objects in a parsed script, in document order, within MAX_DEPTH and MAX_NODES. */
export function findPostings(
  root: unknown,
  mode: 'json-ld' | 'page-data',
  ids: Map<string, Json> = new Map(),
): FoundPostings {
  const postings: Json[] = [];
  const stack: Array<{ value: unknown; depth: number }> = [{ value: root, depth: 0 }];
  let nodes = 0;
  let truncated = false;
  while (stack.length > 0) {
    const { value, depth } = stack.pop() as { value: unknown; depth: number };
    if (typeof value === 'string') {
      const inner = embeddedJson(value);
      if (inner !== undefined) stack.push({ value: inner, depth });
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    nodes++;
    if (isObject(value)) {
      if (isPosting(value, mode)) {
        postings.push(value);
        continue;
      }
      const id = text(value['@id']);
      if (id && Object.keys(value).some((key) => !key.startsWith('@'))) ids.set(id, value);
    }
    if (depth >= MAX_DEPTH) continue;
    const children = (Array.isArray(value) ? value : Object.values(value)).filter(
      (child) =>
        (typeof child === 'object' && child !== null) ||
        (mode === 'page-data' && typeof child === 'string'),
    );
    // Capping the stack keeps a million-element array from being queued whole.
    const room = Math.max(0, MAX_NODES - nodes - stack.length);
    if (children.length > room) truncated = true;
    for (let i = Math.min(children.length, room) - 1; i >= 0; i--) {
      stack.push({ value: children[i], depth: depth + 1 });
    }
  }
  return { postings, truncated };

  function embeddedJson(value: string): unknown {
    if (mode !== 'page-data' || value.length > MAX_JSON_STRING) return undefined;
    if (!/^\s*[[{]/.test(value) || !value.includes('JobPosting')) return undefined;
    try {
      return JSON.parse(value);
    } catch {
      return undefined;
    }
  }
}

/** A schema.org JobPosting by its @type; in page data, also by the fields only a posting has. */
export function isPosting(node: Json, mode: 'json-ld' | 'page-data'): boolean {
  if (typeNames(node).some((type) => type.toLowerCase() === 'jobposting')) return true;
  return (
    mode === 'page-data' &&
    text(node.title) !== null &&
    node.datePosted !== undefined &&
    node.datePosted !== null &&
    node.hiringOrganization !== undefined &&
    node.hiringOrganization !== null
  );
}
