/**
 * Who is asking, as far as the server can know it. Route handlers in Next.js never see the socket, and the
 * X-Forwarded-For that Next.js fills in keeps whatever the client sent, so the socket address travels in
 * PEER_HEADER, which instrumentation.ts overwrites on every request (a client cannot choose it).
 * Forwarded headers count only with TRUST_PROXY=N, and then only the part our own N proxies wrote.
 */
import type { SecuritySettings } from './security-settings';

/** Set by instrumentation.ts from `socket.remoteAddress` before Next.js sees the request. */
export const PEER_HEADER = 'x-k8s-learn-peer';

export interface HeaderSource {
  get(name: string): string | null;
}

/** Drops the IPv4-mapped IPv6 prefix and anything that is not part of an address; at most 64 characters. */
export function normaliseAddress(raw: string): string {
  const trimmed = raw.trim().replace(/^\[|\](:\d+)?$/g, '');
  const bare = trimmed.toLowerCase().startsWith('::ffff:') && trimmed.includes('.') ? trimmed.slice(7) : trimmed;
  const clean = bare.replace(/[^0-9a-zA-Z:.%_-]/g, '').slice(0, 64);
  return clean === '' ? 'unknown' : clean;
}

/**
 * The hop a chain of N trusted proxies vouches for: each proxy appends the address it saw, so the client is
 * the N-th entry from the right. Entries further left were written by the client and are ignored.
 */
export function trustedHop(list: string | null, hops: number): string | null {
  const chain = (list ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (chain.length === 0) return null;
  return chain[chain.length - hops] ?? chain[0];
}

/** The client's address: the socket's, or the one our trusted proxies forwarded. */
export function clientAddress(headers: HeaderSource, settings: Pick<SecuritySettings, 'trustProxyHops'>): string {
  const peer = headers.get(PEER_HEADER);
  if (settings.trustProxyHops > 0) {
    const forwarded = trustedHop(headers.get('x-forwarded-for'), settings.trustProxyHops);
    if (forwarded) return normaliseAddress(forwarded);
  }
  return peer ? normaliseAddress(peer) : 'unknown';
}

/**
 * The key rate limits count by: the address itself for IPv4, the /64 network for IPv6 (one household or
 * cloud VM gets a whole /64 and could otherwise rotate through it).
 */
export function rateKey(address: string): string {
  if (!address.includes(':')) return address;
  const [head, tail = ''] = address.split('%')[0].split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = address.includes('::') ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, '') || '0')
    .join(':')}::/64`;
}
