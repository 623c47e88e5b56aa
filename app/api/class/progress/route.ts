import { json, koreanError, parseBody, withClassroom } from '@/lib/classroom/http';
import { unknownId } from '@/lib/classroom/lesson-ids';
import { CLASSROOM_RATES } from '@/lib/classroom/rate-limit';
import { progressBatchSchema } from '@/lib/classroom/validation';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** POST /api/class/progress {code, rejoin, events[]} — one small batch from a joined student's browser. */
export function POST(req: Request) {
  return withClassroom(req, 'progress', CLASSROOM_RATES.progress, async ({ service }) => {
    const body = await parseBody(req, progressBatchSchema);
    if (!body.ok) return body.response;
    const unknown = unknownId(body.data.events);
    if (unknown) return koreanError(unknown, 400);
    const stored = await service.recordProgress(body.data.code, body.data.rejoin, body.data.events);
    return json({ stored });
  });
}
