/**
 * The live stream as a bench reads it: `/api/cluster/stream` over node:http (which, unlike fetch, leaves the
 * Content-Encoding to us, so the bytes on the wire are counted), timed to the first byte and to the whole
 * snapshot, then counting upserts. Used by bench:live-scale.
 */
import http from 'node:http';
import { createGunzip } from 'node:zlib';

export interface StreamReader {
  firstByteMs: number;
  snapshotMs: number;
  /** The snapshot's events, decoded */
  snapshotBytes: number;
  /** Bytes received on the socket until the snapshot was complete (compressed when `encoding` is gzip) */
  snapshotWireBytes: number;
  snapshotObjects: number;
  snapshotEvents: number;
  encoding: string | null;
  snapshot: Uint8Array;
  upserts(): number;
  /** ms from connecting until the server said all its lists were in (0 until then) */
  syncedMs(): number;
  close(): void;
}

/**
 * Opens the SSE stream (asking for gzip or not) and resolves once the snapshot event has arrived whole; keeps
 * counting upserts after. Frames are split by searching only the newly arrived chunk for the blank line and
 * joining a frame's chunks once, so a 36 MB snapshot costs linear time in this reader (appending each chunk to
 * one string and searching it flattened the string at every chunk: O(frame² / chunk) per 1.7 MB frame).
 */
export async function openStream(url: string, opts: { gzip?: boolean } = {}): Promise<StreamReader> {
  const t0 = performance.now();
  const req = http.get(`${url}/api/cluster/stream`, { headers: { 'accept-encoding': opts.gzip ? 'gzip' : 'identity' } });
  const res = await new Promise<http.IncomingMessage>((resolve, reject) => {
    req.once('response', resolve);
    req.once('error', reject);
  });
  if (res.statusCode !== 200) throw new Error(`stream answered ${res.statusCode}`);
  const encoding = (res.headers['content-encoding'] as string | undefined) ?? null;
  let wireBytes = 0;
  let firstByteMs = 0;
  res.on('data', (b: Buffer) => {
    if (!firstByteMs) firstByteMs = performance.now() - t0;
    wireBytes += b.byteLength;
  });
  const body: NodeJS.ReadableStream = encoding === 'gzip' ? res.pipe(createGunzip()) : res;
  const decoder = new TextDecoder();
  // the text of the frame being received, one string per chunk: joined once, when its blank line arrives
  let held: string[] = [];
  let upserts = 0;
  // The snapshot arrives as `snapshot-part` events and a final `snapshot` (lib/server/snapshot-frames.ts).
  const snapshotFrames: string[] = [];
  let complete = false;
  let snapshotMs = 0;
  let snapshotWireBytes = 0;
  let syncedMs = 0;
  const onFrame = (frame: string) => {
    const event = /^event: (.*)$/m.exec(frame.slice(0, 200))?.[1];
    // The server waits 4 s for its reflectors, then sends what it has; `synced` says when every list is in.
    if (!syncedMs && (event === 'status' || event === 'snapshot') && frame.includes('"synced":true')) syncedMs = performance.now() - t0;
    if (event === 'upsert') upserts++;
    else if (!complete && (event === 'snapshot-part' || event === 'snapshot')) {
      snapshotFrames.push(frame);
      if (event === 'snapshot') (complete = true), (snapshotMs = performance.now() - t0), (snapshotWireBytes = wireBytes);
    }
  };
  const snapshotDone = new Promise<void>((resolve, reject) => {
    body.on('data', (value: Buffer) => {
      let text = decoder.decode(value, { stream: true });
      // a blank line split across two chunks
      if (text.startsWith('\n') && held.length > 0 && held[held.length - 1].endsWith('\n')) {
        onFrame(held.join('').slice(0, -1));
        held = [];
        text = text.slice(1);
      }
      for (let at = text.indexOf('\n\n'); at >= 0; at = text.indexOf('\n\n')) {
        held.push(text.slice(0, at));
        onFrame(held.join(''));
        held = [];
        text = text.slice(at + 2);
      }
      if (text) held.push(text);
      if (complete) resolve();
    });
    body.on('end', () => reject(new Error('stream ended before the snapshot')));
    body.on('error', (e) => reject(e));
  });
  await snapshotDone;
  // the stream goes on; once closed, its errors are ours
  body.on('error', () => {});
  const snapshot = new TextEncoder().encode(snapshotFrames.map((f) => f + '\n\n').join(''));
  let objects = 0;
  for (const f of snapshotFrames) objects += (JSON.parse(f.slice(f.indexOf('data: ') + 6)) as { objects: unknown[] }).objects.length;
  return {
    firstByteMs,
    snapshotMs,
    snapshotBytes: snapshot.byteLength,
    snapshotWireBytes,
    snapshotObjects: objects,
    snapshotEvents: snapshotFrames.length,
    encoding,
    snapshot,
    upserts: () => upserts,
    syncedMs: () => syncedMs,
    close: () => req.destroy(),
  };
}
