/** Plain text as HTML text: what would read as markup or an entity reads as the characters. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Text whose "<" and ">" cannot open or close a tag; "&" is left as written. */
export function escapeAngleBrackets(text: string): string {
  return text.replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;'));
}
