import { lessonMetas } from '@/lib/lessons/content';
import { json, koreanError, parseBody, withClassroom } from '@/lib/classroom/http';
import { CLASSROOM_RATES } from '@/lib/classroom/rate-limit';
import { createClassSchema } from '@/lib/classroom/validation';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** POST /api/class {name, lessons} — opens a class; the instructor key is in this answer and nowhere else. */
export function POST(req: Request) {
  return withClassroom(req, 'create', CLASSROOM_RATES.create, async ({ service }) => {
    const body = await parseBody(req, createClassSchema);
    if (!body.ok) return body.response;
    const known = new Set(lessonMetas().map((l) => l.slug));
    const unknown = body.data.lessons.find((l) => !known.has(l));
    if (unknown) return koreanError(`알 수 없는 레슨입니다: ${unknown}`, 400);
    const { info, key } = await service.createClass(body.data);
    return json({ code: info.code, name: info.name, lessons: info.lessons, expiresAt: info.expiresAt, key }, 201);
  });
}
