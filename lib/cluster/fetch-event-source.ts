/**
 * The live stream read with fetch() and parsed here (lib/text/sse-parse.ts) instead of by the browser's EventSource.
 * Chromium's EventSource parses a stream on the main thread at ~14 ms per MB on the project's machine: the 35 MB
 * snapshot of a 20,000-pod cluster spent ~490 ms in it (bench:live-scale, Chromium trace: `Resource::appendData`
 * 795 ms of CPU, 309 of them the page's own handlers), in tasks of 30–50 ms on top of each part's JSON.parse. Here the
 * text is decoded natively and scanned once.
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

export class FetchEventSource implements EventSourceLike {
  readyState: number = CONNECTING;
  onerror: ((ev: Event) => void) | null = null;
  /** The server's `retry:` (ms), if it sent one: how long it asks a client to wait before reconnecting. */
  retry: number | undefined;
  private readonly listeners = new Map<string, Listener[]>();
  private readonly abort = new AbortController();

  constructor(url: string, fetchImpl: typeof fetch = (...a) => fetch(...a)) {
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
      const feed = createSseParser({
        event: (type, data, lastEventId) => {
          for (const cb of this.listeners.get(type) ?? []) if (this.readyState === OPEN) cb({ data, lastEventId });
        },
        retry: (ms) => (this.retry = ms),
      });
      const reader = body.getReader();
      const decoder = new TextDecoder();
      for (;;) {
        const { done, value } = await reader.read();
        if (done || this.readyState === CLOSED) break;
        feed(decoder.decode(value, { stream: true }));
      }
      feed(decoder.decode());
    } catch {
      // a network error, an HTTP error or our own abort: reported below unless the page closed the stream
    }
    if (this.readyState === CLOSED) return;
    this.readyState = CLOSED;
    this.onerror?.(new Event('error'));
  }
}
