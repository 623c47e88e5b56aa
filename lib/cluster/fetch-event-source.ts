/**
 * The live stream read with fetch() and parsed here (lib/text/sse-parse.ts) instead of by the browser's EventSource.
 * Chromium's EventSource parses a stream on the main thread at ~14 ms per MB on the project's machine: the 35 MB
 * snapshot of a 20,000-pod cluster spent ~490 ms in it (bench:live-scale, Chromium trace: `Resource::appendData`
 * 795 ms of CPU, 309 of them the page's own handlers), in tasks of 30–50 ms on top of each part's JSON.parse. Here the
 * text is decoded natively and scanned once.
 *
 * The page's own work on what it reads (each event's listeners: a snapshot part's JSON.parse and its application) is
 * given back to the browser in slices: once the listeners have had READ_SLICE_MS, the next event waits for a new
 * task. A body read faster than the page handles it has its next chunk ready at once, `await reader.read()` then
 * continues in the same task, and one chunk of a gzipped stream decodes to several events: the 22 parts of a
 * 20,000-pod snapshot ran three or four at a time in tasks of 75–125 ms (bench:live-scale trace), the page frozen
 * meanwhile. One event's listeners stay one piece.
 *
 * It never reconnects by itself: a failed request, an HTTP error, a body that is not an event stream or a stream that
 * ends all leave it CLOSED and call `onerror`, and the LiveClient opens a new one (with the last event id in the URL,
 * and backoff). `close()` ends it without an error.
 */
import { createSseParser } from '../text/sse-parse';
import type { EventSourceLike } from './live-client-options';

export const CONNECTING = 0;
export const OPEN = 1;
export const CLOSED = 2;

type Listener = (ev: { data: string; lastEventId?: string }) => void;

/** Milliseconds of the listeners' work on what was read before the next event waits for a new task. */
export const READ_SLICE_MS = 8;

/** The seams a test replaces: the clock, and how to wait for a new task. */
export interface ReadPacing {
  now: () => number;
  nextTask: () => Promise<void>;
}

/**
 * A new task, queued behind those already waiting: a MessageChannel message (setTimeout(0) is clamped to 4 ms when
 * nested). Not `scheduler.yield()`, whose continuation goes ahead of other waiting tasks: React's render of what the
 * listeners changed (a snapshot's progress bar) is such a task, and would wait for the whole snapshot.
 */
function nextTask(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((r) => setTimeout(r, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

const defaultPacing: ReadPacing = { now: () => performance.now(), nextTask };

export class FetchEventSource implements EventSourceLike {
  readyState: number = CONNECTING;
  onerror: ((ev: Event) => void) | null = null;
  /** The server's `retry:` (ms), if it sent one: how long it asks a client to wait before reconnecting. */
  retry: number | undefined;
  private readonly listeners = new Map<string, Listener[]>();
  private readonly abort = new AbortController();

  constructor(url: string, fetchImpl: typeof fetch = (...a) => fetch(...a), private readonly pacing: ReadPacing = defaultPacing) {
    void this.read(url, fetchImpl);
  }

  addEventListener(type: string, cb: Listener): void {
    const list = this.listeners.get(type);
    if (list) list.push(cb);
    else this.listeners.set(type, [cb]);
  }

  close(): void {
    this.readyState = CLOSED;
    this.abort.abort();
  }

  private async read(url: string, fetchImpl: typeof fetch): Promise<void> {
    try {
      const res = await fetchImpl(url, { headers: { accept: 'text/event-stream' }, cache: 'no-store', signal: this.abort.signal });
      const body = res.body;
      if (!res.ok || !body || !/^text\/event-stream\b/i.test(res.headers.get('content-type') ?? '')) {
        await body?.cancel().catch(() => {});
        throw new Error(`HTTP ${res.status}`);
      }
      if (this.readyState === CLOSED) return void body.cancel().catch(() => {});
      this.readyState = OPEN;
      // events parsed from what was read, dispatched in order from here (a chunk can hold several: a gzipped
      // stream's chunks decode to more than a megabyte)
      const parsed: [type: string, data: string, lastEventId: string | undefined][] = [];
      const feed = createSseParser({
        event: (type, data, lastEventId) => void parsed.push([type, data, lastEventId]),
        retry: (ms) => (this.retry = ms),
      });
      const reader = body.getReader();
      const decoder = new TextDecoder();
      const { now, nextTask: newTask } = this.pacing;
      // the page's time spent on what was read since it last gave the main thread back
      let busy = 0;
      /** Dispatches what is parsed, in a new task whenever the slice is used up; false once the stream is closed. */
      const dispatch = async (): Promise<boolean> => {
        for (let i = 0; i < parsed.length; i++) {
          if (busy >= READ_SLICE_MS) {
            await newTask();
            busy = 0;
          }
          if (this.readyState !== OPEN) return false;
          const [type, data, lastEventId] = parsed[i];
          const start = now();
          for (const cb of this.listeners.get(type) ?? []) if (this.readyState === OPEN) cb({ data, lastEventId });
          busy += now() - start;
        }
        parsed.length = 0;
        return this.readyState === OPEN;
      };
      for (;;) {
        const { done, value } = await reader.read();
        if (done || this.readyState === CLOSED) break;
        feed(decoder.decode(value, { stream: true }));
        if (!(await dispatch())) break;
      }
      feed(decoder.decode());
      await dispatch();
    } catch {
      // a network error, an HTTP error or our own abort: reported below unless the page closed the stream
    }
    if (this.readyState === CLOSED) return;
    this.readyState = CLOSED;
    this.onerror?.(new Event('error'));
  }
}
