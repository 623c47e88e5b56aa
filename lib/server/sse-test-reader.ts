/** For tests: reads a stream session's bytes as they are enqueued and parses them the way EventSource does. */
import { vi } from 'vitest';

export interface Parsed {
  event: string;
  id?: string;
  data?: unknown;
  comment?: string;
}

/** Reads what has been enqueued so far and parses it as EventSource would. */
export function reader(stream: ReadableStream<Uint8Array>) {
  const r = stream.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const out: Parsed[] = [];
  let pumping = true;
  let failure: unknown = null;
  void (async () => {
    try {
      while (pumping) {
        const { value, done } = await r.read();
        if (done) break;
        buffer += decoder.decode(value);
        let i;
        while ((i = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, i);
          buffer = buffer.slice(i + 2);
          const ev: Parsed = { event: 'message' };
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) ev.comment = line.slice(2);
            else if (line.startsWith('event: ')) ev.event = line.slice(7);
            else if (line.startsWith('id: ')) ev.id = line.slice(4);
            else if (line.startsWith('data: ')) ev.data = JSON.parse(line.slice(6));
            else if (line.startsWith('retry: ')) ev.event = 'retry';
          }
          out.push(ev);
        }
      }
    } catch (e) {
      failure = e;
    }
  })();
  return {
    events: out,
    failed: () => failure,
    stop: () => {
      pumping = false;
      void r.cancel();
    },
  };
}

/** One turn of the event loop. */
export const turn = () => new Promise<void>((r) => setImmediate(r));

/** A reader that only reads when asked: what has arrived so far, as EventSource would see it. */
export function manualReader(stream: ReadableStream<Uint8Array>, onEvent: (event: string) => void = () => {}) {
  const r = stream.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const events: { event: string; data?: unknown }[] = [];
  let failure: unknown = null;
  let inFlight: Promise<void> | null = null;
  let ended = false;
  const readOne = () =>
    (inFlight ??= r.read().then(
      ({ value, done }) => {
        inFlight = null;
        ended ||= done;
        buffer += decoder.decode(value ?? new Uint8Array(), { stream: true });
        for (let at = buffer.indexOf('\n\n'); at >= 0; at = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, at);
          buffer = buffer.slice(at + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1] ?? (block.startsWith('retry') ? 'retry' : block.startsWith(':') ? 'comment' : 'message');
          const data = /^data: (.*)$/m.exec(block)?.[1];
          events.push({ event, data: data === undefined ? undefined : JSON.parse(data) });
          onEvent(event);
        }
      },
      (e) => {
        failure = e;
      },
    ));
  /** Reads everything available, giving the session `turns` event-loop turns to produce more. */
  const drain = async (turns = 20) => {
    for (let idle = 0; idle < turns && !failure && !ended; ) {
      const got = await Promise.race([readOne().then(() => true), turn().then(() => false)]);
      idle = got ? 0 : idle + 1;
    }
  };
  return { events, drain, failed: () => failure, cancel: () => r.cancel() };
}

/** The names of the pods in the snapshot events among `events`. */
export const podNames = (events: { event: string; data?: unknown }[]) =>
  events.flatMap((e) => ((e.data as { objects?: { kind: string; metadata: { name: string } }[] })?.objects ?? []).filter((o) => o.kind === 'Pod').map((o) => o.metadata.name));

/** Lets promises settle and the per-burst flush (a faked setImmediate) run; moves the fake clock by ≤ 20 ms. */
export async function flushFakeTimers(): Promise<void> {
  for (let i = 0; i < 20; i++) {
    await vi.advanceTimersByTimeAsync(1);
    for (let j = 0; j < 20; j++) await Promise.resolve();
  }
}
