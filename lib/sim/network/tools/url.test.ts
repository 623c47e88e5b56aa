import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseUrl } from './common';

/**
 * The pattern parseUrl used to match with (curl's and busybox wget's reading: optional scheme, host, :port, path and
 * query, fragment), kept here as the reference the character-by-character reader must agree with.
 */
function byPattern(raw: string) {
  const m = /^(?:([a-zA-Z][a-zA-Z0-9+.-]*):\/\/)?([^/:?#\s]+)(?::(\d*))?([/?][^#\s]*)?(?:#.*)?$/.exec(raw);
  if (!m) return undefined;
  const scheme = (m[1] ?? 'http').toLowerCase();
  if (scheme !== 'http' && scheme !== 'https') return undefined;
  const port = m[3] ? Number(m[3]) : scheme === 'https' ? 443 : 80;
  if (!(port > 0 && port < 65536)) return undefined;
  const path = m[4] ? (m[4].startsWith('?') ? `/${m[4]}` : m[4]) : '/';
  return { scheme, host: m[2].toLowerCase(), port, path };
}

describe('parseUrl', () => {
  it('reads the URLs curl and wget are given', () => {
    expect(parseUrl('http://web')).toEqual({ scheme: 'http', host: 'web', port: 80, path: '/' });
    expect(parseUrl('HTTPS://Web.Default.svc:8443/a/b?q=1#top')).toEqual({ scheme: 'https', host: 'web.default.svc', port: 8443, path: '/a/b?q=1' });
    expect(parseUrl('10.96.0.10:8080?x')).toEqual({ scheme: 'http', host: '10.96.0.10', port: 8080, path: '/?x' });
    expect(parseUrl('web:')).toEqual({ scheme: 'http', host: 'web', port: 80, path: '/' });
    for (const bad of ['', 'ftp://web/', 'http://web:0/', 'http://web:65536', 'http://we b/', 'http://web/a b', ':80', 'web:8x'])
      expect(parseUrl(bad), bad).toBeUndefined();
  });

  it('backtracks like the pattern: a scheme whose rest does not read is read as a host and a path', () => {
    // `http://#x`: no host after the scheme, so `http` is the host, `:` an empty port and `//` the path
    expect(parseUrl('http://#x')).toEqual({ scheme: 'http', host: 'http', port: 80, path: '//' });
  });

  it('agrees with the pattern on any text of URL characters', () => {
    const piece = fc.constantFrom('http', 'HTTPS', 'ftp', 'a+b.c-d', '://', ':', '/', '?', '#', ' ', '\t', '\n', '\u2028', '\u2029', '\r', '\v', '\u00a0', '\u3000', '\ufeff', '80', '65536', '0', 'web', '10.0.0.1', 'x', '1');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (parts) => {
        const raw = parts.join('');
        expect(parseUrl(raw)).toEqual(byPattern(raw));
      }),
      { numRuns: 5_000 },
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 24 }), (raw) => {
        expect(parseUrl(raw)).toEqual(byPattern(raw));
      }),
      { numRuns: 2_000 },
    );
  });
});
