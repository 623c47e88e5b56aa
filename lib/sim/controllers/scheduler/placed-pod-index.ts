/**
 * Placed (bound, not finished) pods indexed by namespace and label, so spreading counts only the pods a
 * selector can match instead of every pod in the cluster. Kept incrementally from pod changes: O(labels)
 * per change; `candidates` returns the smallest set among the selector's equality requirements, or every
 * placed pod of the namespace when it has none.
 */
import type { V1Pod } from '@kubernetes/client-node';
import type { LabelSelector } from '../../../k8s/selectors';

const NAMESPACE_ONLY = '\u0000*';

export class PlacedPodIndex {
  private sets = new Map<string, Map<string, V1Pod>>();

  private keysOf(pod: V1Pod): string[] {
    const ns = pod.metadata?.namespace ?? 'default';
    const keys = [`${ns}${NAMESPACE_ONLY}`];
    for (const [k, v] of Object.entries(pod.metadata?.labels ?? {})) keys.push(`${ns}\u0000${k}=${v}`);
    return keys;
  }

  add(key: string, pod: V1Pod): void {
    for (const k of this.keysOf(pod)) {
      let set = this.sets.get(k);
      if (!set) this.sets.set(k, (set = new Map()));
      set.set(key, pod);
    }
  }

  remove(key: string, pod: V1Pod): void {
    for (const k of this.keysOf(pod)) {
      const set = this.sets.get(k);
      if (!set) continue;
      set.delete(key);
      if (!set.size) this.sets.delete(k);
    }
  }

  clear(): void {
    this.sets.clear();
  }

  /** A superset of the placed pods in `namespace` the selector selects; callers still match each one. */
  candidates(namespace: string, selector: LabelSelector): Iterable<V1Pod> {
    let best = this.sets.get(`${namespace}${NAMESPACE_ONLY}`);
    if (!best) return [];
    for (const r of selector.requirements) {
      if ((r.operator !== '=' && r.operator !== '==' && r.operator !== 'in') || r.values.length !== 1) continue;
      const set = this.sets.get(`${namespace}\u0000${r.key}=${r.values[0]}`);
      if (!set) return [];
      if (set.size < best.size) best = set;
    }
    return best.values();
  }
}
