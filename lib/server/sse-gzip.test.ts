/**
 * The SSE stream gzipped: a browser decompresses it to exactly the events of the plain stream, each burst as
 * soon as it is sent; a slow reader is still cut off or resynced as before; compressors are bounded in number
 * and in size and freed when the stream ends. Real timers: zlib runs on libuv's thread pool.
 */
import { constants, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { FakeCollection, fakeUpstreams } from './fake-upstream';
import { feedsFor } from './runtime';
import { concat } from './sse-chunks';
import { GzipSeats, SSE_GZIP_OPTIONS, acceptsGzip, deflateStateBytes, gzipStream } from './sse-gzip';
import { manualReader, podNames, turn } from './sse-test-reader';
import { createStreamSession } from './stream-session';
import { WatchHub } from './watch-hub';

function setup() {
  const up = fakeUpstreams();
  const hub = new WatchHub({ factory: up.factory });
  const pods = up.factory('Pod', 'default') as FakeCollection;
  const open = (extra: { maxQueueBytes?: number; heartbeatMs?: number; onClose?: (r: string) => void } = {}) =>
    createStreamSession({ hub, feeds: feedsFor(['default']), namespaces: ['default'], lastEventId: null, ...extra });
  return { hub, pods, open };
}

/**
 * Reads until `done()` (or 5 s): zlib answers from the thread pool, so "nothing for a few turns of the loop" is
 * not yet "nothing more coming". Then a little more, so an unexpected extra event would show.
 */
async function readUntil(s: { drain(turns?: number): Promise<void> }, done: () => boolean) {
  for (const end = Date.now() + 5_000; !done() && Date.now() < end; ) {
    await s.drain(5);
    await new Promise((r) => setTimeout(r, 5));
  }
  await new Promise((r) => setTimeout(r, 30));
  await s.drain();
}

/** What a browser does with `Content-Encoding: gzip`: decompress as the bytes arrive. */
const gunzipped = (s: ReadableStream<Uint8Array>) => s.pipeThrough(new DecompressionStream('gzip') as unknown as ReadableWritablePair<Uint8Array, Uint8Array>);

/** Passes chunks through, adding their bytes to `into[key]`. */
const counter = (into: Record<string, number>, key: string) =>
  new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, c) {
      into[key] += chunk.byteLength;
      c.enqueue(chunk);
    },
  });

describe('acceptsGzip (RFC 9110 §12.5.3)', () => {
  it('takes gzip, x-gzip and * with a q-value above 0', () => {
    expect(acceptsGzip('gzip, deflate, br, zstd')).toBe(true); // what Chromium sends
    expect(acceptsGzip('deflate, x-gzip;q=0.5')).toBe(true);
    expect(acceptsGzip('*')).toBe(true);
    expect(acceptsGzip('br;q=1, *;q=0.1')).toBe(true);
  });
  it('refuses gzip;q=0 (even with *), identity only, and no header', () => {
    expect(acceptsGzip('gzip;q=0, *')).toBe(false);
    expect(acceptsGzip('GZIP; q=0.000')).toBe(false);
    expect(acceptsGzip('identity')).toBe(false);
    expect(acceptsGzip('br, deflate')).toBe(false);
    expect(acceptsGzip('*;q=0')).toBe(false);
    expect(acceptsGzip(null)).toBe(false);
    expect(acceptsGzip('')).toBe(false);
  });
});

