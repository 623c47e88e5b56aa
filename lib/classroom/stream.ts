/**
 * The instructor's live feed as a byte stream: a `class` event, then `members`/`events` updates from the hub,
 * heartbeats, and `gone` when the class is deleted. Counted against the stream budget while open.
 */
import { encodeSse, formatSse, formatSseComment } from '@/lib/server/sse';
import type { ClassroomRuntime } from './runtime';
import type { ClassInfo } from './service';

/** Instructor tabs per class and per process; each costs one hub subscriber, not a query per event. */
export const STREAM_BUDGET = { perClass: 6, total: 200 };
const HEARTBEAT_MS = 15_000;

export function classStream(rt: ClassroomRuntime, info: ClassInfo, abort: AbortSignal): ReadableStream<Uint8Array> {
  const { streams } = rt;
  let cleanup = () => {};
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      streams.total++;
      streams.byClass.set(info.id, (streams.byClass.get(info.id) ?? 0) + 1);
      let closed = false;
      const send = (text: string) => {
        if (closed) return;
        try {
          controller.enqueue(encodeSse(text));
        } catch {
          close();
        }
      };
      const heartbeat = setInterval(() => send(formatSseComment('heartbeat')), HEARTBEAT_MS);
      let unsubscribe = () => {};
      function close() {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        unsubscribe();
        streams.total--;
        const left = (streams.byClass.get(info.id) ?? 1) - 1;
        if (left > 0) streams.byClass.set(info.id, left);
        else streams.byClass.delete(info.id);
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      }
      cleanup = close;
      abort.addEventListener('abort', close);
      send(formatSse({ event: 'class', data: JSON.stringify({ code: info.code, name: info.name, lessons: info.lessons, expiresAt: info.expiresAt }), retry: 2000 }));
      try {
        unsubscribe = await rt.hub.subscribe(info.id, (u) => {
          send(formatSse({ event: u.type, data: JSON.stringify(u) }));
          if (u.type === 'gone') close();
        });
        if (closed) unsubscribe();
      } catch {
        send(formatSse({ event: 'problem', data: JSON.stringify({ message: '수업 데이터를 읽지 못했습니다. 새로고침해 주세요.' }) }));
        close();
      }
    },
    cancel() {
      cleanup();
    },
  });
}
