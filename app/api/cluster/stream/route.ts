import type { NextRequest } from 'next/server';
import { getClusterRuntime, feedsFor } from '@/lib/server/runtime';
import { createStreamSession } from '@/lib/server/stream-session';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

const korean = (message: string, status: number) =>
  Response.json({ message }, { status, headers: { 'cache-control': 'no-store' } });

/**
 * GET /api/cluster/stream?namespace=a,b — Server-Sent Events over the shared watch hub.
 * Without `namespace` every configured namespace is streamed. Resumes from the Last-Event-ID header
 * (EventSource sends it on reconnect) or the `lastEventId` query parameter (for a fresh EventSource).
 */
export function GET(req: NextRequest) {
  const rt = getClusterRuntime();
  if (!rt.settings || !rt.hub) return korean('연결된 클러스터가 없습니다. 시뮬레이터 모드로 실습하세요.', 404);
  const requested = req.nextUrl.searchParams.get('namespace');
  const allowed = rt.settings.namespaces;
  const namespaces = requested ? requested.split(',').map((s) => s.trim()).filter(Boolean) : allowed;
  const refused = namespaces.find((ns) => !allowed.includes(ns));
  if (refused !== undefined || namespaces.length === 0) {
    return korean(`네임스페이스 "${refused ?? ''}"는 이 대시보드에서 볼 수 없습니다. 허용: ${allowed.join(', ')}`, 403);
  }
  const lastEventId = req.headers.get('last-event-id') ?? req.nextUrl.searchParams.get('lastEventId');
  rt.streams++;
  const body = createStreamSession({
    hub: rt.hub,
    feeds: feedsFor(namespaces),
    namespaces,
    lastEventId,
    onClose: () => {
      rt.streams--;
    },
  });
  return new Response(body, {
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store, no-transform',
      connection: 'keep-alive',
      // nginx and similar proxies would otherwise buffer the stream
      'x-accel-buffering': 'no',
    },
  });
}
