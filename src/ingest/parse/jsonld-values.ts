// Coercions for schema.org values as pages write them: any property may be a string, a number,
// an object carrying a name or URL, an {"@id"} reference, or an array of any of these (nested
// arrays included), so every read goes through here and nothing assumes a shape.

/** A parsed JSON object. */
export type Json = Record<string, unknown>;

/** Turns an {"@id"} reference into the node it names on the page, or gives the value back. */
export type Deref = (value: unknown) => unknown;

/** A plain JSON object: not an array, not null. */
export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value as a flat list: arrays flattened, null and undefined as none, anything else alone. */
export function asList(value: unknown): unknown[] {
  if (value === null || value === undefined) return [];
  return Array.isArray(value)
    ? value.flat(4).filter((v) => v !== null && v !== undefined)
    : [value];
}

/** A trimmed non-empty string from a string or a finite number; null for anything else. */
export function text(value: unknown): string | null {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** Every name in a value (strings, numbers, or objects' first text under `keys`), deduplicated. */
export function namesOf(
  value: unknown,
  deref: Deref,
  keys: readonly string[] = ['name'],
): string[] {
  const names: string[] = [];
  for (const entry of asList(value)) {
    const node = deref(entry);
    const name = isObject(node) ? firstText(node, keys) : text(node);
    if (name && !names.includes(name)) names.push(name);
  }
  return names;
}

/** The first name in a value, as namesOf reads it. */
export function nameOf(value: unknown, deref: Deref, keys?: readonly string[]): string | null {
  return namesOf(value, deref, keys)[0] ?? null;
}

/** The first text among an object's `keys` (the first of a list: "name": ["Acme", "ACME Inc."]). */
export function firstText(node: Json, keys: readonly string[]): string | null {
  for (const key of keys) {
    for (const value of asList(node[key])) {
      const found = text(value);
      if (found) return found;
    }
  }
  return null;
}

/** The @type names without their vocabulary: "http://schema.org/JobPosting" is "JobPosting". */
export function typeNames(node: Json): string[] {
  return asList(node['@type']).flatMap((type) => {
    const name = text(type);
    return name ? [name.replace(/^.*[/#:]/, '')] : [];
  });
}
