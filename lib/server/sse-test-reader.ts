/** For tests: reads a stream session's bytes as they are enqueued and parses them the way EventSource does. */

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
