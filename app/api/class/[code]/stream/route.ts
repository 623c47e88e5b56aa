import { instructorKey, koreanError, withClassroom } from '@/lib/classroom/http';
import { CLASSROOM_RATES } from '@/lib/classroom/rate-limit';
import { joinCodeSchema } from '@/lib/classroom/validation';
import { classStream, SSE_HEADERS, STREAM_BUDGET, streamFits } from '@/lib/classroom/stream';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/**
 * GET /api/class/CODE/stream with the x-class-key header — the instructor's live feed (Server-Sent Events
 * framing, read with fetch so the key travels in a header, never in a URL or a log line).
 */
export async function GET(req: Request, ctx: { params: Promise<{ code: string }> }) {
  const code = joinCodeSchema.safeParse((await ctx.params).code);
  if (!code.success) return koreanError('수업을 찾을 수 없습니다.', 404);
  return withClassroom(req, 'stream', CLASSROOM_RATES.stream, async (rt) => {
    const info = await rt.service.asInstructor(code.data, instructorKey(req));
    if (!streamFits(rt.streams, STREAM_BUDGET, info.id)) {
      return koreanError('이 수업 화면이 너무 많이 열려 있습니다. 다른 탭을 닫고 다시 시도해 주세요.', 429, { 'retry-after': '10' });
    }
    return new Response(classStream(rt, info, req.signal), { headers: SSE_HEADERS });
  });
}
