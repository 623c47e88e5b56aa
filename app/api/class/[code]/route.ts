import { instructorKey, json, koreanError, withClassroom } from '@/lib/classroom/http';
import { CLASSROOM_RATES } from '@/lib/classroom/rate-limit';
import { joinCodeSchema } from '@/lib/classroom/validation';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** DELETE /api/class/CODE with the x-class-key header — deletes the class, its members and all progress. */
export async function DELETE(req: Request, ctx: { params: Promise<{ code: string }> }) {
  const code = joinCodeSchema.safeParse((await ctx.params).code);
  if (!code.success) return koreanError('수업을 찾을 수 없습니다.', 404);
  return withClassroom(req, 'join', CLASSROOM_RATES.join, async ({ service }) => {
    await service.deleteClass(code.data, instructorKey(req));
    return json({ deleted: true });
  });
}
