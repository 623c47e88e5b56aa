/**
 * Offsets as Go's encoding/base64 StdEncoding.DecodeString reports them (src/encoding/base64/base64.go
 * decodeQuantum: CorruptInputError at a bad character, at a short final group's start, at a bad padding's `=`, at
 * trailing garbage) — the number in the API server's "illegal base64 data at input byte N" for a Secret's data.
 */
import { describe, expect, it } from 'vitest';
import { base64ErrorOffset, decodeBase64, encodeBase64 } from './base64';

describe('base64 as Go StdEncoding', () => {
  it('encodes UTF-8 text with padding', () => {
    expect(encodeBase64('hello')).toBe('aGVsbG8=');
    expect(encodeBase64('hi')).toBe('aGk=');
    expect(encodeBase64('abc')).toBe('YWJj');
    expect(encodeBase64('비밀')).toBe('67mE67CA');
    expect(encodeBase64('')).toBe('');
  });
  it('decodes what it encodes', () => {
    expect(decodeBase64('aGVsbG8=')).toBe('hello');
    expect(decodeBase64('67mE67CA')).toBe('비밀');
  });
  it('accepts well-formed input and line breaks', () => {
    for (const ok of ['', 'aGVsbG8=', 'aGk=', 'YWJj', 'YW\nJj']) expect(base64ErrorOffset(ok), ok).toBeUndefined();
  });
  it('reports the offset Go reports', () => {
    expect(base64ErrorOffset('abc')).toBe(0);
    expect(base64ErrorOffset('abcde')).toBe(4);
    expect(base64ErrorOffset('ab!d')).toBe(2);
    expect(base64ErrorOffset('a===')).toBe(1);
    expect(base64ErrorOffset('ab=')).toBe(3);
    expect(base64ErrorOffset('ab=c')).toBe(2);
    expect(base64ErrorOffset('ab==x')).toBe(4);
    expect(base64ErrorOffset('abc=x')).toBe(4);
    expect(base64ErrorOffset('plain text')).toBe(5);
  });
});
