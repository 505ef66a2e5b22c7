import { FetchError } from '../../lib/errors.ts';

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NODATA', 'EAI_NONAME']);

/** Maps a network error to its FetchError code; anything else (a bug) passes through unchanged. */
export function asFetchError(error: unknown, url: URL): unknown {
  if (error instanceof FetchError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const cause = { cause: error };
  if (code && DNS_CODES.has(code))
    return new FetchError(
      'dns',
      `cannot resolve ${url.hostname} (${code})`,
      { url: url.href },
      cause,
    );
  if (code === 'ETIMEDOUT')
    return new FetchError('timeout', `${url.host}: connection timed out`, { url: url.href }, cause);
  // Refused, reset, unreachable, TLS failures; AggregateError when every address of a name failed.
  if (code || error instanceof AggregateError) {
    const message = `${url.host}: ${(error as Error).message}${code ? ` (${code})` : ''}`;
    return new FetchError('connect', message, { url: url.href }, cause);
  }
  return error;
}
