/**
 * The classroom's live feeds as byte streams (Server-Sent Events framing): the instructor's progress feed and
 * the students' follow-me feed. Each open stream counts against its budget, gets heartbeats, and closes on
 * `gone` (class deleted) or when the browser goes away.
 */
import { encodeSse, formatSse, formatSseComment } from '@/lib/server/sse';
import type { ClassroomRuntime, StreamCounter } from './runtime';
import type { ClassInfo } from './service';

/** Instructor tabs per class and per process; each costs one hub subscriber, not a query per event. */
export const STREAM_BUDGET = { perClass: 6, total: 200 };
/** Following students per class and per process: a whole class may follow, each one hub subscriber. */
export const FOLLOW_STREAM_BUDGET = { perClass: 400, total: 2000 };
const HEARTBEAT_MS = 15_000;

/** Whether one more stream for `classId` fits the budget. */
export function streamFits(counter: StreamCounter, budget: { perClass: number; total: number }, classId: string): boolean {
  return (counter.byClass.get(classId) ?? 0) < budget.perClass && counter.total < budget.total;
}

type Update = { type: string };
type Subscribe = (send: (u: Update) => void) => Promise<() => void>;

function liveStream(counter: StreamCounter, classId: string, abort: AbortSignal, first: string, subscribe: Subscribe): ReadableStream<Uint8Array> {
  let cleanup = () => {};
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      counter.total++;
      counter.byClass.set(classId, (counter.byClass.get(classId) ?? 0) + 1);
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
        counter.total--;
        const left = (counter.byClass.get(classId) ?? 1) - 1;
        if (left > 0) counter.byClass.set(classId, left);
        else counter.byClass.delete(classId);
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      }
      cleanup = close;
      abort.addEventListener('abort', close);
      send(first);
      try {
        unsubscribe = await subscribe((u) => {
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

/** The instructor's feed: a `class` event, then `members`/`events` updates from the hub. */
export function classStream(rt: ClassroomRuntime, info: ClassInfo, abort: AbortSignal): ReadableStream<Uint8Array> {
  const first = formatSse({ event: 'class', data: JSON.stringify({ code: info.code, name: info.name, lessons: info.lessons, expiresAt: info.expiresAt }), retry: 2000 });
  return liveStream(rt.streams, info.id, abort, first, (send) => rt.hub.subscribe(info.id, send));
}

/** A student's follow-me feed: `snapshot`/`append`/`clock`/`stopped` of the instructor's broadcast, and `nav`. */
export function followStream(rt: ClassroomRuntime, info: ClassInfo, abort: AbortSignal): ReadableStream<Uint8Array> {
  const first = formatSse({ event: 'hello', data: JSON.stringify({ code: info.code }), retry: 2000 });
  return liveStream(rt.followStreams, info.id, abort, first, (send) => rt.followHub.subscribe(info.id, send));
}

export const SSE_HEADERS = { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store, no-transform', 'x-accel-buffering': 'no' };
