import { INFO_ANSWER_MS } from '@/lib/server/deadline';
import { requestAgeMs } from '@/lib/server/http-hardening';
import { getClusterRuntime } from '@/lib/server/runtime';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/**
 * GET /api/cluster/info — mode, server host, version, reachability. Answers within INFO_ANSWER_MS of the
 * request's arrival even when the cluster stalls, counting the time a cold process spent before this ran.
 */
export async function GET(req: Request) {
  const info = await getClusterRuntime().info(Math.max(200, INFO_ANSWER_MS - requestAgeMs(req.headers)));
  return Response.json(info, { headers: { 'cache-control': 'no-store' } });
}
