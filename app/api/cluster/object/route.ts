import type { NextRequest } from 'next/server';
import { uriTooLong } from '@/lib/server/http-limits';
import { handleObjectRequest, processObjectDeps } from '@/lib/server/object-route';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** GET /api/cluster/object?kind=Pod&namespace=…&name=… — one pod in full, redacted (lib/server/object-route.ts). */
export function GET(req: NextRequest) {
  return uriTooLong(req.url) ?? handleObjectRequest(req, processObjectDeps());
}
