/**
 * gzip for the SSE stream (issue 16: a 20,000-pod snapshot is 36 MB of JSON, 1.8 MB gzipped). Browsers
 * decode `Content-Encoding: gzip` on an EventSource transparently, and a deflate stream can be flushed at any
 * byte boundary (Z_SYNC_FLUSH), so what the session has enqueued — one burst of events, or the 64 KB pieces of
 * the snapshot waiting in its queue, up to GZIP_BATCH_BYTES — leaves compressed at once: compression adds no
 * latency to an event. Batching matters for the snapshot: one deflate call per 64 KB piece meant ~550 round
 * trips to zlib's thread pool for a 20,000-pod snapshot, each a wait for a core on a busy machine (the gzipped
 * snapshot took 12.3 s against 7.5 s plain); one call per MB makes ~35. The call runs on the thread pool, so
 * a bigger batch does not hold the event loop any longer.
 *
 * Memory: one compressor per stream, with a deflate window and hash smaller than zlib's defaults
 * (windowBits 13, memLevel 6: 64 KB of state instead of 256 KB, per zconf.h's formula below) — pods repeat
 * their fields within a few KB, so the ratio barely changes (measured on sim pods: 27× against 28×). And
 * only STREAM_GZIP_MAX streams at a time (default 64) are compressed: measured in-process, a compressor that
 * has run costs ~170 KB of RSS (zlib state, Node's buffers, malloc overhead), so 64 take ~11 MB. The next
 * browsers get the same stream uncompressed, which is always allowed.
 *
 * Backpressure is unchanged: the compressed stream reads one chunk from the session only when its own reader
 * asks (highWaterMark 0), so a browser that stops reading still fills the session's queue and is cut off or
 * resynced exactly as without compression; outside that queue wait at most one batch (GZIP_BATCH_BYTES) and
 * its compressed copy.
 * Next.js's own compression middleware skips responses with `Cache-Control: no-transform` (and any response
 * that already has a Content-Encoding), so nothing compresses twice or buffers the stream. Next.js also drops
 * Content-Encoding from a route's Response, so the route sets it on the Node response (http-hardening.ts).
 */
import { constants, createGzip, type ZlibOptions } from 'node:zlib';
import { concat } from './sse-chunks';

export const SSE_GZIP_OPTIONS: Readonly<ZlibOptions> = { level: 6, windowBits: 13, memLevel: 6 };

/** Most bytes compressed in one deflate call: chunks already queued are joined up to this size. */
export const GZIP_BATCH_BYTES = 1024 * 1024;

/**
 * Bytes of deflate state for these options, from zlib's zconf.h: "deflate memory usage (bytes) =
 * (1 << (windowBits+2)) + (1 << (memLevel+9))", plus the output buffer Node keeps per stream (chunkSize).
 */
export function deflateStateBytes(o: Readonly<ZlibOptions> = SSE_GZIP_OPTIONS): number {
  const windowBits = o.windowBits ?? 15;
  const memLevel = o.memLevel ?? 8;
  return (1 << (windowBits + 2)) + (1 << (memLevel + 9)) + (o.chunkSize ?? constants.Z_DEFAULT_CHUNK);
}

/**
 * Whether an Accept-Encoding header allows gzip (RFC 9110 §12.5.3): `gzip` or `*` with a q-value above 0
 * (`x-gzip` is gzip too, §8.4.1.3). A `gzip;q=0` refuses it even when `*` is listed.
 */
export function acceptsGzip(header: string | null | undefined): boolean {
  if (!header) return false;
  let gzip: number | null = null;
  let any: number | null = null;
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    if (!Number.isFinite(q)) continue;
    if (name === 'gzip' || name === 'x-gzip') gzip = Math.max(gzip ?? 0, q);
    else if (name === '*') any = q;
  }
  return (gzip ?? any ?? 0) > 0;
}

/** How many streams are compressed right now, bounded. */
export class GzipSeats {
  private taken = 0;
  constructor(readonly max: number) {}

  get inUse(): number {
    return this.taken;
  }

