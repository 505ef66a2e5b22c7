// Text folding shared by the place readers (location, eligibility, workplace). Folding keeps the
// length of the text, so a match found in folded text points at the same span of the original.

const DASHES = /[\u2010-\u2015\u2212]/;
const QUOTES = /[\u2018\u2019\u02bc\u0060\u00b4]/;

/** The text with accents, curly quotes and dash variants folded to ASCII, one character per character. */
export function foldText(text: string): string {
  // Only the characters past ASCII are looked at: the runs between them are copied as they are.
  return text.replace(NON_ASCII_CHAR, foldChar);
}

const NON_ASCII_CHAR = /[^\p{ASCII}]/gu;

function foldChar(ch: string): string {
  if (DASHES.test(ch)) return '-';
  if (QUOTES.test(ch)) return "'";
  if (ch === '\u00a0') return ' ';
  const base = ch.normalize('NFD')[0] ?? ch;
  // Astral characters (emoji flags) are two code units: keep the length by padding.
  return base.charCodeAt(0) < 0x80 ? base.padEnd(ch.length, ' ') : ch;
}

/** The lookup key of a place name: folded, lower-case, "&" as "and", no dots or hyphens, no leading "the". */
export function placeKey(name: string): string {
  return foldText(name)
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/\./g, '')
    .replace(/[-_/]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^the /, '');
}

/** Whether every letter of a name is a capital ("USA", "U.K."), which makes it match only in capitals. */
export function isAllCaps(name: string): boolean {
  return /[A-Z]/.test(name) && !/[a-z]/.test(name);
}

/** A regular-expression source matching a place name as listings write it: dots, hyphens and "&"/"and" optional. */
export function namePattern(name: string): string {
  return foldText(name)
    .trim()
    .split(/(\s*&\s*|\s+and\s+|[\s-]+|\.)/)
    .map((part) => {
      if (/^\s*&\s*$|^\s+and\s+$/.test(part)) return '\\s*(?:&|and)\\s*';
      if (/^[\s-]+$/.test(part)) return '[\\s-]+';
      if (part === '.') return '\\.?';
      return part.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
    })
    .join('');
}
