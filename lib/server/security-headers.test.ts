import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, createNonce, pageSecurityHeaders } from './security-headers';

const directives = (csp: string) => new Map(csp.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));

describe('page security headers', () => {
  it('lets only nonce-bearing scripts run and nothing load from other origins', () => {
    const csp = directives(contentSecurityPolicy('abc123', { frameAncestors: "'none'" }));
    expect(csp.get('script-src')).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(csp.get('script-src')).not.toContain("'unsafe-inline'");
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('script-src')).not.toContain("'unsafe-eval'");
  });

  it('follows FRAME_ANCESTORS, with a matching X-Frame-Options only where it can express it', () => {
    expect(pageSecurityHeaders('n', { frameAncestors: "'none'" })['x-frame-options']).toBe('DENY');
    expect(pageSecurityHeaders('n', { frameAncestors: "'self'" })['x-frame-options']).toBe('SAMEORIGIN');
    const embedded = pageSecurityHeaders('n', { frameAncestors: "'self' https://lms.example.edu" });
    expect(embedded['x-frame-options']).toBeUndefined();
    expect(embedded['content-security-policy']).toContain("frame-ancestors 'self' https://lms.example.edu");
  });

  it('makes a new 128-bit nonce every time', () => {
    const a = createNonce();
    expect(a).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(createNonce()).not.toBe(a);
  });
});
