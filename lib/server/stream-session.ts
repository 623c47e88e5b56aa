/**
 * One browser's SSE stream over the shared hub.
 *   fresh:  `snapshot` (after the feeds have listed, or after a wait) then `upsert`/`delete` as they happen
 *   resume: with a Last-Event-ID from this hub's epoch that the history still covers → only the missed events
 * `status` events (no id) tell the browser when the server lost or regained the cluster.
 * Each client has a bounded queue; a client that lets it fill up is cut off (it reconnects and resumes),
 * so one slow browser never holds memory or delays the others. A client that reads but gets a burst bigger
 * than its queue (the reflectors' lists landing) gets a fresh snapshot on the same stream instead (`resync`).
 * The snapshot is the exception that would break the queue rule at scale (20,000 pods ≈ tens of MB): it is
 * serialised a part per event-loop turn (the server keeps answering meanwhile), fed to the queue piece by
 * piece as the browser reads (`pull`), and live events wait behind it (bounded by the same limit). With a
 * `seat`, the stream also counts against the server-wide StreamBudget, which may cut it off earlier when many
 * clients are slow at once.
 */
import type { UpstreamStatus } from '../cluster/live-protocol';
import { snapshotFrames, withNewestEvents } from './snapshot-frames';
import { concat, joinShared, pieces } from './sse-chunks';
import { encodeSse, formatEventId, formatSse, formatSseComment, parseEventId } from './sse';
import type { StreamSeat } from './stream-budget';
import type { FeedId, HubEvent, WatchHub } from './watch-hub';
import type { WatchedKind } from './upstream-types';

export interface StreamSessionOptions {
  hub: WatchHub;
  feeds: { kind: WatchedKind; namespace: string | null }[];
  namespaces: string[];
  lastEventId: string | null;
  heartbeatMs?: number;
  /** Max bytes waiting for a slow client before it is dropped (default 4 MB). */
  maxQueueBytes?: number;
  /** Largest snapshot sent (default 64 MB); past it the browser gets a Korean `status` instead. */
  maxSnapshotBytes?: number;
  /** This stream's place in the server-wide budget (released when the stream ends). */
  seat?: StreamSeat;
  /** How long a fresh stream waits for cold feeds to list before sending what exists. */
  syncWaitMs?: number;
  onClose?: (reason: 'cancelled' | 'dropped') => void;
}

const FRAME_TAIL = encodeSse('}\n\n');

/**
 * The shared, encoded frame of a hub event (built on first use, reused for every client): a DeltaPayload whose
 * object JSON comes from the hub's cache, so the next browser's snapshot does not serialise the object again.
 */
function frameOf(ev: HubEvent, hub: WatchHub): Uint8Array {
  if (!ev.frame) {
    // formatSse of JSON.stringify({ kind, key, object }) as a DeltaPayload, with the object's bytes from the cache
    const head = formatSse({ event: ev.type, id: formatEventId(hub.epoch, ev.seq), data: `{"kind":${JSON.stringify(ev.kind)},"key":${JSON.stringify(ev.key)},"object":` });
    ev.frame = concat([encodeSse(head.slice(0, -2)), hub.eventObjectJson(ev), FRAME_TAIL]);
  }
  return ev.frame;
}

const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
const tooBig = (objects: number, bytes: number, limit: number) =>
  `클러스터가 너무 커서 브라우저로 보낼 수 없습니다 (오브젝트 ${objects.toLocaleString('ko-KR')}개, ${mb(bytes)} MB — 한도 ${mb(limit)} MB). ` +
  '관리자는 CLUSTER_NAMESPACES로 네임스페이스를 좁히거나 STREAM_SNAPSHOT_MB로 한도를 늘릴 수 있습니다.';

/** Fresh snapshots in a row (without the client catching up in between) before a stream is cut off instead. */
const MAX_RESYNCS_IN_A_ROW = 3;

