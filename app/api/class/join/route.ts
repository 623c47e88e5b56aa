import { json, parseBody, withClassroom } from '@/lib/classroom/http';
import { CLASSROOM_RATES } from '@/lib/classroom/rate-limit';
import { joinSchema } from '@/lib/classroom/validation';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** POST /api/class/join {code, nickname} — a student joins; answers the rejoin code that identifies them. */
export function POST(req: Request) {
  return withClassroom(req, 'join', CLASSROOM_RATES.join, async ({ service }) => {
    const body = await parseBody(req, joinSchema);
    if (!body.ok) return body.response;
    const { info, member, rejoin } = await service.join(body.data.code, body.data.nickname);
    return json({ code: info.code, name: info.name, lessons: info.lessons, nickname: member.nickname, rejoin }, 201);
  });
}
