import type { NextRequest } from 'next/server';
import { clientAddress, rateKey } from '@/lib/server/client-address';
import { closeConnection, setContentEncoding } from '@/lib/server/http-hardening';
import { uriTooLong } from '@/lib/server/http-limits';
import { echo } from '@/lib/server/names';
import { getClusterRuntime, feedsFor } from '@/lib/server/runtime';
import { securitySettings } from '@/lib/server/security-settings';
import { acceptsGzip, gzipStream, type GzipSeats } from '@/lib/server/sse-gzip';
import { createStreamSession } from '@/lib/server/stream-session';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

const korean = (message: string, status: number, headers: Record<string, string> = {}) =>
  Response.json({ message }, { status, headers: { 'cache-control': 'no-store', ...headers } });

/**
 * The stream gzipped when the browser accepts it and a compressor is free. Content-Encoding goes on the Node
 * response itself: Next.js drops it from a route's Response headers (and without it, no gzip).
 */
function maybeGzipped(req: NextRequest, body: ReadableStream<Uint8Array>, seats: GzipSeats): ReadableStream<Uint8Array> {
  if (!acceptsGzip(req.headers.get('accept-encoding'))) return body;
  const release = seats.take();
  if (!release) return body;
  if (!setContentEncoding(req.headers, 'gzip')) {
    release();
    return body;
  }
  return gzipStream(body, release);
}

/**
 * GET /api/cluster/stream?namespace=a,b — Server-Sent Events over the shared watch hub.
 * Without `namespace` every configured namespace is streamed. Resumes from the Last-Event-ID header
 * (EventSource sends it on reconnect) or the `lastEventId` query parameter (for a fresh EventSource).
 * Each stream takes a seat in the runtime's StreamBudget (streams per client and in total, queued bytes).
 * A browser that accepts gzip gets the stream gzipped while a compressor is free (sse-gzip.ts); `no-transform`
 * keeps Next.js's own compression away from it either way.
 */
export function GET(req: NextRequest) {
  const long = uriTooLong(req.url);
  if (long) return long;
  const rt = getClusterRuntime();
  if (!rt.settings || !rt.hub) return korean('연결된 클러스터가 없습니다. 시뮬레이터 모드로 실습하세요.', 404);
  const requested = req.nextUrl.searchParams.get('namespace');
  const allowed = rt.settings.namespaces;
  const namespaces = requested ? requested.split(',').map((s) => s.trim()).filter(Boolean) : allowed;
  const refused = namespaces.find((ns) => !allowed.includes(ns));
  if (refused !== undefined || namespaces.length === 0) {
    return korean(`네임스페이스 "${echo(refused ?? '', 63)}"는 이 대시보드에서 볼 수 없습니다. 허용: ${allowed.join(', ')}`, 403);
  }
  const security = securitySettings();
  const admission = rt.streamBudget.admit(rateKey(clientAddress(req.headers, security)));
  if (!admission.ok) return korean(admission.message, admission.code, { 'retry-after': String(admission.retryAfterS) });
  const lastEventId = req.headers.get('last-event-id') ?? req.nextUrl.searchParams.get('lastEventId');
  const body = createStreamSession({
    hub: rt.hub,
    feeds: feedsFor(namespaces),
    namespaces,
    lastEventId,
    seat: admission.seat,
    maxQueueBytes: security.maxQueuedBytesPerStream,
    maxSnapshotBytes: security.maxSnapshotBytes,
    // A dropped client that does not read would keep its socket (and what Node buffers for it) forever:
    // close it; a real browser reconnects and resumes from Last-Event-ID.
    onClose: (reason) => {
      if (reason === 'dropped') closeConnection(req.headers);
    },
  });
  return new Response(maybeGzipped(req, body, rt.gzipSeats), {
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      // no-transform: Next.js's compression middleware (and any proxy) leaves the stream as it is
      'cache-control': 'no-store, no-transform',
      vary: 'accept-encoding',
      connection: 'keep-alive',
      // nginx and similar proxies would otherwise buffer the stream
      'x-accel-buffering': 'no',
    },
  });
}
