// A job seeker's own block list (companies and keywords), kept in a cookie: no account needed,
// nothing stored on our side. The cookie is untrusted input, so it is re-validated on every read.

export type Blocklist = { companies: string[]; keywords: string[] };

export const BLOCKLIST_COOKIE = 'bb_block';
export const MAX_BLOCKED = 30;
const MAX_LENGTH = 80;

export const emptyBlocklist = (): Blocklist => ({ companies: [], keywords: [] });

// Browsers drop a cookie over 4,096 bytes (name, value and attributes) without a word, so a
// list that would not fit is refused with a message instead. The value is base64url of the
// JSON: in the percent-encoding Express gives cookie values, a Cyrillic letter took 6 bytes
// and every quote 3, and 13 long Cyrillic company names filled the cookie.
export const MAX_COOKIE_VALUE = 3_800;

/** The block list a cookie value holds; anything malformed reads as empty, never as an error. */
export function parseBlocklist(value: string | undefined): Blocklist {
  if (!value) return emptyBlocklist();
  try {
    // Cookies written before the compact form hold the JSON itself.
    const json = value.startsWith('{') ? value : Buffer.from(value, 'base64url').toString('utf8');
    const data = JSON.parse(json) as Partial<Record<keyof Blocklist, unknown>>;
    return { companies: cleanList(data.companies), keywords: cleanList(data.keywords) };
  } catch {
    return emptyBlocklist();
  }
}

/** The cookie value for a block list. */
export function serializeBlocklist(list: Blocklist): string {
  const json = JSON.stringify({ companies: list.companies, keywords: list.keywords });
  return Buffer.from(json, 'utf8').toString('base64url');
}

/** Why a change was not made: the list kind is at its limit, or the cookie would not fit. */
export type BlocklistRefusal = 'full' | 'too_long';

/**
 * Adds or removes one company or keyword. An addition that would pass the limit of entries or
 * the cookie's size is refused (nothing is dropped behind the visitor's back).
 */
export function changeBlocklist(
  list: Blocklist,
  change: { kind: keyof Blocklist; value: string; remove: boolean },
): Blocklist | BlocklistRefusal {
  const value = clean(change.value);
  if (!value) return list;
  const kept = list[change.kind].filter((v) => v.toLowerCase() !== value.toLowerCase());
  if (change.remove) return { ...list, [change.kind]: kept };
  if (kept.length >= MAX_BLOCKED) return 'full';
  const next = { ...list, [change.kind]: [...kept, value] };
  return serializeBlocklist(next).length > MAX_COOKIE_VALUE ? 'too_long' : next;
}

function cleanList(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const seen = new Set<string>();
  const out: string[] = [];
  for (const item of value) {
    const v = typeof item === 'string' ? clean(item) : '';
    if (!v || seen.has(v.toLowerCase())) continue;
    seen.add(v.toLowerCase());
    out.push(v);
  }
  return out.slice(-MAX_BLOCKED);
}

function clean(value: string): string {
  return value
    .replace(/\p{Cc}/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_LENGTH);
}
