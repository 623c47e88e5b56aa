import { koreanError, withClassroom } from '@/lib/classroom/http';
import { CLASSROOM_RATES } from '@/lib/classroom/rate-limit';
import { joinCodeSchema, rejoinCodeSchema } from '@/lib/classroom/validation';
import { FOLLOW_STREAM_BUDGET, followStream, SSE_HEADERS, streamFits } from '@/lib/classroom/stream';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/**
 * GET /api/class/CODE/follow/stream with the x-class-rejoin header — a joined student's follow-me feed: the
 * instructor's broadcast (recipe, writes, clock) and "go to this lesson". Members only; the rejoin code travels
 * in a header, never in a URL.
 */
export async function GET(req: Request, ctx: { params: Promise<{ code: string }> }) {
  const code = joinCodeSchema.safeParse((await ctx.params).code);
  const rejoin = rejoinCodeSchema.safeParse(req.headers.get('x-class-rejoin') ?? '');
  if (!code.success || !rejoin.success) return koreanError('수업을 찾을 수 없습니다.', 404);
  return withClassroom(req, 'follow-stream', CLASSROOM_RATES.followStream, async (rt) => {
    const { info } = await rt.service.member(code.data, rejoin.data);
    if (!streamFits(rt.followStreams, FOLLOW_STREAM_BUDGET, info.id)) {
      return koreanError('따라오기 연결이 너무 많습니다. 잠시 후 다시 시도해 주세요.', 429, { 'retry-after': '10' });
    }
    return new Response(followStream(rt, info, req.signal), { headers: SSE_HEADERS });
  });
}
