import type { IncomingMessage } from 'node:http';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { FetchError } from '../../lib/errors.ts';

/** Reads and decompresses the body, stopping as soon as the decompressed size passes the limit. */
export async function readBody(res: IncomingMessage, maxBytes: number, url: URL): Promise<Buffer> {
  const encoding = String(res.headers['content-encoding'] ?? '')
    .trim()
    .toLowerCase();
  const decoder = createDecoder(encoding, url);
  const chunks: Buffer[] = [];
  let size = 0;
  let firstFailure: 'network' | 'decoder' | undefined;
  // Kept here: pipeline reports the AbortError its cleanup raises, not the error we threw.
  let overflow: FetchError | undefined;
  res.once('error', () => {
    firstFailure ??= 'network';
  });
  decoder?.once('error', () => {
    firstFailure ??= 'decoder';
  });
  const collect = async (source: AsyncIterable<Buffer>) => {
    for await (const chunk of source) {
      size += chunk.length;
      // Counting decoded bytes is what stops a decompression bomb: a few KB of gzip can be GBs.
      if (size > maxBytes) {
        overflow = tooLarge(maxBytes, url);
        throw overflow;
      }
      chunks.push(chunk);
    }
  };
  try {
    await (decoder ? pipeline(res, decoder, collect) : pipeline(res, collect));
  } catch (error) {
    if (overflow) throw overflow;
    if (firstFailure !== 'decoder' || error instanceof FetchError) throw error;
    const message = `could not decode the ${encoding} body: ${(error as Error).message}`;
    throw new FetchError('decode', message, { url: url.href }, { cause: error });
  }
  return Buffer.concat(chunks, size);
}

/** The permanent "body too big" failure, with the limit in the unit it was configured in. */
export function tooLarge(maxBytes: number, url: URL): FetchError {
  const limit =
    maxBytes % 1_048_576 === 0
      ? `${maxBytes / 1_048_576} MB`
      : maxBytes % 1024 === 0
        ? `${maxBytes / 1024} KB`
        : `${maxBytes} bytes`;
  return new FetchError('too_large', `response body exceeds ${limit} limit`, {
    url: url.href,
    permanent: true,
  });
}

function createDecoder(encoding: string, url: URL): Transform | null {
  switch (encoding) {
    case '':
    case 'identity':
      return null;
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip();
    case 'deflate':
      return inflateEither();
    case 'br':
      return zlib.createBrotliDecompress();
    default:
      throw new FetchError('decode', `unsupported Content-Encoding "${encoding}"`, {
        url: url.href,
      });
  }
}

/** "deflate" is meant to be zlib-wrapped, but some servers send raw deflate: look at the first bytes. */
function inflateEither(): Transform {
  let inner: zlib.Inflate | zlib.InflateRaw | undefined;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (!inner) {
        // A zlib header: compression method 8, window ≤ 32 KB, and a check value divisible by 31.
        const [cmf = 0, flg = 0] = chunk;
        const wrapped = (cmf & 0x0f) === 8 && cmf >> 4 <= 7 && ((cmf << 8) | flg) % 31 === 0;
        inner = wrapped ? zlib.createInflate() : zlib.createInflateRaw();
        inner.on('data', (data: Buffer) => this.push(data));
        inner.on('error', (error) => this.destroy(error));
      }
      inner.write(chunk, () => done());
    },
    flush(done) {
      if (!inner) return done();
      inner.once('end', () => done());
      inner.end();
    },
    destroy(error, done) {
      inner?.destroy();
      done(error);
    },
  });
}
