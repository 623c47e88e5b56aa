/**
 * gzip for the SSE stream (issue 16: a 20,000-pod snapshot is 36 MB of JSON, 1.8 MB gzipped). Browsers
 * decode `Content-Encoding: gzip` on an EventSource transparently, and a deflate stream can be flushed at any
 * byte boundary (Z_SYNC_FLUSH), so each chunk the session enqueues — one burst of events, or a 64 KB piece of
 * the snapshot — leaves compressed at once: compression adds no latency to an event.
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
 * resynced exactly as without compression; outside that queue wait at most one chunk and its compressed copy.
 * Next.js's own compression middleware skips responses with `Cache-Control: no-transform` (and any response
 * that already has a Content-Encoding), so nothing compresses twice or buffers the stream. Next.js also drops
 * Content-Encoding from a route's Response, so the route sets it on the Node response (http-hardening.ts).
 */
import { constants, createGzip, type ZlibOptions } from 'node:zlib';

export const SSE_GZIP_OPTIONS: Readonly<ZlibOptions> = { level: 6, windowBits: 13, memLevel: 6 };

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
 * `source` gzipped, one sync flush per chunk read. `onEnd` runs once when the compressor is freed: the
 * source ended or failed, or the reader cancelled. Cost: zlib's, on libuv's thread pool, O(bytes).
 */
export function gzipStream(source: ReadableStream<Uint8Array>, onEnd: () => void = () => {}): ReadableStream<Uint8Array> {
  const zip = createGzip(SSE_GZIP_OPTIONS);
  let out: Buffer[] = [];
  zip.on('data', (b: Buffer) => out.push(b));
  let failure: Error | null = null;
  zip.on('error', (e) => (failure = e));
  const reader = source.getReader();
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
  /** Writes `chunk` and waits for everything compressed so far (a sync flush: byte-aligned, decodable now). */
  const compress = (chunk: Uint8Array) =>
    new Promise<Uint8Array>((resolve, reject) => {
      zip.write(chunk);
      zip.flush(constants.Z_SYNC_FLUSH, () => (failure ? reject(failure) : resolve(take())));
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
          const next = await reader.read();
          const bytes = next.done ? await finish() : await compress(next.value);
          if (ended) return; // cancelled meanwhile
          if (bytes.byteLength > 0) c.enqueue(bytes);
          if (next.done) {
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
