/** Command-line flags the way cobra reads them (`--name=value`, `--name value`, bare booleans), and IPv4 math. */

export interface Flags {
  positional: string[];
  get(name: string): string | undefined;
  has(name: string): boolean;
}

/** Flags that never take a value (so the next word stays positional). */
const BOOLEAN = new Set(['f', 'force', 'print-join-command', 'control-plane', 'discovery-token-unsafe-skip-ca-verification', 'upload-certs', 'dry-run']);

export function parseFlags(args: readonly string[]): Flags {
  const values = new Map<string, string>();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const m = /^--?([A-Za-z0-9-]+)(?:=(.*))?$/.exec(a);
    if (!m) {
      positional.push(a);
      continue;
    }
    const [, name, inline] = m;
    if (inline !== undefined) values.set(name, inline);
    else if (BOOLEAN.has(name) || i + 1 >= args.length || args[i + 1].startsWith('-')) values.set(name, '');
    else values.set(name, args[++i]);
  }
  return { positional, get: (n) => values.get(n), has: (n) => values.has(n) };
}

export function isIPv4(s: string): boolean {
  const parts = s.split('.');
  return parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255);
}

export function isCidr(s: string): boolean {
  const [ip, bits] = s.split('/');
  return isIPv4(ip ?? '') && /^\d{1,2}$/.test(bits ?? '') && Number(bits) <= 32;
}

function range(cidr: string): [number, number] {
  const [ip, bits] = cidr.split('/');
  const n = ip.split('.').reduce((acc, p) => acc * 256 + Number(p), 0);
  const size = 2 ** (32 - Number(bits));
  const start = Math.floor(n / size) * size;
  return [start, start + size - 1];
}

/** Whether two IPv4 CIDRs share any address. */
export function cidrOverlaps(a: string, b: string): boolean {
  const [a0, a1] = range(a);
  const [b0, b1] = range(b);
  return a0 <= b1 && b0 <= a1;
}
