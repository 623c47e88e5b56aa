/**
 * The live stream as a bench reads it: `/api/cluster/stream` over fetch, timed to the first byte and to the whole
 * snapshot, then counting upserts. Used by bench:live-scale.
 */

export interface StreamReader {
  firstByteMs: number;
  snapshotMs: number;
  snapshotBytes: number;
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
 * Opens the SSE stream and resolves once the snapshot event has arrived whole; keeps counting upserts after.
 * Frames are split by searching only the newly arrived text for the blank line, so a 40 MB snapshot in 64 KB
 * chunks costs linear time in this reader.
 */
export async function openStream(url: string): Promise<StreamReader> {
  const ac = new AbortController();
  const t0 = performance.now();
  const res = await fetch(`${url}/api/cluster/stream`, { signal: ac.signal });
  if (!res.ok || !res.body) throw new Error(`stream answered ${res.status}`);
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let firstByteMs = 0;
  let pending = '';
  let upserts = 0;
  // The snapshot arrives as `snapshot-part` events and a final `snapshot` (lib/server/snapshot-frames.ts).
  const snapshotFrames: string[] = [];
  let complete = false;
  let snapshotMs = 0;
  let syncedMs = 0;
  const onFrame = (frame: string) => {
    const event = /^event: (.*)$/m.exec(frame.slice(0, 200))?.[1];
    // The server waits 4 s for its reflectors, then sends what it has; `synced` says when every list is in.
    if (!syncedMs && (event === 'status' || event === 'snapshot') && frame.includes('"synced":true')) syncedMs = performance.now() - t0;
    if (event === 'upsert') upserts++;
    else if (!complete && (event === 'snapshot-part' || event === 'snapshot')) {
      snapshotFrames.push(frame);
      if (event === 'snapshot') (complete = true), (snapshotMs = performance.now() - t0);
    }
  };
  const pump = async (untilSnapshot: boolean) => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done || !value) return;
      if (!firstByteMs) firstByteMs = performance.now() - t0;
      const searchFrom = Math.max(0, pending.length - 1);
      pending += decoder.decode(value, { stream: true });
      for (let at = pending.indexOf('\n\n', searchFrom); at >= 0; at = pending.indexOf('\n\n')) {
        onFrame(pending.slice(0, at));
        pending = pending.slice(at + 2);
      }
      if (untilSnapshot && complete) return;
    }
  };
  await pump(true);
  if (!complete) throw new Error('stream ended before the snapshot');
  const snapshot = new TextEncoder().encode(snapshotFrames.map((f) => f + '\n\n').join(''));
  let objects = 0;
  for (const f of snapshotFrames) objects += (JSON.parse(f.slice(f.indexOf('data: ') + 6)) as { objects: unknown[] }).objects.length;
  void pump(false);
  return {
    firstByteMs,
    snapshotMs,
    snapshotBytes: snapshot.byteLength,
    snapshotObjects: objects,
    snapshotEvents: snapshotFrames.length,
    encoding: res.headers.get('content-encoding'),
    snapshot,
    upserts: () => upserts,
    syncedMs: () => syncedMs,
    close: () => ac.abort(),
  };
}
