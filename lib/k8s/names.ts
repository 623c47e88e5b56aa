/**
 * Object names as Kubernetes makes and checks them: RFC 1123 validation with the API server's
 * messages, random suffixes from the alphabet of k8s.io/apimachinery/pkg/util/rand, and the
 * fnv32a-based pod-template-hash encoding.
 */

/** Alphabet without vowels and confusable characters, as util/rand uses (no bad words, no 0/1/3). */
export const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** Errors for an RFC 1123 subdomain (most object names: Deployment, Pod, ReplicaSet, Node …). */
export function validateDNS1123Subdomain(name: string): string[] {
  const errs: string[] = [];
  if (name.length > 253) errs.push('must be no more than 253 characters');
  if (!DNS1123_SUBDOMAIN.test(name))
    errs.push(
      "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    );
  return errs;
}

/** Errors for an RFC 1123 label (Namespace, Service and container names, ≤ 63 chars, no dots). */
export function validateDNS1123Label(name: string): string[] {
  const errs: string[] = [];
  if (name.length > 63) errs.push('must be no more than 63 characters');
  if (!DNS1123_LABEL.test(name))
    errs.push(
      "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
    );
  return errs;
}

/** Errors for an RFC 1035 label (Service names must start with a letter). */
export function validateDNS1035Label(name: string): string[] {
  const errs: string[] = [];
  if (name.length > 63) errs.push('must be no more than 63 characters');
  if (!/^[a-z]([-a-z0-9]*[a-z0-9])?$/.test(name))
    errs.push(
      "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
    );
  return errs;
}

/** `n` characters of SAFE_ALPHABET drawn from `random()` (a seeded rng in the simulator). */
export function randomSuffix(random: () => number, n = 5): string {
  let s = '';
  for (let i = 0; i < n; i++) s += SAFE_ALPHABET[Math.floor(random() * SAFE_ALPHABET.length)];
  return s;
}

/** 32-bit FNV-1a over the UTF-16 code units of s (ASCII in practice). */
export function fnv32a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i) & 0xff;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/**
 * Encodes a number like rand.SafeEncodeString(fmt.Sprint(n)): each decimal digit's char code picks a
 * letter of SAFE_ALPHABET. Gives the familiar ~10-char pod-template-hash ("5d9c7b8f6d").
 */
export function safeEncode(n: number): string {
  const digits = String(n >>> 0);
  let out = '';
  for (let i = 0; i < digits.length; i++) out += SAFE_ALPHABET[digits.charCodeAt(i) % SAFE_ALPHABET.length];
  return out;
}

/** Generated name (`generateName` + 5 random chars), capped so the total stays a valid name. */
export function generateName(base: string, random: () => number): string {
  const maxBase = 63 - 5;
  return (base.length > maxBase ? base.slice(0, maxBase) : base) + randomSuffix(random, 5);
}
