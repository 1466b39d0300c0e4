import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

/** Strips the port some proxies write (`1.2.3.4:5678`, `[2001:db8::1]:5678`); null if no IP. */
function parseAddress(raw: string): string | null {
  const value = raw.trim();
  if (isIP(value)) return value;
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed?.[1] && isIP(bracketed[1]) === 6) return bracketed[1];
  const withPort = /^([0-9.]+):\d+$/.exec(value);
  if (withPort?.[1] && isIP(withPort[1]) === 4) return withPort[1];
  return null;
}

/** The eight 16-bit groups of an IPv6 address, `::` expanded. */
function expandIpv6(address: string): string[] {
  const [head = '', tail] = address.split('::');
  const groups = (part: string): string[] => (part === '' ? [] : part.split(':'));
  // An embedded IPv4 tail (`::ffff:1.2.3.4`) is two groups; only the first four groups are kept.
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  const missing = 8 - left.length - right.length;
  return [...left, ...Array.from({ length: Math.max(missing, 0) }, () => '0'), ...right];
}

/**
 * The address one budget is kept for: an IPv4 address as it is (an IPv4-mapped IPv6 one as IPv4),
 * an IPv6 address by its /64 network, since one host is routinely given a whole /64.
 */
export function getAddressKey(address: string): string {
  const mapped = /^::ffff:([0-9.]+)$/i.exec(address);
  if (mapped?.[1] && isIP(mapped[1]) === 4) return mapped[1];
  if (isIP(address) !== 6) return address;
  const network = expandIpv6(address.toLowerCase())
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''));
  return `${network.join(':')}::/64`;
}

/**
 * The client's address. With `trustedProxies` = 0 it is the TCP peer and `X-Forwarded-For` is
 * ignored (any client can write it). Behind n proxies that each append the address they received
 * from, the client is the n-th entry from the right of `X-Forwarded-For` followed by the peer;
 * the entries further left were written by the client and are never used. A request with fewer
 * entries (one that reached the gateway past the proxies) takes the leftmost there is.
 */
export function getClientAddress(req: IncomingMessage, trustedProxies: number): string {
  const peer = req.socket.remoteAddress ?? 'unknown';
  if (trustedProxies === 0) return getAddressKey(peer);
  const header = req.headers['x-forwarded-for'];
  const forwarded = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  const chain = [...forwarded, peer];
  const picked = chain[Math.max(chain.length - 1 - trustedProxies, 0)] ?? peer;
  return getAddressKey(parseAddress(picked) ?? peer);
}
