import { FetchError } from '../../lib/errors.ts';
import type { HostGate } from './host-gate.ts';

/**
 * Runs one hop inside the host's politeness rules: Retry-After window first, then a slot. A host
 * is its name and port ("127.0.0.1:3202"): another port is another server. Waiting on either is
 * a `host_wait`, not a failure of the source: nothing was asked of its server.
 */
export async function gated<T>(
  gate: HostGate | undefined,
  url: URL,
  run: () => Promise<T>,
): Promise<T> {
  if (!gate) return run();
  const host = url.host;
  const until = await gate.blockedUntil(host);
  if (until !== null) {
    const message = `${host} asked us to wait until ${new Date(until).toISOString()}`;
    throw new FetchError('host_wait', message, {
      retryAfterMs: until - Date.now(),
      url: url.href,
    });
  }
  const release = await gate.acquire(host);
  try {
    return await run();
  } catch (error) {
    const wait =
      error instanceof FetchError &&
      error.fetchCode === 'rate_limited' &&
      error.details.retryAfterMs;
    // A gate that cannot record the window (Redis down) must not hide the real answer.
    if (wait) await gate.block(host, Date.now() + wait).catch(() => {});
    throw error;
  } finally {
    // A failed release is harmless: the slot expires by itself.
    await release().catch(() => {});
  }
}
