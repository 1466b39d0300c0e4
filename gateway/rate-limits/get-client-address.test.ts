import type { IncomingMessage } from 'node:http';
import { getAddressKey, getClientAddress } from './get-client-address';

function request(peer: string, forwardedFor?: string): IncomingMessage {
  return {
    socket: { remoteAddress: peer },
    headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
  } as unknown as IncomingMessage;
}

describe('getClientAddress', () => {
  it('takes the TCP peer and ignores X-Forwarded-For when no proxy is trusted', () => {
    expect(getClientAddress(request('203.0.113.7', '198.51.100.1'), 0)).toBe('203.0.113.7');
  });

  it('takes the entry the trusted proxies wrote, never one the client wrote', () => {
    // The client wrote "1.1.1.1"; the first proxy appended the client's real address.
    const req = request('10.0.0.2', '1.1.1.1, 198.51.100.1, 10.0.0.1');
    expect(getClientAddress(req, 1)).toBe('10.0.0.1');
    expect(getClientAddress(req, 2)).toBe('198.51.100.1');
    expect(getClientAddress(request('10.0.0.2', '198.51.100.1:5678'), 1)).toBe('198.51.100.1');
  });

  it('takes the leftmost entry of a request that passed fewer proxies, and the peer for garbage', () => {
    expect(getClientAddress(request('10.0.0.2', '198.51.100.1'), 3)).toBe('198.51.100.1');
    expect(getClientAddress(request('10.0.0.2', 'not-an-address'), 1)).toBe('10.0.0.2');
    expect(getClientAddress(request('10.0.0.2'), 1)).toBe('10.0.0.2');
  });
});

describe('getAddressKey', () => {
  it('keeps IPv4, unwraps IPv4-mapped IPv6 and groups IPv6 by /64', () => {
    expect(getAddressKey('192.0.2.1')).toBe('192.0.2.1');
    expect(getAddressKey('::ffff:192.0.2.1')).toBe('192.0.2.1');
    expect(getAddressKey('2001:db8:0:12:abcd::1')).toBe('2001:db8:0:12::/64');
    expect(getAddressKey('2001:DB8:0:0012:ffff:ffff:ffff:ffff')).toBe('2001:db8:0:12::/64');
    expect(getAddressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(getAddressKey('::1')).toBe('0:0:0:0::/64');
  });
});
