/**
 * How SSE frames become the chunks a stream enqueues: one burst joined once for every client that shares it,
 * big frames cut into views of at most MAX_CHUNK_BYTES, and a snapshot's many small pieces copied into chunks of
 * that size as the client reads. No copies beyond the join and that one.
 */

export function concat(parts: Uint8Array[]): Uint8Array {
  let size = 0;
  for (const p of parts) size += p.byteLength;
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

/**
 * One burst's frames joined once for every client that gets exactly those frames (all clients watching the
 * same namespaces): 200 clients then share one buffer per burst instead of making 200 copies, which under
 * load is garbage faster than the collector frees it. The cache lives for one turn of the event loop —
 * every session flushes a burst in the same turn (setImmediate), and the clearing runs in the next.
 */
const burstCache = new Map<Uint8Array, { frames: Uint8Array[]; joined: Uint8Array }>();
export function joinShared(frames: Uint8Array[]): Uint8Array {
  if (frames.length === 1) return frames[0];
  const hit = burstCache.get(frames[0]);
  if (hit && hit.frames.length === frames.length && hit.frames.every((f, i) => f === frames[i])) return hit.joined;
  if (burstCache.size === 0) setImmediate(() => burstCache.clear());
  const joined = concat(frames);
  burstCache.set(frames[0], { frames, joined });
  return joined;
}

/**
 * Chunks of at most MAX_CHUNK_BYTES (views, no copies). The chunk being written to a socket that does not
 * drain has left this stream's queue and is invisible to its byte accounting; small chunks keep that
 * invisible part small, even for a snapshot of megabytes.
 */
export const MAX_CHUNK_BYTES = 64 * 1024;
export function* pieces(bytes: Uint8Array): Generator<Uint8Array> {
  if (bytes.byteLength <= MAX_CHUNK_BYTES) {
    yield bytes; // the shared frame itself, not a new view of it
    return;
  }
  for (let at = 0; at < bytes.byteLength; at += MAX_CHUNK_BYTES) yield bytes.subarray(at, Math.min(bytes.byteLength, at + MAX_CHUNK_BYTES));
}

/**
 * Many small pieces (the cached JSON of each object of a snapshot) copied into chunks of exactly `size` bytes (the
 * last one shorter), each made only when the reader asks for it: one copy of the bytes, no join of the whole.
 */
export function* chunked(source: Iterable<Uint8Array>, size = MAX_CHUNK_BYTES): Generator<Uint8Array> {
  let chunk = new Uint8Array(size);
  let at = 0;
  for (const piece of source) {
    if (at + piece.byteLength <= size) {
      chunk.set(piece, at);
      at += piece.byteLength;
    } else {
      // a piece across chunk boundaries, copied a chunk's room at a time
      for (let from = 0; from < piece.byteLength; ) {
        const n = Math.min(size - at, piece.byteLength - from);
        chunk.set(piece.subarray(from, from + n), at);
        at += n;
        from += n;
        if (at === size) {
          yield chunk;
          chunk = new Uint8Array(size);
          at = 0;
        }
      }
    }
    if (at === size) {
      yield chunk;
      chunk = new Uint8Array(size);
      at = 0;
    }
  }
  if (at > 0) yield chunk.subarray(0, at);
}
