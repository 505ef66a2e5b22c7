/**
 * `text` as a regular-expression source that matches it literally. Only what is special
 * outside a character class is escaped: Unicode-mode patterns refuse needless escapes ("\-").
 */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
