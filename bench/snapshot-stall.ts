/**
 * In-process half of bench:live-scale: the proxy's stream session (lib/server) over an upstream holding the sim
 * server's own pod list, so the figure is the session's alone — no sockets, no other process. Measures
 *   - the cold sync: the first browser's stream while the Pod reflector lists (the upstream answers each list
 *     request by parsing its JSON text, as client-node does with a response body; the text itself is made before
 *     the clock starts, since serialising is the API server's cost, not the proxy's);
 *   - a warm snapshot (the reflectors have listed): time to the first snapshot byte, to the whole snapshot;
 * and for each the longest event-loop stall meanwhile (a 5 ms timer's longest gap, and monitorEventLoopDelay):
 * how long every other request and stream of the server waited at worst.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fakeUpstreams } from '../lib/server/fake-upstream';
import { LIST_PAGE_SIZE } from '../lib/server/reflector';
import { feedsFor } from '../lib/server/runtime';
import { createStreamSession } from '../lib/server/stream-session';
import type { ListPageRequest, Upstream, UpstreamFactory } from '../lib/server/upstream-types';
import { WatchHub } from '../lib/server/watch-hub';

export interface StallFigures {
  coldSyncMs: number;
  coldLongestStallMs: number;
  /** list requests the Pod reflector made for its cold sync (1 = the whole list in one body) */
  coldListRequests: number;
  firstSnapshotByteMs: number;
  snapshotMs: number;
  longestStallMs: number;
}

/**
 * A Pod collection whose list answers are JSON text parsed per request: the whole list, or pages of
 * LIST_PAGE_SIZE (`continue` = the next page's index). Watches stay open and silent.
 */
function textUpstream(pods: unknown[]): Upstream & { requests: number } {
  const rv = '1';
  const whole = JSON.stringify({ items: pods, metadata: { resourceVersion: rv } });
  const pages: string[] = [];
  for (let at = 0; at < pods.length; at += LIST_PAGE_SIZE) {
    const next = at + LIST_PAGE_SIZE < pods.length ? String(at / LIST_PAGE_SIZE + 1) : undefined;
    const remaining = next ? pods.length - at - LIST_PAGE_SIZE : undefined;
    pages.push(JSON.stringify({ items: pods.slice(at, at + LIST_PAGE_SIZE), metadata: { resourceVersion: rv, continue: next, remainingItemCount: remaining } }));
  }
  const up = {
    requests: 0,
    ownsObjects: true,
    async list(page?: ListPageRequest) {
      up.requests++;
      const text = page?.limit === LIST_PAGE_SIZE ? pages[Number(page.continue ?? 0)] : whole;
      const body = JSON.parse(text) as { items: unknown[]; metadata: { resourceVersion: string; continue?: string; remainingItemCount?: number } };
      return { items: body.items, resourceVersion: body.metadata.resourceVersion, continue: body.metadata.continue, remainingItemCount: body.metadata.remainingItemCount };
    },
    async watch() {
      return { stop() {} };
    },
  };
  return up;
}

/** The longest event-loop stall between start and stop(): a 5 ms timer's longest gap, and monitorEventLoopDelay. */
function stallMeter(): { stop(): Promise<number> } {
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  let last = performance.now();
  let longestGap = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    longestGap = Math.max(longestGap, now - last);
    last = now;
  }, 5);
  return {
    async stop() {
      await new Promise((r) => setTimeout(r, 20)); // the sampling timer late behind a last long task records it now
      delay.disable();
      clearInterval(ticker);
      // monitorEventLoopDelay alone misses a block that starts right after enable() (seen: 49 ms for a 1.9 s stall)
      return Math.max(longestGap, delay.max / 1e6);
    },
  };
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
  const podUpstream = textUpstream(pods);
  const factory: UpstreamFactory = (kind, namespace) => (kind === 'Pod' ? podUpstream : up.factory(kind, namespace));
  const hub = new WatchHub({ factory });
  const feeds = feedsFor(['default']);
  const open = () => createStreamSession({ hub, feeds, namespaces: ['default'], lastEventId: null, maxSnapshotBytes: 512 * 2 ** 20 });
  try {
    // cold: the reflectors list (and the first browser gets its snapshot once they are in)
    let meter = stallMeter();
    const t0 = performance.now();
    await readSnapshot(open());
    const coldSyncMs = performance.now() - t0;
    const coldLongestStallMs = await meter.stop();
    // warm: every later browser pays only the snapshot
    meter = stallMeter();
    const { firstMs, doneMs } = await readSnapshot(open());
    const longestStallMs = await meter.stop();
    return { coldSyncMs, coldLongestStallMs, coldListRequests: podUpstream.requests, firstSnapshotByteMs: firstMs, snapshotMs: doneMs, longestStallMs };
  } finally {
    hub.close();
  }
}
