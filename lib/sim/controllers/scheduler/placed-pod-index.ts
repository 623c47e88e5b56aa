/**
 * Placed (bound, not finished) pods indexed by namespace and label, so spreading counts only the pods a
 * selector can match instead of every pod in the cluster. Kept incrementally from pod changes: O(labels)
 * per change; `candidates` returns the smallest set among the selector's equality requirements, or every
 * placed pod of the namespace when it has none. `countsPerNode` keeps, per selector asked for, the matching
 * non-terminating pods per node, updated on every change: O(selectors cached for the namespace) per change,
 * so spreading a ReplicaSet's pods costs O(nodes) per attempt instead of O(its pods).
 */
import type { V1Pod } from '../../../k8s/api-types';
import { matchesLabelSelector, type LabelSelector } from '../../../k8s/selectors';

const NAMESPACE_ONLY = '\u0000*';
/** selectors whose counts are kept; past this the cache starts over (a bound for memory, not correctness) */
const MAX_CACHED_SELECTORS = 256;

interface SelectorCounts {
  namespace: string;
  selector: LabelSelector;
  perNode: Map<string, number>;
}

const selectorKeys = new WeakMap<LabelSelector, string>();
/**
 * Index keys per labels object. The pods of a ReplicaSet share their template's labels object, so the keys are built
 * once per set rather than once per pod version (each write gives a pod new metadata, but keeps its labels).
 */
const keysByLabels = new WeakMap<object, { namespace: string; keys: string[] }>();
/** A selector's identity as a string, computed once per selector object (the default selectors are cached). */
function selectorKey(selector: LabelSelector): string {
  let key = selectorKeys.get(selector);
  if (key === undefined) selectorKeys.set(selector, (key = selector.requirements.map((r) => `${r.key}\u0001${r.operator}\u0001${r.values.join('\u0002')}`).join('\u0003')));
  return key;
}

export class PlacedPodIndex {
  private sets = new Map<string, Map<string, V1Pod>>();
  private counts = new Map<string, SelectorCounts>();

  /** Index keys of a pod: its namespace, and one per label. Derived from content, so add and remove agree. */
  private keysOf(pod: V1Pod): string[] {
    const ns = pod.metadata?.namespace ?? 'default';
    const labels = pod.metadata?.labels;
    if (!labels) return [`${ns}${NAMESPACE_ONLY}`];
    const hit = keysByLabels.get(labels);
    if (hit?.namespace === ns) return hit.keys;
    const keys = [`${ns}${NAMESPACE_ONLY}`];
    for (const [k, v] of Object.entries(labels)) keys.push(`${ns}\u0000${k}=${v}`);
    keysByLabels.set(labels, { namespace: ns, keys });
    return keys;
  }

  add(key: string, pod: V1Pod): void {
    this.adjustCounts(pod, 1);
    for (const k of this.keysOf(pod)) {
      let set = this.sets.get(k);
      if (!set) this.sets.set(k, (set = new Map()));
      set.set(key, pod);
    }
  }

  remove(key: string, pod: V1Pod): void {
    this.adjustCounts(pod, -1);
    for (const k of this.keysOf(pod)) {
      const set = this.sets.get(k);
      if (!set) continue;
      set.delete(key);
      if (!set.size) this.sets.delete(k);
    }
  }

  clear(): void {
    this.sets.clear();
    this.clearCounts();
  }

  private clearCounts(): void {
    this.counts.clear();
    this.lastCounts = undefined;
  }

  private adjustCounts(pod: V1Pod, sign: 1 | -1): void {
    // spreading ignores terminating pods (podtopologyspread countPodsMatchSelector)
    if (!this.counts.size || pod.metadata?.deletionTimestamp) return;
    const ns = pod.metadata?.namespace ?? 'default';
    const node = pod.spec!.nodeName!;
    for (const c of this.counts.values()) {
      if (c.namespace !== ns || !matchesLabelSelector(c.selector, pod.metadata?.labels ?? {})) continue;
      c.perNode.set(node, (c.perNode.get(node) ?? 0) + sign);
    }
  }

  /** Non-terminating placed pods of `namespace` the selector selects, per node name. Read-only for callers. */
  countsPerNode(namespace: string, selector: LabelSelector): ReadonlyMap<string, number> {
    // the default spreading asks twice per pod (hostname and zone) with one cached selector: no key string to build
    const last = this.lastCounts;
    if (last !== undefined && this.lastSelector === selector && last.namespace === namespace) return last.perNode;
    const key = `${namespace}\u0000${selectorKey(selector)}`;
    let c = this.counts.get(key);
    if (!c) {
      if (this.counts.size >= MAX_CACHED_SELECTORS) this.clearCounts();
      c = { namespace, selector, perNode: new Map() };
      for (const p of this.candidates(namespace, selector))
        if (!p.metadata?.deletionTimestamp && matchesLabelSelector(selector, p.metadata?.labels ?? {})) c.perNode.set(p.spec!.nodeName!, (c.perNode.get(p.spec!.nodeName!) ?? 0) + 1);
      this.counts.set(key, c);
    }
    this.lastCounts = c;
    this.lastSelector = selector;
    return c.perNode;
  }
  /** the entry countsPerNode returned last and the selector asked with (an equal one may have made the entry); cleared with `counts` */
  private lastCounts?: SelectorCounts;
  private lastSelector?: LabelSelector;

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