describe('gzipped SSE stream', () => {
  it('decompresses to the same events as the plain stream (a fifth of the bytes or less), each burst as it is sent', async () => {
    const { hub, pods, open } = setup();
    for (let i = 0; i < 700; i++) pods.put(`p${i}`, { spec: { nodeName: `worker-${i % 7}` } });
    const plain = manualReader(open());
    const bytes = { raw: 0, gzip: 0 };
    const viaGzip = manualReader(gunzipped(gzipStream(open().pipeThrough(counter(bytes, 'raw'))).pipeThrough(counter(bytes, 'gzip'))));
    await readUntil(plain, () => plain.events.length === 3);
    await readUntil(viaGzip, () => viaGzip.events.length === 3);
    pods.put('late', { spec: { nodeName: 'worker-1' } });
    pods.remove('p3');
    await readUntil(plain, () => plain.events.length === 5);
    await readUntil(viaGzip, () => viaGzip.events.length === 5);
    expect(viaGzip.events.map((e) => e.event)).toEqual(['retry', 'snapshot-part', 'snapshot', 'upsert', 'delete']);
    expect(viaGzip.events).toEqual(plain.events);
    expect(new Set(podNames(viaGzip.events)).size).toBe(700);
    expect(bytes.raw).toBeGreaterThan(100_000);
    expect(bytes.gzip).toBeLessThan(bytes.raw / 5);
    await plain.cancel();
    await viaGzip.cancel();
    hub.close();
  });

  it('ends every compressed chunk on a byte boundary a decoder can stop at', async () => {
    const { hub, pods, open } = setup();
    pods.put('a');
    const r = gzipStream(open()).getReader();
    const chunks: Uint8Array[] = [];
    void (async () => {
      for (let next = await r.read(); !next.done; next = await r.read()) chunks.push(next.value);
    })();
    const decoded = () => gunzipSync(concat(chunks), { finishFlush: constants.Z_SYNC_FLUSH }).toString();
    const waitFor = async (text: string) => {
      for (const end = Date.now() + 5_000; !decoded().includes(text) && Date.now() < end; ) await new Promise((res) => setTimeout(res, 5));
    };
    await waitFor('event: snapshot');
    pods.put('b');
    await waitFor('"Pod/default/b"');
    const text = gunzipSync(concat(chunks), { finishFlush: constants.Z_SYNC_FLUSH }).toString();
    expect(text).toMatch(/^retry: 2000\n\n/);
    expect(text.endsWith('\n\n')).toBe(true);
    expect(text).toContain('event: upsert');
    expect(text).toContain('"Pod/default/b"');
    // gzip's magic number first (RFC 1952 §2.3.1), and the last chunk ends with the sync-flush marker 00 00 FF FF
    expect([...chunks[0].subarray(0, 2)]).toEqual([0x1f, 0x8b]);
    expect([...chunks.at(-1)!.subarray(-4)]).toEqual([0, 0, 0xff, 0xff]);
    await r.cancel();
    hub.close();
  });

  it('compresses chunks already queued in one deflate call each batch (a 20,000-pod snapshot is ~550 pieces of 64 KB)', async () => {
    // 40 snapshot-sized pieces waiting in the source's queue, as the session feeds them while a browser reads
    const pieces = Array.from({ length: 40 }, (_, i) => new TextEncoder().encode(`data: ${String(i).padStart(4, '0')} ${'pod '.repeat(16_382)}\n\n`));
    const source = new ReadableStream<Uint8Array>({
      start(c) {
        for (const p of pieces) c.enqueue(p);
        c.close();
      },
    });
    const out: Uint8Array[] = [];
    const r = gzipStream(source, () => {}, 1024 * 1024).getReader();
    for (let next = await r.read(); !next.done; next = await r.read()) out.push(next.value);
    // one compressed chunk per deflate call: 2.5 MB in batches of at most 1 MB is 3 calls, then the trailer
    // (before batching: one call per piece, 41 chunks)
    expect(out.length).toBeLessThanOrEqual(4);
    expect(Buffer.from(gunzipSync(concat(out))).equals(Buffer.from(concat(pieces)))).toBe(true);
    // each batch is cut at a sync flush whole: every compressed chunk but the trailer decodes on its own
    // with the ones before it, and none holds more than the batch limit
    let decodedBefore = 0;
    for (let i = 0; i < out.length - 1; i++) {
      const upTo = gunzipSync(concat(out.slice(0, i + 1)), { finishFlush: constants.Z_SYNC_FLUSH }).byteLength;
      expect(upTo - decodedBefore).toBeLessThanOrEqual(1024 * 1024);
      decodedBefore = upTo;
    }
  });

  it('still cuts off a client that does not read, and frees its compressor', async () => {
    const { hub, pods, open } = setup();
    const closed: string[] = [];
    let freed = 0;
    const slow = gzipStream(open({ maxQueueBytes: 4_000, onClose: (r) => closed.push(r) }), () => freed++); // never read
    const fast = manualReader(gunzipped(gzipStream(open())));
    await readUntil(fast, () => fast.events.length === 2);
    for (let i = 0; i < 20; i++) {
      pods.put(`p${i}`, { spec: { padding: 'x'.repeat(500) } });
      await turn();
    }
    await readUntil(fast, () => fast.events.length === 22 && closed.length > 0);
    expect(closed).toEqual(['dropped']);
    await expect(slow.getReader().read()).rejects.toThrow(/slow client/);
    expect(freed).toBe(1);
    expect(fast.events.filter((e) => e.event === 'upsert')).toHaveLength(20);
    await fast.cancel();
    hub.close();
  });

  it('sends a reading client a fresh snapshot when a burst outgrows its queue, as without compression', async () => {
    const { hub, pods, open } = setup();
    pods.put('before');
    const closed: string[] = [];
    const s = manualReader(gunzipped(gzipStream(open({ maxQueueBytes: 20_000, onClose: (r) => closed.push(r) }))));
    await readUntil(s, () => s.events.length === 2);
    expect(s.events.map((e) => e.event)).toEqual(['retry', 'snapshot']);
    for (let i = 0; i < 100; i++) pods.put(`burst-${i}`, { spec: { padding: 'x'.repeat(500) } });
    await turn();
    await turn();
    pods.put('after-burst');
    await readUntil(s, () => s.events.length === 4);
    expect(s.failed()).toBeNull();
    expect(closed).toEqual([]);
    const afterFirst = s.events.slice(2);
    expect(afterFirst.map((e) => e.event)).toEqual(['snapshot', 'upsert']);
    expect(podNames(afterFirst)).toHaveLength(101);
    await s.cancel();
    hub.close();
  });

  it('frees the compressor and ends the session when the browser goes away', async () => {
    const { hub, pods, open } = setup();
    pods.put('a');
    const closed: string[] = [];
    let freed = 0;
    const s = manualReader(gunzipped(gzipStream(open({ onClose: (r) => closed.push(r) }), () => freed++)));
    await readUntil(s, () => s.events.length === 2);
    await s.cancel();
    for (let i = 0; i < 100 && freed === 0; i++) await new Promise((r) => setTimeout(r, 5));
    expect(freed).toBe(1);
    expect(closed).toEqual(['cancelled']);
    hub.close();
  });
});

describe('compressor memory', () => {
  it('keeps each compressor to zlib state of at most 96 KB (zconf.h: (1 << (windowBits+2)) + (1 << (memLevel+9)))', () => {
    // windowBits 13, memLevel 6: 32 KB + 32 KB, and Node's 16 KB output buffer; zlib's defaults take 272 KB.
    expect(deflateStateBytes(SSE_GZIP_OPTIONS)).toBe(32 * 1024 + 32 * 1024 + 16 * 1024);
    expect(deflateStateBytes({})).toBe(128 * 1024 + 128 * 1024 + 16 * 1024);
  });

  it('compresses at most `max` streams at a time; a released seat is free again, once', () => {
    const seats = new GzipSeats(2);
    const a = seats.take();
    const b = seats.take();
    expect(a).not.toBeNull();
    expect(b).not.toBeNull();
    expect(seats.take()).toBeNull();
    a!();
    a!();
    expect(seats.inUse).toBe(1);
    expect(seats.take()).not.toBeNull();
    expect(seats.take()).toBeNull();
  });
});