export function createStreamSession(o: StreamSessionOptions): ReadableStream<Uint8Array> {
  const { hub, feeds } = o;
  const maxQueueBytes = o.maxQueueBytes ?? 4 * 1024 * 1024;
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let closed = false;
  let live = false; // true once the snapshot is taken (or the replay sent); events before that are already in it
  let lastSeq = 0;
  let lastStatus = '';
  let unsubscribe: () => void = () => {};
  let heartbeat: ReturnType<typeof setInterval> | null = null;
  // Frames produced in one burst (the cluster changes in bursts) go out as one chunk: one socket write per
  // client per burst instead of one per event, which is most of the fan-out cost with hundreds of clients.
  // Only while the client keeps up, though: behind a backlog the frames are queued one by one, so a slow
  // client's queue holds references to the frames every client shares instead of its own copies — 200
  // slow readers then cost about one copy of the backlog, not 200.
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  /** A snapshot is being serialised (events wait behind it). */
  let building = false;
  /** The rest of the snapshot, while the browser is still reading it. */
  let snapshotLeft: Generator<Uint8Array> | null = null;
  /** Pieces of snapshots handed to the queue so far, and that count at the last heartbeat (a stall check). */
  let fed = 0;
  let fedAtBeat = 0;
  /** A backlog was too big: its events were thrown away and a fresh snapshot follows the current one. */
  let resyncDue = false;
  let resyncsInARow = 0;
  /**
   * Feeds still listing their first pages while this client is live (a cold sync of a big cluster outlasts the
   * snapshot's sync wait): their listed objects are not streamed one upsert each — every Event in the cluster
   * among them — but come in one fresh snapshot (with its Event cap) when the feed has synced.
   */
  const listing = new Set<FeedId>();

  const finish = (reason: 'cancelled' | 'dropped') => {
    if (closed) return;
    closed = true;
    pending = [];
    snapshotLeft = null;
    unsubscribe();
    if (heartbeat) clearInterval(heartbeat);
    o.seat?.release();
    o.onClose?.(reason);
  };
  /** Cuts the client off: erroring the stream discards its queue, so the memory is free at once. */
  const drop = () => {
    if (closed) return;
    finish('dropped');
    controller.error(new Error('slow client dropped'));
  };

  /**
   * A backlog bigger than the queue takes for a client that reads (20,000 upserts when the reflectors' lists
   * land): the queued deltas are thrown away and the client gets a fresh snapshot on the same stream instead
   * of being cut off — the browser diffs a re-snapshot against what it shows (live-client.ts). Cheaper for both
   * sides than a reconnect that asks for the same state, and nothing is missed: the snapshot covers the events.
   * A client that keeps falling behind (or stops reading a snapshot) is still cut off.
   */
  const resync = () => {
    pending = [];
    pendingBytes = 0;
    if (++resyncsInARow > MAX_RESYNCS_IN_A_ROW) return drop();
    resyncDue = true;
    if (!building && !snapshotLeft) void sendSnapshot();
  };

  let flushScheduled = false;
  const scheduleFlush = () => {
    if (flushScheduled) return;
    flushScheduled = true;
    setImmediate(flush);
  };
  const flush = () => {
    flushScheduled = false;
    if (closed || pending.length === 0) return;
    if (building || snapshotLeft) {
      // Behind the snapshot: keep waiting unless the events alone pass the queue limit.
      if (pendingBytes > maxQueueBytes) resync();
      return;
    }
    const room = controller.desiredSize ?? 0;
    if (room <= 0) return drop();
    // A burst bigger than the room of a client that has been keeping up (its queue at most half full).
    if (pendingBytes > room && room >= maxQueueBytes / 2) return resync();
    const frames = pending;
    pending = [];
    pendingBytes = 0;
    resyncsInARow = 0;
    const parts = room >= maxQueueBytes ? [joinShared(frames)] : frames;
    for (const part of parts) for (const piece of pieces(part)) controller.enqueue(piece);
    o.seat?.noteQueued();
  };
  const push = (bytes: Uint8Array) => {
    if (closed) return;
    pending.push(bytes);
    pendingBytes += bytes.byteLength;
    scheduleFlush();
  };

  /** Moves snapshot pieces into the queue while it has room; then lets the waiting events (or a resync) follow. */
  let feeding = false;
  const feedSnapshot = () => {
    // enqueue can hand a chunk to a waiting reader at once, and its next read calls pull() (and so this) again
    if (!snapshotLeft || closed || feeding) return;
    feeding = true;
    try {
      feedPieces(snapshotLeft);
    } finally {
      feeding = false;
    }
  };
  const feedPieces = (left: Generator<Uint8Array>) => {
    while (!closed && (controller.desiredSize ?? 0) > 0) {
      const next = left.next();
      if (next.done) {
        snapshotLeft = null;
        if (resyncDue) void sendSnapshot();
        else if (pending.length > 0) scheduleFlush();
        return;
      }
      fed++;
      controller.enqueue(next.value);
    }
    o.seat?.noteQueued();
  };

  const sendStatus = () => {
    const h = hub.health(feeds);
    const status: UpstreamStatus = { ok: h.ok, synced: h.synced, reason: h.reason };
    const text = JSON.stringify(status);
    if (text === lastStatus) return;
    lastStatus = text;
    push(encodeSse(formatSse({ event: 'status', data: text })));
  };

  /** Takes a snapshot now, serialises it a part per event-loop turn (snapshot-frames.ts), then feeds it as the client reads. */
  const sendSnapshot = async () => {
    building = true;
    resyncDue = false;
    const snap = hub.snapshot(feeds);
    const h = hub.health(feeds);
    const upstream: UpstreamStatus = { ok: h.ok, synced: h.synced, reason: h.reason };
    lastStatus = JSON.stringify(upstream);
    lastSeq = snap.seq;
    live = true; // events after snap.seq now wait in `pending`, behind the snapshot
    const snapshot = await snapshotFrames(withNewestEvents(snap.objects), { namespaces: o.namespaces, upstream }, formatEventId(hub.epoch, snap.seq), () => closed);
    building = false;
    if (!snapshot || closed) return;
    const limit = o.maxSnapshotBytes ?? 64 * 1024 * 1024;
    if (snapshot.byteLength > limit) {
      // Too big for a browser tab: say so and stay connected (quietly, heartbeats only) rather than close,
      // which would make EventSource reconnect and the server build the same snapshot every 2 s.
      live = false;
      pending = [];
      pendingBytes = 0;
      lastStatus = JSON.stringify({ ok: false, synced: h.synced, reason: tooBig(snap.objects.length, snapshot.byteLength, limit) });
      push(encodeSse(formatSse({ event: 'status', data: lastStatus })));
      unsubscribe();
      return;
    }
    snapshotLeft = snapshot.chunks();
    feedSnapshot();
  };

  const begin = async () => {
    const resumeFrom = parseEventId(o.lastEventId, hub.epoch);
    const replayed = resumeFrom === null ? null : hub.replay(feeds, resumeFrom);
    if (replayed) {
      lastSeq = resumeFrom as number;
      sendStatus();
      for (const ev of replayed) push(frameOf(ev, hub));
      if (replayed.length > 0) lastSeq = replayed[replayed.length - 1].seq;
      live = true;
      return;
    }
    await hub.whenSynced(feeds, o.syncWaitMs ?? 4_000);
    if (closed) return;
    // Anything pushed before (status, heartbeat) goes first, as it always did; the snapshot then waits for room.
    flush();
    if (closed) return;
    await sendSnapshot();
  };

  return new ReadableStream<Uint8Array>(
    {
      start(c) {
        controller = c;
        o.seat?.attach({ queuedBytes: () => maxQueueBytes - (c.desiredSize ?? 0), drop });
        // Tell EventSource to retry after 2 s (a bare `retry:` field dispatches no event).
        c.enqueue(encodeSse('retry: 2000\n\n'));
        // Subscribe before the snapshot is taken: the snapshot and the live events then join without a gap
        // (both happen on this one thread; events up to snapshot.seq are skipped below).
        unsubscribe = hub.subscribe(feeds, {
          onEvent(ev) {
            // while a resync is due, the fresh snapshot will carry this change
            if (!live || resyncDue || ev.seq <= lastSeq) return;
            if (!hub.feedSynced(ev.feed)) {
              listing.add(ev.feed);
              return;
            }
            lastSeq = ev.seq;
            push(frameOf(ev, hub));
          },
          onHealth() {
            if (live) sendStatus();
            let listed = false;
            for (const id of listing) {
              if (!hub.feedSynced(id)) continue;
              listing.delete(id);
              listed = true;
            }
            if (listed && !closed) {
              resyncDue = true;
              if (!building && !snapshotLeft) void sendSnapshot();
            }
          },
        });
        heartbeat = setInterval(() => {
          // Its events already thrown away and not one piece of its snapshot read since the last beat: gone quiet.
          if (resyncDue && snapshotLeft && fed === fedAtBeat) return drop();
          fedAtBeat = fed;
          push(encodeSse(formatSseComment('heartbeat')));
        }, o.heartbeatMs ?? 15_000);
        heartbeat.unref?.();
        void begin();
      },
      pull() {
        feedSnapshot();
      },
      cancel() {
        finish('cancelled');
      },
    },
    new ByteLengthQueuingStrategy({ highWaterMark: maxQueueBytes }),
  );
}
