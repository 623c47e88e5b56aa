/**
 * The watch hub: ONE reflector per (kind, namespace), shared by every browser.
 * A feed starts with its first subscriber and stops `lingerMs` after its last one leaves (a page reload
 * should not cost a relist). Every change gets a hub-wide sequence number, kept in a bounded history so a
 * browser that reconnects with Last-Event-ID gets the missed events instead of a fresh snapshot.
 */
import type { Kind, KubeObject } from '../k8s/types';
import { encodeObjectJson, objectJsonBytes } from './object-json';
import { Reflector, type ReflectorHealth } from './reflector';
import type { UpstreamFactory, WatchedKind } from './upstream-types';

export type FeedId = string;

export function feedId(kind: WatchedKind, namespace: string | null): FeedId {
  return `${kind}|${namespace ?? ''}`;
}

export interface HubEvent {
  seq: number;
  feed: FeedId;
  type: 'upsert' | 'delete';
  kind: Kind;
  key: string;
  object: KubeObject;
  /** The encoded SSE frame, built once and shared by every client that receives this event. */
  frame?: Uint8Array;
}

export interface HubListener {
  onEvent(ev: HubEvent): void;
  onHealth(): void;
}

export interface FeedHealth {
  ok: boolean;
  synced: boolean;
  reason?: string;
}

interface Feed {
  id: FeedId;
  reflector: Reflector;
  listeners: Set<HubListener>;
  /** Sequence number when this run of the feed began; events before it were never seen by this run. */
  startSeq: number;
  lingerTimer: ReturnType<typeof setTimeout> | null;
}

export interface WatchHubOptions {
  factory: UpstreamFactory;
  /** How long an unwatched feed keeps running (ms). */
  lingerMs?: number;
  /** How many recent events are kept for resumption. */
  historySize?: number;
}

/** How many of the newest events keep their encoded SSE frame. */
const FRAME_CACHE_EVENTS = 500;

export class WatchHub {
  /** Identifies this process's numbering, so an id from before a server restart is never misread. */
  readonly epoch = Math.random().toString(36).slice(2, 10);
  private seq = 0;
  private readonly feeds = new Map<FeedId, Feed>();
  private readonly history: HubEvent[] = [];
  private readonly lingerMs: number;
  private readonly historySize: number;
  private readonly syncWaiters = new Set<() => void>();

  constructor(private readonly options: WatchHubOptions) {
    this.lingerMs = options.lingerMs ?? 30_000;
    this.historySize = options.historySize ?? 10_000;
  }

  /** Number of reflectors currently running = upstream watches held open (the fan-out figure). */
  upstreamWatchCount(): number {
    return this.feeds.size;
  }

  currentSeq(): number {
    return this.seq;
  }

  /** Subscribe to feeds, starting any that are not running. Returns the unsubscribe function. */
  subscribe(feeds: { kind: WatchedKind; namespace: string | null }[], listener: HubListener): () => void {
    const joined: Feed[] = feeds.map(({ kind, namespace }) => this.join(kind, namespace, listener));
    return () => {
      for (const feed of joined) this.leave(feed, listener);
    };
  }

  private join(kind: WatchedKind, namespace: string | null, listener: HubListener): Feed {
    const id = feedId(kind, namespace);
    let feed = this.feeds.get(id);
    if (!feed) {
      const created: Feed = {
        id,
        listeners: new Set(),
        startSeq: this.seq,
        lingerTimer: null,
        reflector: new Reflector(kind, namespace, this.options.factory(kind, namespace), {
          onChange: (c) => this.publish(created, { seq: 0, feed: id, type: c.type, kind, key: c.key, object: c.object }),
          onHealth: (h) => this.healthChanged(created, h),
        }),
      };
      feed = created;
      this.feeds.set(id, feed);
      feed.reflector.start();
    }
    if (feed.lingerTimer) {
      clearTimeout(feed.lingerTimer);
      feed.lingerTimer = null;
    }
    feed.listeners.add(listener);
    return feed;
  }

  private leave(feed: Feed, listener: HubListener): void {
    feed.listeners.delete(listener);
    if (feed.listeners.size > 0 || feed.lingerTimer) return;
    feed.lingerTimer = setTimeout(() => {
      feed.lingerTimer = null;
      if (feed.listeners.size > 0) return;
      feed.reflector.stop();
      this.feeds.delete(feed.id);
    }, this.lingerMs);
    feed.lingerTimer.unref?.();
  }

