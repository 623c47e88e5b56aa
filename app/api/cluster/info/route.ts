import { coldInfo } from '@/lib/server/cluster-env';
import { requestAgeMs } from '@/lib/server/http-hardening';
import { INFO_ANSWER_MS, settleWithin } from '@/lib/server/reachability';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/**
 * GET /api/cluster/info — mode, server host, version, reachability. Answers within INFO_ANSWER_MS of the
 * request's arrival even when the cluster stalls, counting the time a cold process spent before this ran.
 * The cluster runtime (and with it @kubernetes/client-node, seconds to load on a busy cold machine) is
 * imported lazily: until it is there, the answer comes from the environment alone.
 */
export async function GET(req: Request) {
  const deadline = Date.now() + Math.max(200, INFO_ANSWER_MS - requestAgeMs(req.headers));
  const rt = await settleWithin(
    import('@/lib/server/runtime')
      .then((m) => m.getClusterRuntime())
      .catch(() => null),
    deadline - Date.now(),
  );
  const info = rt ? await rt.info(Math.max(0, deadline - Date.now())) : coldInfo(process.env);
  return Response.json(info, { headers: { 'cache-control': 'no-store' } });
}
