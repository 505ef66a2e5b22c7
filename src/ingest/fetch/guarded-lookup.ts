import dns from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { FetchError } from '../../lib/errors.ts';
import { isAllowlisted, isBlockedAddress } from './address-guard.ts';

/** Node connects to IP literals without calling `lookup`, so they are checked here, before any socket. */
export function checkLiteralAddress(url: URL, allowedHosts: readonly string[]): void {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) === 0 || isAllowlisted(url.hostname, portOf(url), allowedHosts)) return;
  if (isBlockedAddress(host)) throw blockedError(url, host);
}

/**
 * Resolves names for the socket and refuses when any address is private: the check is on the
 * addresses the socket then connects to, so a DNS answer that changes in between (rebinding) cannot slip through.
 */
export function guardedLookup(url: URL, allowedHosts: readonly string[]): LookupFunction {
  const allowed = isAllowlisted(url.hostname, portOf(url), allowedHosts);
  return (hostname, options, callback) => {
    dns.lookup(
      hostname,
      { family: options.family, hints: options.hints, all: true },
      (error, addresses) => {
        if (error) return callback(error, '');
        const refused = allowed ? undefined : addresses.find((a) => isBlockedAddress(a.address));
        const first = addresses[0];
        if (refused) return callback(blockedError(url, refused.address), '');
        if (!first)
          return callback(
            Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }),
            '',
          );
        if (options.all) callback(null, addresses);
        else callback(null, first.address, first.family);
      },
    );
  };
}

function portOf(url: URL): number {
  return Number(url.port) || (url.protocol === 'https:' ? 443 : 80);
}

function blockedError(url: URL, address: string): FetchError {
  const literal = url.hostname.replace(/^\[|\]$/g, '') === address;
  const where = literal ? `${url.host} is` : `${url.host} resolves to ${address},`;
  const message = `${where} a private or reserved address (not in the fetch allowlist)`;
  return new FetchError('blocked_address', message, { url: url.href, permanent: true });
}

/**
 * Why a source URL can never be fetched as it stands, decided without DNS: its host is an IP
 * literal in a private or reserved range, or "localhost", and FETCH_ALLOWED_HOSTS does not
 * allow it. Saving such a source would only fail at its first run; a name that resolves to a
 * private address is still refused there. Null when nothing is wrong that can be seen now.
 */
export function unreachableSourceUrl(raw: string, allowedHosts: readonly string[]): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (isAllowlisted(url.hostname, portOf(url), allowedHosts)) return null;
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const local = host === 'localhost' || host.endsWith('.localhost');
  if (!local && (isIP(host) === 0 || !isBlockedAddress(host))) return null;
  return `${url.host} is a private or reserved address, which the fetcher refuses (allow it with FETCH_ALLOWED_HOSTS)`;
}
