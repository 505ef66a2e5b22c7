// Cached responses go out compressed to clients that accept it: a job list is 30-60 KB of HTML
// or XML and a sixth of that in brotli, for readers on slow connections and for the board's own
// CPU under load (sending bytes was most of a warm request's cost, BENCHMARKS.md). Each body is
// compressed once, when it is rendered, never per request.
import type { IncomingMessage } from 'node:http';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import Negotiator from 'negotiator';

export type Encoding = 'br' | 'gzip';
/** A body's compressed forms, when it is worth compressing. */
export type Encoded = Partial<Record<Encoding, Buffer>>;

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

// Below this, the headers outweigh what compression saves.
const MIN_BYTES = 1024;
const COMPRESSIBLE = /^(?:text\/|application\/(?:json|xml|javascript|[\w.+-]*\+(?:json|xml))\b)/i;
// Quality 6 compresses a 40 KB page in about a millisecond; 11 (the default) takes 60. The
// window fits the body (brotli's default, 4 MB, costs the web process megabytes per
// compression at once for nothing, on pages of tens of KB).
const brotliOptions = (bytes: number) => ({
  params: {
    [zlib.constants.BROTLI_PARAM_QUALITY]: 6,
    [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes,
    [zlib.constants.BROTLI_PARAM_LGWIN]: Math.min(
      zlib.constants.BROTLI_MAX_WINDOW_BITS,
      Math.max(zlib.constants.BROTLI_MIN_WINDOW_BITS, Math.ceil(Math.log2(bytes + 16))),
    ),
  },
});

/**
 * The br and gzip forms of a body of `type`, or undefined when it is small, not text, or could
 * not be compressed (the body then goes out as it is).
 */
export async function compressBody(body: Buffer, type: string): Promise<Encoded | undefined> {
  if (body.length < MIN_BYTES || !COMPRESSIBLE.test(type)) return undefined;
  try {
    const [br, gz] = await Promise.all([brotli(body, brotliOptions(body.length)), gzip(body)]);
    return { br, gzip: gz };
  } catch {
    return undefined;
  }
}

// Ours first when the client likes several equally ("gzip, deflate, br" from every browser).
const PREFERRED = ['br', 'gzip', 'identity'] as const;

// negotiator 1.x takes that preference; its @types (0.6) do not know the option yet.
type PreferringNegotiator = {
  encoding(available: readonly string[], options: { preferred: readonly string[] }): string;
};

/** The encoding to send `encoded` in to this request: br, gzip, or null for the body as is. */
export function acceptedEncoding(
  req: IncomingMessage,
  encoded: Encoded | undefined,
): Encoding | null {
  const header = req.headers['accept-encoding'];
  if (!encoded || header === undefined) return null;
  let chosen = chosenFor.get(header);
  if (chosen === undefined) {
    const negotiator = new Negotiator(req) as unknown as PreferringNegotiator;
    const name = negotiator.encoding(PREFERRED, { preferred: PREFERRED });
    chosen = name === 'br' || name === 'gzip' ? name : null;
    if (chosenFor.size >= 256) chosenFor.clear();
    chosenFor.set(header, chosen);
  }
  return chosen;
}

// Browsers send a handful of distinct Accept-Encoding values: each is negotiated once, not on
// every request (negotiator parses and sorts the header: a tenth of what a warm hit allocated).
const chosenFor = new Map<string, Encoding | null>();

/** A compressed form's own strong validator: another representation, another ETag. */
export function encodedTag(etag: string, encoding: Encoding): string {
  return `${etag.slice(0, -1)}-${encoding}"`;
}
