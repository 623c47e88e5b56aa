import { describe, expect, it } from 'vitest';
import { PEER_HEADER, clientAddress, normaliseAddress, rateKey, trustedHop } from './client-address';

const headers = (h: Record<string, string>) => ({ get: (n: string) => h[n.toLowerCase()] ?? null });

describe('clientAddress', () => {
  it('is the socket address unless a proxy is trusted, whatever X-Forwarded-For claims', () => {
    const h = headers({ [PEER_HEADER]: '::ffff:10.1.2.3', 'x-forwarded-for': '1.2.3.4' });
    expect(clientAddress(h, { trustProxyHops: 0 })).toBe('10.1.2.3');
    expect(clientAddress(headers({}), { trustProxyHops: 0 })).toBe('unknown');
  });

  it('behind N trusted proxies takes the N-th address from the right (entries further left are the client’s own)', () => {
    const h = headers({ [PEER_HEADER]: '10.0.0.9', 'x-forwarded-for': '6.6.6.6, 203.0.113.7, 10.0.0.5' });
    expect(clientAddress(h, { trustProxyHops: 1 })).toBe('10.0.0.5');
    expect(clientAddress(h, { trustProxyHops: 2 })).toBe('203.0.113.7');
    expect(trustedHop('203.0.113.7', 3)).toBe('203.0.113.7');
    expect(clientAddress(headers({ [PEER_HEADER]: '10.0.0.9' }), { trustProxyHops: 1 })).toBe('10.0.0.9');
  });

  it('keeps only address characters, at most 64 of them', () => {
    expect(normaliseAddress('1.2.3.4"\n{evil}')).toBe('1.2.3.4evil');
    expect(normaliseAddress('[2001:db8::1]:443')).toBe('2001:db8::1');
    expect(normaliseAddress('a'.repeat(500))).toHaveLength(64);
  });
});

describe('rateKey', () => {
  it('counts IPv4 by address and IPv6 by /64, so one host cannot rotate through its prefix', () => {
    expect(rateKey('203.0.113.7')).toBe('203.0.113.7');
    expect(rateKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(rateKey('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64');
    expect(rateKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(rateKey('::1')).toBe('0:0:0:0::/64');
  });
});
