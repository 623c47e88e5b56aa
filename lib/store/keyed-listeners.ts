/**
 * Listeners per key (a pod key, a node name): `notify(keys)` calls the listeners of those keys only, so a commit that
 * changed three pods out of 5,000 wakes three tiles instead of running 5,000 selectors. The shape React's
 * `useSyncExternalStore` takes: `subscribe(key, cb)` returns the unsubscribe function. O(changed keys) per notify.
 */
export class KeyedListeners {
  private readonly byKey = new Map<string, Set<() => void>>();

  subscribe(key: string, cb: () => void): () => void {
    let set = this.byKey.get(key);
    if (!set) this.byKey.set(key, (set = new Set()));
    set.add(cb);
    return () => {
      set.delete(cb);
      if (set.size === 0 && this.byKey.get(key) === set) this.byKey.delete(key);
    };
  }

  /** Call every listener of each key once (a listener added while notifying waits for the next notify). */
  notify(keys: Iterable<string>): void {
    for (const key of keys) {
      const set = this.byKey.get(key);
      if (set) for (const cb of [...set]) cb();
    }
  }

  /** Every key's listeners (the cluster was cleared: everything may have changed). */
  notifyAll(): void {
    this.notify([...this.byKey.keys()]);
  }
}
