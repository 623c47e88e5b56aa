import { describe, expect, it, vi } from 'vitest';
import { formatSse } from '@/lib/server/sse';
import { CLOSED, FetchEventSource, OPEN, READ_SLICE_MS, type ReadPacing } from './fetch-event-source';

const SSE = { 'content-type': 'text/event-stream; charset=utf-8' };

/** A response whose body is `chunks` (UTF-8 cut at byte offsets, as a network delivers them), then open or ended. */
function streamed(chunks: Uint8Array[], { end = true } = {}): { response: Response; push(bytes: Uint8Array): void; end(): void } {
  let ctl!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      ctl = c;
      for (const b of chunks) c.enqueue(b);
      if (end) c.close();
    },
  });
  return { response: new Response(body, { headers: SSE }), push: (b) => ctl.enqueue(b), end: () => ctl.close() };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

function collect(es: FetchEventSource, types: string[]) {
  const got: [string, string, string | undefined][] = [];
  for (const t of types) es.addEventListener(t, (ev) => got.push([t, ev.data, ev.lastEventId]));
  return got;
}

describe('FetchEventSource', () => {
  it('dispatches each event to its listeners with the last event id, however the bytes are cut (a multi-byte character split too)', async () => {
    const text = formatSse({ event: 'snapshot', id: 'e.1', data: '{"name":"웹-서버"}' }) + formatSse({ event: 'upsert', data: '{"n":2}' });
    const bytes = new TextEncoder().encode(text);
    // cut inside the 3-byte UTF-8 of 웹
    const at = bytes.indexOf(0xec);
    const s = streamed([bytes.slice(0, at + 1), bytes.slice(at + 1, at + 2), bytes.slice(at + 2)], { end: false });
    const fetchImpl = vi.fn(async () => s.response);
    const es = new FetchEventSource('/api/cluster/stream', fetchImpl as unknown as typeof fetch);
    const got = collect(es, ['snapshot', 'upsert']);
    await settle();
    expect(got).toEqual([
      ['snapshot', '{"name":"웹-서버"}', 'e.1'],
      ['upsert', '{"n":2}', 'e.1'],
    ]);
    expect(es.readyState).toBe(OPEN);
    const [url, init] = fetchImpl.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/cluster/stream');
    expect(init.headers).toEqual({ accept: 'text/event-stream' });
    es.close();
  });

  it('reports an error and stays closed when the stream ends, keeping the retry the server asked for', async () => {
    const s = streamed([new TextEncoder().encode(formatSse({ event: 'status', data: '{}', retry: 2000 }))]);
    const es = new FetchEventSource('/s', (async () => s.response) as unknown as typeof fetch);
    const errors: Event[] = [];
    es.onerror = (e) => errors.push(e);
    await settle();
    expect(errors).toHaveLength(1);
    expect(es.readyState).toBe(CLOSED);
    expect(es.retry).toBe(2000);
  });

  it('treats an HTTP error, a body that is not an event stream and a network failure as errors, dispatching nothing', async () => {
    const answers: (() => Promise<Response>)[] = [
      async () => new Response(formatSse({ event: 'snapshot', data: '{}' }), { status: 503, headers: SSE }),
      async () => new Response(formatSse({ event: 'snapshot', data: '{}' }), { headers: { 'content-type': 'text/html' } }),
      async () => {
        throw new TypeError('Failed to fetch');
      },
    ];
    for (const answer of answers) {
      const es = new FetchEventSource('/s', answer as unknown as typeof fetch);
      const got = collect(es, ['snapshot']);
      const errors: Event[] = [];
      es.onerror = (e) => errors.push(e);
      await settle();
      expect(got).toEqual([]);
      expect(errors).toHaveLength(1);
      expect(es.readyState).toBe(CLOSED);
    }
  });

  it('close() aborts the request and stops dispatching, without an error', async () => {
    const s = streamed([new TextEncoder().encode(formatSse({ event: 'upsert', data: '1' }))], { end: false });
    let signal: AbortSignal | undefined;
    const es = new FetchEventSource('/s', (async (_: string, init: RequestInit) => ((signal = init.signal ?? undefined), s.response)) as unknown as typeof fetch);
    const got = collect(es, ['upsert']);
    const errors: Event[] = [];
    es.onerror = (e) => errors.push(e);
    await settle();
    expect(got).toHaveLength(1);
    es.close();
    s.push(new TextEncoder().encode(formatSse({ event: 'upsert', data: '2' })));
    await settle();
    expect(got).toHaveLength(1);
    expect(signal?.aborted).toBe(true);
    expect(errors).toEqual([]);
    expect(es.readyState).toBe(CLOSED);
  });

  describe('gives the main thread back while it reads', () => {
    /** A clock that only the listeners move (each "costs" `costMs`), and a log of dispatches and new tasks. */
    function paced(costMs: number) {
      let t = 0;
      const log: string[] = [];
      let release: (() => void) | null = null;
      const pacing: ReadPacing = {
        now: () => t,
        nextTask: () => {
          log.push('task');
          return new Promise<void>((r) => (release = r));
        },
      };
      const work = (name: string) => {
        log.push(name);
        t += costMs;
      };
      return { pacing, log, work, release: () => release?.() };
    }
    const chunk = (n: number) => new TextEncoder().encode(formatSse({ event: 'snapshot-part', data: String(n) }));
    /** A stream of `chunks` (still open), each listener call costing `costMs` on the paced clock. */
    function open(costMs: number, chunks: Uint8Array[]) {
      const p = paced(costMs);
      const s = streamed(chunks, { end: false });
      const es = new FetchEventSource('/s', (async () => s.response) as unknown as typeof fetch, p.pacing);
      es.addEventListener('snapshot-part', (ev) => p.work(`part ${ev.data}`));
      return { ...p, s, es };
    }

    it(`continues in a new task once the listeners have taken ${READ_SLICE_MS} ms, however fast the body has its chunks ready`, async () => {
      // every chunk is there before the first read: without pacing all four would run in one task
      const { s, es, ...p } = open(5, [chunk(1), chunk(2), chunk(3), chunk(4)]);
      await settle();
      // 5 + 5 ms reach the slice: the third part waits for the new task
      expect(p.log).toEqual(['part 1', 'part 2', 'task']);
      p.release();
      await settle();
      // the slice is used up again, but nothing waits: the next event, whenever it comes, starts with a new task
      expect(p.log).toEqual(['part 1', 'part 2', 'task', 'part 3', 'part 4']);
      s.push(chunk(5));
      await settle();
      expect(p.log).toEqual(['part 1', 'part 2', 'task', 'part 3', 'part 4', 'task']);
      p.release();
      await settle();
      expect(p.log.at(-1)).toBe('part 5');
      expect(es.readyState).toBe(OPEN);
      es.close();
    });

    it('splits the events of one chunk between tasks too (a gzipped stream decodes to megabytes at a time)', async () => {
      const { es, ...p } = open(5, [new Uint8Array([...chunk(1), ...chunk(2), ...chunk(3)])]);
      await settle();
      expect(p.log).toEqual(['part 1', 'part 2', 'task']);
      p.release();
      await settle();
      expect(p.log).toEqual(['part 1', 'part 2', 'task', 'part 3']);
      es.close();
    });

    it('reads on in the same task while the listeners are quick', async () => {
      const { es, ...p } = open(1, [chunk(1), chunk(2), chunk(3), chunk(4)]);
      await settle();
      expect(p.log).toEqual(['part 1', 'part 2', 'part 3', 'part 4']);
      es.close();
    });

    it('dispatches nothing more when closed while it waits for the new task, and reports no error', async () => {
      const { es, ...p } = open(10, [chunk(1), chunk(2)]);
      const errors: Event[] = [];
      es.onerror = (e) => errors.push(e);
      await settle();
      expect(p.log).toEqual(['part 1', 'task']);
      es.close();
      p.release();
      await settle();
      expect(p.log).toEqual(['part 1', 'task']);
      expect(errors).toEqual([]);
    });
  });
});
