// A forgiving XML lexer: it never throws, and it reports the broken pieces (a stray `<`, a
// construct cut off by the end of the text) as tokens, because sniffing, markup preservation
// and the repair pass all need to look at documents a strict parser rejects.

/** One lexical piece of an XML document, by character offsets into the text. */
export type XmlToken = {
  kind:
    | 'open'
    | 'close'
    | 'text'
    | 'cdata'
    | 'comment'
    | 'pi'
    | 'doctype'
    | 'stray-lt'
    | 'incomplete';
  start: number;
  end: number;
  /** Tag name for open/close tags, '' otherwise. */
  name: string;
  selfClosing: boolean;
};

const NAME_START = /[A-Za-z_:\u00C0-\uFFFF]/;
const TAG_NAME = /[^\s/>]+/y;

/** Splits `text` into tokens, in document order, covering every character exactly once. */
export function* scanXml(text: string): Generator<XmlToken> {
  let at = 0;
  while (at < text.length) {
    const lt = text.indexOf('<', at);
    if (lt === -1) {
      yield token('text', at, text.length);
      return;
    }
    if (lt > at) yield token('text', at, lt);
    const markup = readMarkup(text, lt);
    yield markup;
    at = markup.end;
  }
}

/** The attributes of an open tag token, values with XML entities decoded. */
export function tagAttributes(text: string, tag: XmlToken): Record<string, string> {
  const source = text.slice(tag.start + 1 + tag.name.length, tag.end);
  const attrs: Record<string, string> = {};
  for (const m of source.matchAll(/([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    attrs[m[1] as string] = decodeXmlText(m[2] ?? m[3] ?? '');
  }
  return attrs;
}

/** The character data of a stretch of XML: CDATA unwrapped, the five XML entities and character references decoded. */
export function decodeXmlText(raw: string): string {
  return raw.replace(
    /<!\[CDATA\[([\s\S]*?)(?:\]\]>|$)|&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g,
    (_m, cdata: string | undefined, ref: string | undefined) => {
      if (cdata !== undefined) return cdata;
      if (ref === undefined) return '';
      if (ref.startsWith('#x')) return safeCodePoint(Number.parseInt(ref.slice(2), 16));
      if (ref.startsWith('#')) return safeCodePoint(Number.parseInt(ref.slice(1), 10));
      return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[ref] ?? '';
    },
  );
}

function safeCodePoint(code: number): string {
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
}

function token(kind: XmlToken['kind'], start: number, end: number, name = ''): XmlToken {
  return { kind, start, end, name, selfClosing: false };
}

function readMarkup(text: string, at: number): XmlToken {
  if (text.startsWith('<!--', at)) return delimited(text, at, '-->', 'comment');
  if (text.startsWith('<![CDATA[', at)) return delimited(text, at, ']]>', 'cdata');
  if (text.startsWith('<?', at)) return delimited(text, at, '?>', 'pi');
  if (text.startsWith('<!', at)) return readDeclaration(text, at);
  if (text[at + 1] === '/') return readTag(text, at, 'close');
  if (NAME_START.test(text[at + 1] ?? '')) return readTag(text, at, 'open');
  return token('stray-lt', at, at + 1);
}

function delimited(text: string, at: number, close: string, kind: XmlToken['kind']): XmlToken {
  const end = text.indexOf(close, at + 2);
  return end === -1 ? token('incomplete', at, text.length) : token(kind, at, end + close.length);
}

// <!DOCTYPE ...>, possibly with an internal subset in [...] that itself contains `>`.
function readDeclaration(text: string, at: number): XmlToken {
  const gt = text.indexOf('>', at);
  const bracket = text.indexOf('[', at);
  if (bracket !== -1 && (gt === -1 || bracket < gt)) {
    const closeBracket = text.indexOf(']', bracket);
    const end = closeBracket === -1 ? -1 : text.indexOf('>', closeBracket);
    return end === -1 ? token('incomplete', at, text.length) : token('doctype', at, end + 1);
  }
  return gt === -1 ? token('incomplete', at, text.length) : token('doctype', at, gt + 1);
}

function readTag(text: string, at: number, kind: 'open' | 'close'): XmlToken {
  TAG_NAME.lastIndex = kind === 'open' ? at + 1 : at + 2;
  const name = TAG_NAME.exec(text)?.[0] ?? '';
  const end = kind === 'open' ? openTagEnd(text, at) : text.indexOf('>', at);
  if (end === -1) return token('incomplete', at, text.length);
  const tag = token(kind, at, end + 1, name);
  tag.selfClosing = kind === 'open' && text[end - 1] === '/';
  return tag;
}

// Quote-aware, so `>` inside an attribute value does not end the tag; but when an unbalanced
// quote would swallow the rest of the document, the first `>` wins instead, so one bad
// attribute is not mistaken for a truncated document.
function openTagEnd(text: string, at: number): number {
  let quote = '';
  for (let i = at + 1; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i;
  }
  return text.indexOf('>', at);
}

/** A replacement of text[start, end) by `insert`. */
export type TextEdit = { start: number; end: number; insert: string };

/** Applies non-overlapping edits, given in document order. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const pieces: string[] = [];
  let copied = 0;
  for (const edit of edits) {
    pieces.push(text.slice(copied, edit.start), edit.insert);
    copied = edit.end;
  }
  pieces.push(text.slice(copied));
  return pieces.join('');
}
