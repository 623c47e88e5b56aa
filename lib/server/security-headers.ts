/**
 * Response headers for pages (set per request by proxy.ts, because the CSP carries a fresh nonce and
 * FRAME_ANCESTORS is read at run time, not build time).
 *
 * Scripts: only those carrying the request's nonce ('strict-dynamic' then trusts what they load). Next.js
 * puts the nonce on its own scripts when it finds it in the request's CSP header; the theme script in the
 * root layout reads it from NONCE_HEADER. Styles: 'unsafe-inline', because React Flow and CodeMirror
 * position everything with style attributes, which nonces cannot cover (a nonce in style-src would also
 * switch 'unsafe-inline' off). Nothing is loaded from other origins.
 */

/** Request header through which proxy.ts hands the nonce to server components. */
export const NONCE_HEADER = 'x-nonce';

export interface CspOptions {
  frameAncestors: string;
  /** `next dev` needs eval (React's error overlays) and a WebSocket for hot reload. */
  dev?: boolean;
}

/** A fresh nonce: 128 random bits, base64. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

export function contentSecurityPolicy(nonce: string, o: CspOptions): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${o.dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${o.dev ? ' ws: wss:' : ''}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${o.frameAncestors}`,
  ].join('; ');
}

/**
 * The page headers besides the CSP. X-Frame-Options repeats frame-ancestors for browsers without CSP
 * level 2; it can only say DENY or SAMEORIGIN, so with a list of embedding origins it is left out.
 */
export function pageSecurityHeaders(nonce: string, o: CspOptions): Record<string, string> {
  const headers: Record<string, string> = { 'content-security-policy': contentSecurityPolicy(nonce, o) };
  if (o.frameAncestors === "'none'") headers['x-frame-options'] = 'DENY';
  else if (o.frameAncestors === "'self'") headers['x-frame-options'] = 'SAMEORIGIN';
  return headers;
}
