import { isAscii, isUtf8 } from 'node:buffer';

/** Where the charset used to decode a body came from. */
export type CharsetSource =
  | 'header'
  | 'bom'
  | 'xml-prolog'
  | 'html-meta'
  | 'utf8-valid'
  | 'fallback';

/** A decoded body: the text (BOM stripped, XML declaration rewritten to UTF-8) and its charset. */
export type DecodedBody = { text: string; charset: string; source: CharsetSource };

// Declarations are searched for in the first bytes only; 4 KB also finds a <meta> placed after
// the 1024 bytes the HTML prescan looks at (miniflux-v2/encoding/iso-8859-1-meta-after-1024.html).
const SNIFF_BYTES = 4096;

const BOMS: ReadonlyArray<{ bytes: number[]; charset: string }> = [
  { bytes: [0xef, 0xbb, 0xbf], charset: 'utf-8' },
  { bytes: [0xff, 0xfe], charset: 'utf-16le' },
  { bytes: [0xfe, 0xff], charset: 'utf-16be' },
];

/**
 * Decodes a body: BOM, then the Content-Type charset, then the XML declaration, then HTML
 * <meta>; without a usable declaration valid UTF-8 stays UTF-8, anything else is read as
 * windows-1252 (or KOI8-R / windows-1251 when the bytes look like Cyrillic words).
 */
export function decodeBody(bytes: Buffer, contentType: string | null): DecodedBody {
  const bom = BOMS.find((b) => b.bytes.every((byte, i) => bytes[i] === byte));
  if (bom) return decoded(bytes.subarray(bom.bytes.length), bom.charset, 'bom');
  const valid = isUtf8(bytes);
  const head = bytes.subarray(0, SNIFF_BYTES).toString('latin1');
  const clues: Array<[CharsetSource, string | null]> = [
    ['header', headerCharset(contentType)],
    ['xml-prolog', prologCharset(bytes, head)],
    ['html-meta', metaCharset(head)],
  ];
  for (const [source, label] of clues) {
    const charset = canonicalCharset(label);
    if (!charset) continue;
    if (charset === 'utf-8') {
      // A UTF-8 claim on bytes that are not UTF-8 is wrong: let the next clue speak.
      if (valid) return decoded(bytes, charset, source);
      continue;
    }
    // Leave valid UTF-8 alone: multibyte sequences that happen to be valid UTF-8 are far
    // likelier UTF-8 under a stale declaration (windows-1252-incorrect-prolog.xml) than not.
    if (valid && !isAscii(bytes) && !charset.startsWith('utf-16'))
      return decoded(bytes, 'utf-8', 'utf8-valid');
    return decoded(bytes, charset, source);
  }
  if (valid) return decoded(bytes, 'utf-8', 'utf8-valid');
  return decoded(bytes, guessLegacyCharset(bytes), 'fallback');
}

/**
 * Rewrites a leading XML declaration's encoding to UTF-8: the text is a JS string now, and
 * xml2js (under rss-parser) would otherwise act on the stale name.
 */
export function rewriteXmlEncoding(text: string): string {
  return text.replace(
    /^(\s*<\?xml\b[^>]*?\bencoding\s*=\s*)(["'])([^"']*)\2/,
    (whole, start: string, quote: string, name: string) =>
      name.toLowerCase() === 'utf-8' ? whole : `${start}${quote}UTF-8${quote}`,
  );
}

function decoded(bytes: Buffer, charset: string, source: CharsetSource): DecodedBody {
  const text =
    charset === 'windows-1252' ? decodeWindows1252(bytes) : new TextDecoder(charset).decode(bytes);
  return { text: rewriteXmlEncoding(text), charset, source };
}

// WHATWG index-windows-1252 for bytes 0x80-0x9F; every other byte is its own code point.
const CP1252_C1 =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/**
 * Node 20.18.3+ decodes windows-1252 as ISO-8859-1, turning €, curly quotes and dashes into
 * C1 controls (nodejs/node#60888); this label also covers iso-8859-1, latin1 and us-ascii.
 */
function decodeWindows1252(bytes: Buffer): string {
  return bytes
    .toString('latin1')
    .replace(/[\u0080-\u009f]/g, (c) => CP1252_C1[c.charCodeAt(0) - 0x80] as string);
}

/** The WHATWG name for a label (iso-8859-1 → windows-1252), or null when unknown. */
function canonicalCharset(label: string | null): string | null {
  if (!label) return null;
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return null; // unsupported or the "replacement" encoding: not a usable clue
  }
}

function headerCharset(contentType: string | null): string | null {
  return /;\s*charset\s*=\s*["']?([^"';\s]+)/i.exec(contentType ?? '')?.[1] ?? null;
}

function prologCharset(bytes: Buffer, head: string): string | null {
  // Without a BOM, UTF-16 still shows in how "<?" is laid out (XML 1.0 appendix F).
  if (bytes[0] === 0x3c && bytes[1] === 0 && bytes[2] === 0x3f && bytes[3] === 0) return 'utf-16le';
  if (bytes[0] === 0 && bytes[1] === 0x3c && bytes[2] === 0 && bytes[3] === 0x3f) return 'utf-16be';
  const name = /^\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1];
  return asciiCompatible(name);
}

function metaCharset(head: string): string | null {
  // Matches <meta charset=x> and <meta http-equiv=Content-Type content="text/html; charset=x">.
  const name = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1];
  return asciiCompatible(name);
}

/** A declaration we could read as ASCII cannot truly be UTF-16, whatever it says. */
function asciiCompatible(name: string | undefined): string | null {
  return !name || /^utf-?16/i.test(name) ? null : name;
}

/**
 * No declaration and not UTF-8. Cyrillic words are runs of bytes 0xC0-0xFF, where Latin text
 * has single accented bytes among ASCII; lower case (most of running text) sits at 0xC0-0xDF
 * in KOI8-R and at 0xE0-0xFF in windows-1251. Everything else is read as windows-1252.
 */
function guessLegacyCharset(bytes: Buffer): string {
  let high = 0;
  let letters = 0;
  let upperHalf = 0;
  let inWords = 0;
  let run = 0;
  for (const byte of bytes) {
    if (byte >= 0x80) high++;
    if (byte >= 0xc0) {
      letters++;
      if (byte >= 0xe0) upperHalf++;
      run++;
      continue;
    }
    if (run >= 3) inWords += run;
    run = 0;
  }
  if (run >= 3) inWords += run;
  if (inWords < 16 || inWords * 2 < high) return 'windows-1252';
  return upperHalf * 2 > letters ? 'windows-1251' : 'koi8-r';
}
