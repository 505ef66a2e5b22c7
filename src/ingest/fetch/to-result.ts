import { createHash } from 'node:crypto';
import { decodeBody } from './charset.ts';
import type { FetchOptions, FetchResult } from './fetcher.ts';
import type { Done } from './request.ts';

/** Shapes the final answer of a fetch: validators, decoded text, body hash and duration. */
export function toResult(
  answer: Done,
  url: URL,
  redirects: string[],
  opts: FetchOptions,
  started: number,
): FetchResult {
  const header = (name: string) => {
    const value = answer.headers[name];
    return typeof value === 'string' && value !== '' ? value : null;
  };
  const notModified = answer.status === 304;
  const contentType = header('content-type');
  const { text, charset } = notModified
    ? { text: '', charset: '' }
    : decodeBody(answer.body, contentType);
  return {
    status: answer.status,
    notModified,
    url: url.href,
    redirects,
    // A 304 may omit the validators; the ones we sent are still the current ones.
    etag: header('etag') ?? (notModified ? (opts.etag ?? null) : null),
    lastModified: header('last-modified') ?? (notModified ? (opts.lastModified ?? null) : null),
    contentType,
    body: answer.body,
    text,
    charset,
    bodyHash: createHash('sha256').update(answer.body).digest('hex'),
    durationMs: Math.round(performance.now() - started),
  };
}
