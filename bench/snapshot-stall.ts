/**
 * In-process half of bench:live-scale: the proxy's stream session (lib/server) over a fake upstream holding the
 * sim server's own pod list, so the figure is the session's alone — no sockets, no other process. Measures a warm
 * snapshot (the reflectors have listed): time to the first snapshot byte, to the whole snapshot, and the longest
 * event-loop stall meanwhile (a 5 ms timer's longest gap, and monitorEventLoopDelay): how long every other request and stream of the server
 * waited at worst while this one browser's snapshot was built.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fakeUpstreams, type FakeCollection } from '../lib/server/fake-upstream';
import { feedsFor } from '../lib/server/runtime';
import { createStreamSession } from '../lib/server/stream-session';
import { WatchHub } from '../lib/server/watch-hub';

export interface StallFigures {
  firstSnapshotByteMs: number;
  snapshotMs: number;
  longestStallMs: number;
}

/** Reads a session to its `snapshot` event; ms to the first snapshot byte and to the end of the snapshot. */
async function readSnapshot(stream: ReadableStream<Uint8Array>): Promise<{ firstMs: number; doneMs: number }> {
  const t0 = performance.now();
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let firstMs = 0;
  let tail = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) throw new Error('stream ended before the snapshot');
    const text = decoder.decode(value, { stream: true });
    if (!firstMs && (tail + text).includes('event: snapshot')) firstMs = performance.now() - t0;
    // the final `snapshot` event (not a `snapshot-part`): its name followed by the id line's end
    if (/event: snapshot\n/.test(tail + text)) {
      await reader.cancel();
      return { firstMs, doneMs: performance.now() - t0 };
    }
    tail = text.slice(-32);
    // as a socket would: the next chunk in a later turn of the loop, not in the same run of microtasks
    await new Promise((r) => setImmediate(r));
  }
}

export async function measureSnapshotStall(pods: { metadata: { name: string } }[]): Promise<StallFigures> {
  const up = fakeUpstreams();
  const collection = up.factory('Pod', 'default') as FakeCollection;
  for (const pod of pods) collection.items.set(pod.metadata.name, pod as never);
  const hub = new WatchHub({ factory: up.factory });
  const feeds = feedsFor(['default']);
  const open = () => createStreamSession({ hub, feeds, namespaces: ['default'], lastEventId: null, maxSnapshotBytes: 512 * 2 ** 20 });
  try {
    await readSnapshot(open()); // the reflectors list once: every later browser pays only the snapshot
    const delay = monitorEventLoopDelay({ resolution: 5 });
    delay.enable();
    // the same, by hand: the longest gap between ticks of a 5 ms timer
    let last = performance.now();
    let longestGap = 0;
    const ticker = setInterval(() => {
      const now = performance.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
    }, 5);
    const { firstMs, doneMs } = await readSnapshot(open());
    await new Promise((r) => setTimeout(r, 20)); // the sampling timer late behind a last long task records it now
    delay.disable();
    clearInterval(ticker);
    // monitorEventLoopDelay alone misses a block that starts right after enable() (seen: 49 ms for a 1.9 s stall)
    return { firstSnapshotByteMs: firstMs, snapshotMs: doneMs, longestStallMs: Math.max(longestGap, delay.max / 1e6) };
  } finally {
    hub.close();
  }
}
