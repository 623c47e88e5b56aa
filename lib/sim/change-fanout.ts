/**
 * Delivers store changes to the simulator's watchers (one kind, maybe one namespace, one event at a time) and
 * subscribers (every change, in batches), after each call and never re-entrantly: a callback may call back into
 * the simulator, and what that changes is delivered after the current batch, in order. Changes are queued only
 * while someone listens. O(changes × listeners) per flush.
 */
import type { StoreChange } from './store';
import type { Kind } from '../k8s/types';
import type { SimWatchEvent, Watch } from './types';

interface Watcher {
  kind: Kind;
  namespace?: string;
  cb: (ev: SimWatchEvent) => void;
}

const matches = (w: Watcher, ev: SimWatchEvent): boolean => ev.kind === w.kind && (w.namespace === undefined || ev.object.metadata?.namespace === w.namespace);

export class ChangeFanout {
  /** public events of the changes not yet delivered (not the changes: those die as soon as the store's hooks return) */
  private pending: SimWatchEvent[] = [];
  private readonly watchers = new Set<Watcher>();
  private readonly subscribers = new Set<(events: SimWatchEvent[]) => void>();
  /**
   * The listeners as arrays, replaced (never changed in place) when one comes or goes: delivery walks the array it
   * read, so a callback that starts or stops a watch sees the same effect as with a copy per change, without the copy.
   */
  private watcherList: readonly Watcher[] = [];
  private subscriberList: readonly ((events: SimWatchEvent[]) => void)[] = [];
  private flushing = false;

  /** Queues a change for the next flush, when anyone listens. */
  push(c: StoreChange): void {
    if (this.watchers.size || this.subscribers.size) this.pending.push(c.ev);
  }

  /** Forgets queued changes (the cluster's bootstrap, which nobody watched). */
  dropPending(): void {
    this.pending = [];
  }

  /** Starts a watch, first replaying `history` (changes since the requested resourceVersion) that match it. */
  watch(kind: Kind, namespace: string | undefined, cb: (ev: SimWatchEvent) => void, history: readonly SimWatchEvent[]): Watch {
    const w: Watcher = { kind, namespace, cb };
    for (const ev of history) if (matches(w, ev)) cb(ev);
    this.watchers.add(w);
    this.watcherList = [...this.watchers];
    return {
      stop: () => {
        const had = this.watchers.delete(w);
        if (had) this.watcherList = [...this.watchers];
        return had;
      },
    };
  }

  subscribe(cb: (events: SimWatchEvent[]) => void): () => void {
    this.subscribers.add(cb);
    this.subscriberList = [...this.subscribers];
    return () => {
      const had = this.subscribers.delete(cb);
      if (had) this.subscriberList = [...this.subscribers];
      return had;
    };
  }

  /** Sends subscribers one batch at once, built only when there is a subscriber (a restore's "all changed"). */
  announce(events: () => SimWatchEvent[]): void {
    if (!this.subscribers.size) return;
    const batch = events();
    for (const s of this.subscriberList) s(batch);
  }

  /** Delivers pending changes in order; callbacks may call back into the simulator safely. */
  flush(): void {
    if (this.flushing) return;
    this.flushing = true;
    try {
      while (this.pending.length) {
        const batch = this.pending;
        this.pending = [];
        // every subscriber gets the same array, as before (a fresh one per batch)
        if (this.subscribers.size) for (const s of this.subscriberList) s(batch);
        if (this.watchers.size) for (const ev of batch) for (const w of this.watcherList) if (matches(w, ev)) w.cb(ev);
      }
    } finally {
      this.flushing = false;
    }
  }
}
