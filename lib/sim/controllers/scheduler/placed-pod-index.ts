/**
 * Per-node counts of the placed (bound, not finished, not terminating) pods a selector selects, for the spreading the
 * scheduler scores: `countsPerNode` keeps, per selector asked for, the matching pods per node, updated on every placement
 * change in O(selectors cached for the namespace). A selector's counts start from one pass over the namespace's placed
 * pods (`placedIn`, the store), once per selector; after that, spreading a ReplicaSet's pods costs O(nodes) per attempt
 * instead of O(its pods). Nothing is kept per pod: an index of every placed pod by label cost three Map entries per
 * placement change and held each pod's bound version alive, for the one pass a new selector needs.
 */
import type { V1Pod } from '../../../k8s/api-types';
import { matchesLabelSelector, type LabelSelector } from '../../../k8s/selectors';

/** selectors whose counts are kept; past this the cache starts over (a bound for memory, not correctness) */
const MAX_CACHED_SELECTORS = 256;

interface SelectorCounts {
  namespace: string;
  selector: LabelSelector;
  perNode: Map<string, number>;
}

const selectorKeys = new WeakMap<LabelSelector, string>();
/** A selector's identity as a string, computed once per selector object (the default selectors are cached). */
function selectorKey(selector: LabelSelector): string {
  let key = selectorKeys.get(selector);
  if (key === undefined) selectorKeys.set(selector, (key = selector.requirements.map((r) => `${r.key}\u0001${r.operator}\u0001${r.values.join('\u0002')}`).join('\u0003')));
  return key;
}

export class PlacedPodIndex {
  private counts = new Map<string, SelectorCounts>();

  /** `placedIn(namespace)`: the namespace's placed pods as the caller counts them now (what add and remove follow). */
  constructor(private readonly placedIn: (namespace: string) => Iterable<V1Pod>) {}

  add(pod: V1Pod): void {
    this.adjustCounts(pod, 1);
  }

  remove(pod: V1Pod): void {
    this.adjustCounts(pod, -1);
  }

  clear(): void {
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
      for (const p of this.placedIn(namespace))
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
}
