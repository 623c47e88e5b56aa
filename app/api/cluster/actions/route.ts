import type { NextRequest } from 'next/server';
import { WRITE_TOKEN_HEADER } from '@/lib/cluster/live-protocol';
import { handleActionRequest } from '@/lib/server/action-route';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** POST /api/cluster/actions — guarded writes (token + same origin + validated action); see lib/server/policy.ts. */
export function POST(req: NextRequest) {
  return handleActionRequest(req, WRITE_TOKEN_HEADER);
}
