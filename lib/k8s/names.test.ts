import { describe, expect, it } from 'vitest';
import { fnv32a, randomSuffix, safeEncode, SAFE_ALPHABET, validateDNS1123Label, validateDNS1123Subdomain } from './names';

describe('names', () => {
  it('validates RFC 1123 names', () => {
    expect(validateDNS1123Subdomain('web-1.example')).toEqual([]);
    expect(validateDNS1123Subdomain('Web')[0]).toMatch(/lowercase RFC 1123 subdomain/);
    expect(validateDNS1123Label('a.b')[0]).toMatch(/RFC 1123 label/);
    expect(validateDNS1123Label('x'.repeat(64))).toContain('must be no more than 63 characters');
  });
  it('random suffixes use the safe alphabet', () => {
    let i = 0;
    const s = randomSuffix(() => (i++ * 0.37) % 1, 50);
    expect(s).toHaveLength(50);
    for (const ch of s) expect(SAFE_ALPHABET).toContain(ch);
  });
  it('hashes deterministically', () => {
    expect(fnv32a('hello')).toBe(fnv32a('hello'));
    expect(fnv32a('a')).not.toBe(fnv32a('b'));
    expect(fnv32a('')).toBe(0x811c9dc5);
    expect(safeEncode(1234567890)).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{10}$/);
  });
});
