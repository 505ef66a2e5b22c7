// Messages quote what a source sent ("starts with "…""); a body of binary garbage would put
// control bytes into the console's HTML and the operator's terminal (escape sequences
// included). They are shown as visible escapes instead.

/** The text with control characters (but tab and newline) written as \xNN or \uNNNN. */
export function printable(text: string): string {
  return text.replace(/[\p{Cc}\u2028\u2029]/gu, (c) => {
    if (c === '\t' || c === '\n') return c;
    const code = c.codePointAt(0) as number;
    return code <= 0xff
      ? `\\x${code.toString(16).padStart(2, '0')}`
      : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
