/** IPv4 addresses as the simulated network compares them. */

const parsed = new Map<string, number>();

/**
 * 10.244.1.5 → its 32-bit value; NaN for anything that isn't a dotted quad. Remembered: a cluster has a few hundred
 * addresses, and every request compares its own against each node's podCIDR (connect.ts).
 */
export function ipToInt(ip: string): number {
  let n = parsed.get(ip);
  if (n === undefined) {
    n = parseIp(ip);
    if (parsed.size > 4_096) parsed.clear();
    parsed.set(ip, n);
  }
  return n;
}

/** A dotted quad's value, read digit by digit (no pattern, no arrays: it runs for every new address). */
function parseIp(ip: string): number {
  let value = 0;
  let part = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i <= ip.length; i++) {
    const c = i < ip.length ? ip.charCodeAt(i) : 46;
    if (c >= 48 && c <= 57) {
      part = part * 10 + (c - 48);
      if (++digits > 3) return NaN;
    } else if (c === 46) {
      if (digits === 0 || part > 255) return NaN;
      value = value * 256 + part;
      part = 0;
      digits = 0;
      dots++;
    } else return NaN;
  }
  return dots === 4 ? value : NaN;
}

export const isIPv4 = (s: string) => !Number.isNaN(ipToInt(s));

/** CIDR → [network, mask] (a cluster has a handful of CIDRs, asked about on every request). */
const cidrCache = new Map<string, [number, number] | null>();

/** 10.244.1.0/24 → [network, mask] as 32-bit values; null for anything that isn't a CIDR. Remembered. */
export function parseCidr(cidr: string): [number, number] | null {
  let hit = cidrCache.get(cidr);
  if (hit === undefined) {
    const [base, bits] = cidr.split('/');
    const b = ipToInt(base);
    const len = Number(bits);
    const mask = len === 0 ? 0 : (~0 << (32 - len)) >>> 0;
    hit = Number.isNaN(b) || !(len >= 0 && len <= 32) ? null : [(b & mask) >>> 0, mask];
    if (cidrCache.size > 256) cidrCache.clear();
    cidrCache.set(cidr, hit);
  }
  return hit;
}

/** Whether `ip` lies in `cidr` (10.244.1.0/24). */
export function inCidr(ip: string, cidr: string): boolean {
  const net = parseCidr(cidr);
  const n = ipToInt(ip);
  return !!net && !Number.isNaN(n) && ((n & net[1]) >>> 0) === net[0];
}