  private publish(feed: Feed, ev: HubEvent): void {
    ev.seq = ++this.seq;
    this.history.push(ev);
    // Older events keep their object for replay but not their encoded frame (rebuilt if a resume needs it):
    // frames of big objects would otherwise hold historySize × frame bytes for events nobody is sending.
    const aged = this.history[this.history.length - 1 - FRAME_CACHE_EVENTS];
    if (aged) aged.frame = undefined;
    // Trim in chunks so each publish stays O(1) amortised.
    if (this.history.length > this.historySize * 1.25) this.history.splice(0, this.history.length - this.historySize);
    for (const l of feed.listeners) l.onEvent(ev);
  }

  private healthChanged(feed: Feed, h: ReflectorHealth): void {
    for (const l of feed.listeners) l.onHealth();
    if (h.synced) for (const w of [...this.syncWaiters]) w();
  }

  /** Whether one feed has listed its whole collection at least once (pages of a first list are not yet synced). */
  feedSynced(id: FeedId): boolean {
    return this.feeds.get(id)?.reflector.currentHealth().synced ?? false;
  }

  /** Combined health of some feeds: the first failing feed's reason wins. */
  health(feeds: { kind: WatchedKind; namespace: string | null }[]): FeedHealth {
    let synced = true;
    for (const f of feeds) {
      const h = this.feeds.get(feedId(f.kind, f.namespace))?.reflector.currentHealth();
      if (!h) return { ok: false, synced: false, reason: '감시가 시작되지 않았습니다' };
      if (!h.ok) return { ok: false, synced: h.synced, reason: h.reason };
      synced &&= h.synced;
    }
    return { ok: true, synced };
  }

  /** Resolves once every feed has listed at least once, or after timeoutMs (the caller then sends what exists). */
  whenSynced(feeds: { kind: WatchedKind; namespace: string | null }[], timeoutMs: number): Promise<void> {
    if (this.health(feeds).synced) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        if (!this.health(feeds).synced && !timedOut) return;
        clearTimeout(timer);
        this.syncWaiters.delete(done);
        resolve();
      };
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        done();
      }, timeoutMs);
      this.syncWaiters.add(done);
    });
  }

  /** Everything the feeds hold right now, and the sequence number it corresponds to. */
  snapshot(feeds: { kind: WatchedKind; namespace: string | null }[]): { seq: number; objects: KubeObject[] } {
    const objects: KubeObject[] = [];
    for (const f of feeds) {
      const feed = this.feeds.get(feedId(f.kind, f.namespace));
      if (feed) objects.push(...feed.reflector.objects.values());
    }
    return { seq: this.seq, objects };
  }

  /**
   * The events after `afterSeq` for these feeds, or null when they cannot be replayed exactly: the history
   * no longer reaches back that far, or a feed was (re)started after it (its earlier changes were never seen).
   */
  replay(feeds: { kind: WatchedKind; namespace: string | null }[], afterSeq: number): HubEvent[] | null {
    if (afterSeq > this.seq) return null;
    const ids = new Set<FeedId>();
    for (const f of feeds) {
      const feed = this.feeds.get(feedId(f.kind, f.namespace));
      if (!feed || feed.startSeq > afterSeq) return null;
      ids.add(feed.id);
    }
    const oldest = this.history.length > 0 ? this.history[0].seq : this.seq + 1;
    if (afterSeq < oldest - 1) return null;
    return this.history.filter((e) => e.seq > afterSeq && ids.has(e.feed));
  }

  /**
   * The JSON of an event's object (UTF-8): from the cache (object-json.ts) while it is still its feed's current
   * object, else built for this one frame — a superseded version replayed from the history must not hold a cache entry.
   */
  eventObjectJson(ev: HubEvent): Uint8Array {
    const current = this.feeds.get(ev.feed)?.reflector.objects.get(ev.key) === ev.object;
    return current ? objectJsonBytes(ev.object) : encodeObjectJson(ev.object);
  }

  /** Stops every feed now (tests, shutdown). */
  close(): void {
    for (const feed of this.feeds.values()) {
      if (feed.lingerTimer) clearTimeout(feed.lingerTimer);
      feed.reflector.stop();
    }
    this.feeds.clear();
  }
}
