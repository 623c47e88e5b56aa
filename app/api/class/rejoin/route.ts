import { json, parseBody, withClassroom } from '@/lib/classroom/http';
import { CLASSROOM_RATES } from '@/lib/classroom/rate-limit';
import { rejoinSchema } from '@/lib/classroom/validation';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** POST /api/class/rejoin {code, rejoin} — back on another device; shares the join budget (it is a guess too). */
export function POST(req: Request) {
  return withClassroom(req, 'join', CLASSROOM_RATES.join, async ({ service }) => {
    const body = await parseBody(req, rejoinSchema);
    if (!body.ok) return body.response;
    const { info, member } = await service.member(body.data.code, body.data.rejoin);
    return json({ code: info.code, name: info.name, lessons: info.lessons, nickname: member.nickname, rejoin: body.data.rejoin });
  });
}
