import ipaddr from 'ipaddr.js';

// The only IPv6 space that holds public hosts today (RFC 4291 global unicast, 2000::/3);
// anything outside it that ipaddr.js still calls 'unicast' is unassigned or reserved.
const globalUnicast = ipaddr.IPv6.parseCIDR('2000::/3');

/** True when an address must not be fetched: anything but a public unicast address. */
export function isBlockedAddress(ip: string): boolean {
  const bare = stripBrackets(ip);
  // Fail closed: a string we cannot read as an address is never a safe destination.
  if (!ipaddr.isValid(bare)) return true;
  const address = ipaddr.parse(bare);
  if (address.kind() === 'ipv4') return (address as ipaddr.IPv4).range() !== 'unicast';
  return isBlockedIPv6(address as ipaddr.IPv6);
}

function isBlockedIPv6(address: ipaddr.IPv6): boolean {
  const embedded = embeddedIPv4(address);
  // Translation and tunnel prefixes reach whatever IPv4 address they carry.
  if (embedded) return embedded.range() !== 'unicast';
  if (address.range() !== 'unicast') return true;
  // ::/96 (deprecated IPv4-compatible form) and the rest of ::/8 are not routable hosts.
  return !address.match(globalUnicast);
}

/** The IPv4 address an IPv6 address stands for (mapped, NAT64, 6to4, Teredo), if any. */
function embeddedIPv4(address: ipaddr.IPv6): ipaddr.IPv4 | null {
  const bytes = address.toByteArray();
  const v4 = (at: number) => new ipaddr.IPv4(bytes.slice(at, at + 4));
  switch (address.range()) {
    case 'ipv4Mapped': // ::ffff:a.b.c.d
    case 'rfc6145': // ::ffff:0:a.b.c.d
      return v4(12);
    case 'rfc6052': // 64:ff9b::a.b.c.d (NAT64); the local-use /48 gives a zero prefix here
      return address.parts[2] === 0 ? v4(12) : new ipaddr.IPv4([0, 0, 0, 0]);
    case '6to4': // 2002:aabb:ccdd::
      return v4(2);
    case 'teredo': // 2001:0::/32, the client's address is stored inverted in the last 32 bits
      return new ipaddr.IPv4(bytes.slice(12, 16).map((b) => b ^ 0xff));
    default:
      return null;
  }
}

/**
 * True when `host` on `port` is exempt from the address guard. Entries are lower-case
 * `host` (any port) or `host:port`; IPv6 as `[::1]` or `[::1]:8080`.
 */
export function isAllowlisted(
  host: string,
  port: number,
  allowedHosts: readonly string[],
): boolean {
  const wanted = normalizeHost(host);
  return allowedHosts.some((entry) => {
    const parsed = parseEntry(entry);
    return (
      parsed !== null && parsed.host === wanted && (parsed.port === null || parsed.port === port)
    );
  });
}

function parseEntry(entry: string): { host: string; port: number | null } | null {
  const text = entry.trim().toLowerCase();
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(text);
  if (bracketed) return { host: normalizeHost(bracketed[1] as string), port: toPort(bracketed[2]) };
  // More than one colon without brackets can only be a bare IPv6 address, never host:port.
  if ((text.match(/:/g) ?? []).length > 1) return { host: normalizeHost(text), port: null };
  const [name, port] = text.split(':');
  if (!name) return null;
  return { host: normalizeHost(name), port: toPort(port) };
}

function toPort(text: string | undefined): number | null {
  return text === undefined || text === '' ? null : Number(text);
}

/** Lower-case, without brackets or a trailing dot; IPv6 in its canonical short form. */
function normalizeHost(host: string): string {
  const bare = stripBrackets(host.trim().toLowerCase()).replace(/\.$/, '');
  return ipaddr.IPv6.isValid(bare) ? ipaddr.IPv6.parse(bare).toString() : bare;
}

function stripBrackets(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}
