import { instructorKey, json, koreanError, parseBody, withClassroom } from '@/lib/classroom/http';
import { CLASSROOM_RATES } from '@/lib/classroom/rate-limit';
import { joinCodeSchema } from '@/lib/classroom/validation';
import { followPostSchema } from '@/lib/classroom/follow-protocol';
import { FollowGapError } from '@/lib/classroom/follow-service';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/**
 * POST /api/class/CODE/follow with the x-class-key header — the instructor's Playground broadcasts (따라오기):
 * `broadcast` appends writes and the clock, `stop` ends it, `nav` sends the class to a lesson. A 409 with
 * `have` tells the Playground where the stored record ends so it resends from there.
 */
export async function POST(req: Request, ctx: { params: Promise<{ code: string }> }) {
  const code = joinCodeSchema.safeParse((await ctx.params).code);
  if (!code.success) return koreanError('수업을 찾을 수 없습니다.', 404);
  return withClassroom(req, 'follow', CLASSROOM_RATES.follow, async ({ service, follow }) => {
    const info = await service.asInstructor(code.data, instructorKey(req));
    const body = await parseBody(req, followPostSchema);
    if (!body.ok) return body.response;
    const post = body.data;
    if (post.kind === 'stop') {
      await follow.stop(info.id);
      return json({ stopped: true });
    }
    if (post.kind === 'nav') return json(await follow.navigate(info.id, info.lessons, post.lesson, post.anchor));
    try {
      return json({ have: await follow.broadcast(info.id, post) });
    } catch (e) {
      if (e instanceof FollowGapError) return Response.json({ message: e.message, have: e.have }, { status: 409, headers: { 'cache-control': 'no-store' } });
      throw e;
    }
  });
}
