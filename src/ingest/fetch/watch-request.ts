import type { ClientRequest } from 'node:http';
import { FetchError } from '../../lib/errors.ts';

/** The timers a hop runs under: `timeoutMs` for the whole fetch, `connectTimeoutMs` for the socket. */
export type RequestLimits = { timeoutMs: number; connectTimeoutMs: number };

/** The connect and total timers plus the caller's signal; the first to fire destroys the request. */
export function watchRequest(
  req: ClientRequest,
  s: RequestLimits,
  url: URL,
  remainingMs: number,
  signal?: AbortSignal,
) {
  let failure: unknown;
  const fail = (error: unknown) => {
    failure ??= error;
    // Destroy with an error: without one, a request still resolving its host never settles.
    req.destroy(error instanceof Error ? error : new Error(String(error)));
  };
  const timeout = (what: string, ms: number) => () =>
    fail(new FetchError('timeout', `${what} within ${ms} ms`, { url: url.href }));
  const total = setTimeout(timeout('no complete response', s.timeoutMs), remainingMs);
  const connectMs = Math.min(s.connectTimeoutMs, remainingMs);
  const connect = setTimeout(
    timeout(`could not connect to ${url.host}`, s.connectTimeoutMs),
    connectMs,
  );
  req.once('socket', (socket) => socket.once('connect', () => clearTimeout(connect)));
  // Errors surface through the awaited response or body; this only keeps a late one from crashing.
  req.on('error', () => {});
  const onAbort = () => fail(signal?.reason ?? new Error('fetch aborted'));
  if (signal?.aborted) onAbort();
  signal?.addEventListener('abort', onAbort, { once: true });
  return {
    failure: () => failure,
    stop: () => {
      clearTimeout(total);
      clearTimeout(connect);
      signal?.removeEventListener('abort', onAbort);
      req.destroy();
    },
  };
}