  /** A release function, or null when every seat is taken (the stream then goes uncompressed). */
  take(): (() => void) | null {
    if (this.taken >= this.max) return null;
    this.taken++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.taken--;
    };
  }
}

/**
 * Reads what `reader` has ready: the first chunk (waiting for it if need be), then chunks already queued, while
 * the batch stays under `maxBytes`. A read that is not answered at once is kept for the next batch (`ahead`).
 */
function batchReader(reader: ReadableStreamDefaultReader<Uint8Array>, maxBytes: number) {
  let ahead: Promise<ReadableStreamReadResult<Uint8Array>> | null = null;
  const NOT_YET = Symbol('not yet');
  const read = () => {
    const next = ahead ?? reader.read();
    ahead = null;
    return next;
  };
  return async (): Promise<{ chunks: Uint8Array[]; done: boolean }> => {
    const first = await read();
    if (first.done) return { chunks: [], done: true };
    const chunks = [first.value];
    let bytes = first.value.byteLength;
    while (bytes < maxBytes) {
      const next = read();
      // a queued chunk's read is already settled, so it wins the race against a value settled now
      const got = await Promise.race([next, Promise.resolve(NOT_YET)]);
      if (got === NOT_YET) {
        ahead = next;
        break;
      }
      if (got.done) {
        ahead = next; // the next batch sees the end
        break;
      }
      if (bytes + got.value.byteLength > maxBytes) {
        ahead = Promise.resolve(got); // too big for this batch: first of the next
        break;
      }
      chunks.push(got.value);
      bytes += got.value.byteLength;
    }
    return { chunks, done: false };
  };
}

/**
 * `source` gzipped, one deflate call with a sync flush per batch of queued chunks (at most `batchBytes`).
 * `onEnd` runs once when the compressor is freed: the source ended or failed, or the reader cancelled.
 * Cost: zlib's, on libuv's thread pool, O(bytes), one thread-pool round trip per batch.
 */
export function gzipStream(source: ReadableStream<Uint8Array>, onEnd: () => void = () => {}, batchBytes = GZIP_BATCH_BYTES): ReadableStream<Uint8Array> {
  // flush: every write ends with a sync flush (byte-aligned, decodable now) in the same deflate call,
  // rather than a write and then a separate flush call (two thread-pool round trips)
  const zip = createGzip({ ...SSE_GZIP_OPTIONS, flush: constants.Z_SYNC_FLUSH });
  let out: Buffer[] = [];
  zip.on('data', (b: Buffer) => out.push(b));
  let failure: Error | null = null;
  zip.on('error', (e) => (failure = e));
  const reader = source.getReader();
  const nextBatch = batchReader(reader, batchBytes);
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    zip.close();
    onEnd();
  };
  const take = (): Uint8Array => {
    const got = out.length === 1 ? out[0] : Buffer.concat(out);
    out = [];
    return new Uint8Array(got.buffer, got.byteOffset, got.byteLength);
  };
  /** Compresses the batch in one write; its output is complete when the write's callback runs. */
  const compress = (chunks: Uint8Array[]) =>
    new Promise<Uint8Array>((resolve, reject) => {
      zip.write(chunks.length === 1 ? chunks[0] : concat(chunks), () => (failure ? reject(failure) : resolve(take())));
    });
  /** The gzip trailer (CRC and length) after the last block. */
  const finish = () =>
    new Promise<Uint8Array>((resolve, reject) => {
      zip.once('end', () => (failure ? reject(failure) : resolve(take())));
      zip.end();
    });

  return new ReadableStream<Uint8Array>(
    {
      async pull(c) {
        try {
          const batch = await nextBatch();
          const bytes = batch.done ? await finish() : await compress(batch.chunks);
          if (ended) return; // cancelled meanwhile
          if (bytes.byteLength > 0) c.enqueue(bytes);
          if (batch.done) {
            end();
            c.close();
          }
        } catch (e) {
          end();
          c.error(e);
        }
      },
      cancel(reason) {
        end();
        return reader.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
}
