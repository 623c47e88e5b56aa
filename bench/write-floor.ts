/**
 * The store floor for bench:sim: the same number of writes per kind and type that the measured deploy + rollout
 * made, put through the engine's own Store (lib/sim/store.ts) with no controller behind it. Each ADDED write stores a
 * copy of a real object of that kind from the run under a new name; each MODIFIED one a new version with a fresh
 * top-level object and status (as a controller's write makes); each DELETED one removes an object. One hook listens,
 * as the engine's does. What is left between this and the engine's time is the controllers' logic: scheduling,
 * the kubelet's steps, Event correlation and the spam filter.
 */
import type { Kind, KubeObject, WatchEventType } from '../lib/k8s/types';
import { Store } from '../lib/sim/store';

/** Writes per kind and type, e.g. counts.get('Pod')!.MODIFIED. */
export type WriteCounts = Map<Kind, Record<WatchEventType, number>>;

export function countWrite(counts: WriteCounts, kind: Kind, type: WatchEventType): void {
  let c = counts.get(kind);
  if (!c) counts.set(kind, (c = { ADDED: 0, MODIFIED: 0, DELETED: 0, BOOKMARK: 0, ERROR: 0 } as Record<WatchEventType, number>));
  c[type]++;
}

/**
 * Replays `counts` into a fresh Store. Per kind: each object is added and followed by its share of the MODIFIED writes,
 * each to an object picked by a multiplicative hash among those added so far (the run's writes land all over its maps,
 * not on the newest object); the DELETED writes remove the oldest objects at the end. Kinds interleave write by write,
 * so the maps grow together. Returns the milliseconds taken and the number of writes the hook saw.
 */
export function storeFloor(counts: WriteCounts, sample: (kind: Kind) => KubeObject | undefined): { ms: number; writes: number } {
  type Op = 0 | 1 | 2; // add, modify, delete
  const plans = [...counts].map(([kind, c]) => {
    const base = sample(kind);
    if (!base) throw new Error(`no ${kind} to copy for the store floor`);
    const ops: Op[] = [];
    for (let j = 0; j < c.ADDED; j++) {
      ops.push(0);
      const share = Math.floor((c.MODIFIED * (j + 1)) / c.ADDED) - Math.floor((c.MODIFIED * j) / c.ADDED);
      for (let m = 0; m < share; m++) ops.push(1);
    }
    // kinds the run only modified (Nodes, the Deployment): their writes go to copies added up front, not counted
    const extra = c.ADDED === 0 ? Math.max(1, Math.min(100, c.MODIFIED)) : 0;
    if (c.ADDED === 0) for (let m = 0; m < c.MODIFIED; m++) ops.push(1);
    for (let d = 0; d < c.DELETED; d++) ops.push(2);
    return { kind, base, ops, extra, keys: [] as string[], at: 0, modified: 0, deleted: 0 };
  });
  const store = new Store();
  const add = (p: (typeof plans)[number]): void => {
    const name = `${p.base.metadata!.name}-${p.keys.length.toString(36)}`;
    const o = { ...p.base, metadata: { ...p.base.metadata, name, uid: `floor-${p.kind}-${p.keys.length}` } } as KubeObject;
    p.keys.push(o.metadata!.namespace ? `${o.metadata!.namespace}/${name}` : name);
    store.put(p.kind, o, undefined, true);
  };
  for (const p of plans) for (let i = 0; i < p.extra; i++) add(p);
  let seen = 0;
  store.onChange(() => seen++);
  const t0 = performance.now();
  for (let busy = true; busy; ) {
    busy = false;
    for (const p of plans) {
      if (p.at >= p.ops.length) continue;
      busy = true;
      const op = p.ops[p.at++];
      if (op === 0) add(p);
      else if (op === 1) {
        const key = p.keys[(p.modified++ * 2654435761) % p.keys.length];
        const stored = store.get(p.kind, key)!;
        const status = (stored as { status?: object }).status;
        store.put(p.kind, (status ? { ...stored, status: { ...status } } : { ...stored }) as KubeObject, undefined, false, key);
      } else store.remove(p.kind, p.keys[p.deleted++]);
    }
  }
  return { ms: performance.now() - t0, writes: seen };
}
