/**
 * Runs before every page (not API routes or static files; see `config.matcher`): a fresh CSP nonce per
 * request, the page security headers (lib/server/security-headers.ts), and a 414 with a Korean message
 * for an over-long URL instead of rendering it.
 */
import { NextResponse, type NextRequest } from 'next/server';
import { MAX_URL_CHARS } from '@/lib/server/http-limits';
import { NONCE_HEADER, contentSecurityPolicy, createNonce, pageSecurityHeaders } from '@/lib/server/security-headers';
import { securitySettings } from '@/lib/server/security-settings';

export function proxy(request: NextRequest) {
  if (request.url.length > MAX_URL_CHARS) {
    return new NextResponse(`주소(URL)가 너무 깁니다 (최대 ${MAX_URL_CHARS / 1024} KB). 주소 뒤의 매개변수를 줄여 주세요.\n`, {
      status: 414,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
    });
  }
  const nonce = createNonce();
  const options = { frameAncestors: securitySettings().frameAncestors, dev: process.env.NODE_ENV === 'development' };
  // Next.js reads the nonce from the request's CSP header while rendering; the layout reads NONCE_HEADER.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set(NONCE_HEADER, nonce);
  requestHeaders.set('content-security-policy', contentSecurityPolicy(nonce, options));
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [k, v] of Object.entries(pageSecurityHeaders(nonce, options))) response.headers.set(k, v);
  return response;
}

export const config = {
  matcher: [
    {
      source: '/((?!api/|_next/static|_next/image|favicon.ico|icon.svg|sim-worker.js).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
