/**
 * Headers every response gets. Pages also get a per-request Content-Security-Policy with a nonce and the
 * FRAME_ANCESTORS setting from proxy.ts; API responses are data, never documents, so their CSP allows nothing.
 */
const everywhere = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'same-origin' },
];
const apiOnly = [
  { key: 'Content-Security-Policy', value: "default-src 'none'; frame-ancestors 'none'" },
  { key: 'X-Frame-Options', value: 'DENY' },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  output: process.env.NEXT_OUTPUT === 'standalone' ? 'standalone' : undefined,
  // client-node is server-only; keep it out of the bundler's graph.
  serverExternalPackages: ['@kubernetes/client-node'],
  poweredByHeader: false,
  async headers() {
    return [
      { source: '/:path*', headers: everywhere },
      { source: '/api/:path*', headers: apiOnly },
    ];
  },
};

export default nextConfig;
