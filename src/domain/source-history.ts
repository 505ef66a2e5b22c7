// A source's settings as the change history records them: one line per setting, so an edit of
// one selector reads "selectors.fields.title: 'h2' → 'h3'", not the whole recipe twice.
import { type SourceInput, sourceSettings } from './source.ts';

/** The settings an operator edits, flattened for the change record ("options.keep", …). */
export function settingsForHistory(source: SourceInput): Record<string, unknown> {
  const { options, terms, selectors, ...plain } = sourceSettings(source);
  return {
    ...plain,
    ...flatten('options', options),
    ...flatten('terms', terms),
    // A feed has no selectors: no lines for them, so a kind change lists each one it gains or loses.
    ...(selectors ? flatten('selectors', selectors) : {}),
  };
}

/** Nested objects as dotted keys; lists and plain values are values. */
function flatten(prefix: string, value: unknown): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return { [prefix]: value };
  return Object.fromEntries(
    Object.entries(value).flatMap(([key, inner]) =>
      Object.entries(flatten(`${prefix}.${key}`, inner)),
    ),
  );
}
