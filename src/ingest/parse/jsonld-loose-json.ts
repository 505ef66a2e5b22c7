// JSON as pages put it in <script> blocks: wrapped in CDATA sections or HTML comments for
// pre-HTML5 validators, escaped as HTML by templates that treat the block as text, or with raw
// newlines inside strings from a CMS that pastes descriptions in unescaped. Each repair runs
// only after the plain parse fails, so valid JSON is never altered.
import { decodeHTML } from 'entities';

/** A parsed script body, or why it would not parse (the plain parse's error, shortened). */
export type LooseJson = { ok: true; value: unknown } | { ok: false; reason: string };

const WRAPPERS: ReadonlyArray<[RegExp, RegExp]> = [
  [/^<!--/, /(?:\/\/\s*)?-->$/],
  [/^(?:\/\*\s*|\/\/\s*)?<!\[CDATA\[\s*(?:\*\/)?/, /(?:\/\*\s*|\/\/\s*)?\]\]>\s*(?:\*\/)?$/],
];
const ENTITY = /&(?:quot|amp|lt|gt|apos|#\d+|#x[\da-f]+);/i;
const MAX_REASON = 100;

/** Parses a script body as JSON, repairing the ways pages break it; never throws. */
export function parseLooseJson(body: string): LooseJson {
  const source = unwrap(body);
  const plain = tryParse(source);
  if (plain.ok) return plain;
  const attempts = [() => repairJson(source)];
  if (ENTITY.test(source)) {
    const decoded = decodeHTML(source);
    attempts.push(
      () => decoded,
      () => repairJson(decoded),
    );
  }
  for (const attempt of attempts) {
    const result = tryParse(attempt());
    if (result.ok) return result;
  }
  return plain;
}

/** The body without BOM, comment or CDATA wrappers, or a trailing semicolon. */
export function unwrap(body: string): string {
  let source = body.replace(/^\uFEFF/, '').trim();
  for (const [open, close] of WRAPPERS) {
    if (open.test(source) && close.test(source)) {
      source = source.replace(open, '').replace(close, '').trim();
    }
  }
  return source.replace(/;$/, '').trimEnd();
}

// The two slips hand-edited JSON-LD makes most: a raw newline in a string, a trailing comma.
/** The JSON with control characters inside strings escaped and trailing commas dropped. */
export function repairJson(source: string): string {
  let out = '';
  let inString = false;
  let start = 0;
  for (let i = 0; i < source.length; i++) {
    const char = source[i] as string;
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
      else if (char < ' ') {
        out += source.slice(start, i) + escapeControl(char);
        start = i + 1;
      }
    } else if (char === '"') inString = true;
    else if (char === ',' && /^\s*[}\]]/.test(source.slice(i + 1, i + 200))) {
      out += source.slice(start, i);
      start = i + 1;
    }
  }
  return out + source.slice(start);
}

function escapeControl(char: string): string {
  if (char === '\n') return '\\n';
  if (char === '\r') return '\\r';
  if (char === '\t') return '\\t';
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

function tryParse(source: string): LooseJson {
  try {
    return { ok: true, value: JSON.parse(source) };
  } catch (error) {
    const message = (error as Error).message.replace(/\s+/g, ' ');
    const reason = message.length > MAX_REASON ? `${message.slice(0, MAX_REASON)}…` : message;
    return { ok: false, reason };
  }
}
