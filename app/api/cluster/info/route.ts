import { getClusterRuntime } from '@/lib/server/runtime';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** GET /api/cluster/info — mode, server host, version, reachability; answers within ~2 s even when the cluster stalls. */
export async function GET() {
  const info = await getClusterRuntime().info();
  return Response.json(info, { headers: { 'cache-control': 'no-store' } });
}
