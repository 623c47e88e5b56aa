/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  output: process.env.NEXT_OUTPUT === 'standalone' ? 'standalone' : undefined,
  // client-node is server-only; keep it out of the bundler's graph.
  serverExternalPackages: ['@kubernetes/client-node'],
  poweredByHeader: false,
};

export default nextConfig;
