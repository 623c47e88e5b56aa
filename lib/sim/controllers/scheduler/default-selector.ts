/**
 * helper.DefaultSelector (pkg/scheduler/framework/plugins/helper/spread.go): the selector the default
 * topology spreading counts with — the selectors of the Services that select the pod, merged, plus its
 * ReplicaSet's selector. Here the ReplicaSet is the pod's controller (upstream lists every ReplicaSet
 * whose selector matches, which a controller-owned pod almost always equals).
 * Cost: O(Services) per pod; DefaultSelectorCache makes it O(labels) for the next pods of the same
 * ReplicaSet with the same labels, until a Service changes.
 */
import type { V1OwnerReference, V1Pod, V1ReplicaSet, V1Service } from '../../../k8s/api-types';
import { fromLabelSelectorObject, type LabelSelector, type Requirement } from '../../../k8s/selectors';
import type { KubeObject } from '../../../k8s/types';

/** What the default selector reads from the engine: the namespace's Services and a ReplicaSet by key. */
export interface SpreadSelectorSource {
  store: { values(kind: 'Service', namespace: string): Iterable<KubeObject> };
  get(kind: 'ReplicaSet', key: string): KubeObject | undefined;
}

export function defaultSpreadSelector(pod: V1Pod, e: SpreadSelectorSource): LabelSelector {
  const ns = pod.metadata?.namespace ?? 'default';
  const labels = pod.metadata?.labels ?? {};
  const requirements: Requirement[] = [];
  const merged: Record<string, string> = {};
  for (const svc of e.store.values('Service', ns) as Iterable<V1Service>) {
    const sel = svc.spec?.selector;
    if (!sel || !Object.keys(sel).length) continue;
    if (Object.entries(sel).every(([k, v]) => labels[k] === v)) Object.assign(merged, sel);
  }
  for (const [key, value] of Object.entries(merged)) requirements.push({ key, operator: '=', values: [value] });
  const rs = controllerReplicaSet(pod, e);
  if (rs?.spec?.selector) requirements.push(...fromLabelSelectorObject(rs.spec.selector).requirements);
  return { requirements };
}

/** The pod's controlling ReplicaSet reference, if it has one. A loop, not find(): this runs once per scheduled pod. */
function replicaSetOwner(pod: V1Pod): V1OwnerReference | undefined {
  const refs = pod.metadata?.ownerReferences;
  if (refs) for (let i = 0; i < refs.length; i++) if (refs[i].controller && refs[i].kind === 'ReplicaSet') return refs[i];
  return undefined;
}

const replicaSetKey = (pod: V1Pod, owner: V1OwnerReference) => `${pod.metadata?.namespace ?? 'default'}/${owner.name}`;

function controllerReplicaSet(pod: V1Pod, e: SpreadSelectorSource): V1ReplicaSet | undefined {
  const owner = replicaSetOwner(pod);
  return owner && (e.get('ReplicaSet', replicaSetKey(pod, owner)) as V1ReplicaSet | undefined);
}

/** entries kept before the cache starts over (a bound for memory, not correctness) */
const MAX_ENTRIES = 1024;

/**
 * Default selectors by (namespace, controlling ReplicaSet uid, labels). A ReplicaSet's selector is immutable
 * (apps/v1), so only Services can change the answer: the owner calls `servicesChanged()` on every Service
 * change. Pods without a ReplicaSet are not cached (their owner may not exist yet).
 */
export class DefaultSelectorCache {
  private entries = new Map<string, LabelSelector>();
  /**
   * The last answer, by the identity of what it depends on: a set's pods share one labels object and come in a row.
   * `rsKey` is the ReplicaSet's store key, kept so the next pod of the set checks that it still exists without
   * building the key again.
   */
  private last?: { labels: object | undefined; uid: string; name: string; rsKey: string; namespace: string; selector: LabelSelector };

  servicesChanged(): void {
    this.entries.clear();
    this.last = undefined;
  }

  selectorFor(pod: V1Pod, e: SpreadSelectorSource): LabelSelector {
    const owner = replicaSetOwner(pod);
    if (!owner?.uid) return defaultSpreadSelector(pod, e);
    const namespace = pod.metadata?.namespace ?? 'default';
    const last = this.last;
    const sameSet = last !== undefined && last.uid === owner.uid && last.name === owner.name && last.namespace === namespace;
    const rsKey = sameSet ? last.rsKey : replicaSetKey(pod, owner);
    if ((e.get('ReplicaSet', rsKey) as V1ReplicaSet | undefined)?.metadata?.uid !== owner.uid) return defaultSpreadSelector(pod, e);
    if (sameSet && last.labels === pod.metadata?.labels) return last.selector;
    let key = `${namespace}\u0000${owner.uid}`;
    const labels = pod.metadata?.labels ?? {};
    for (const k in labels) key += `\u0000${k}\u0001${labels[k]}`;
    let hit = this.entries.get(key);
    if (!hit) {
      if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
      this.entries.set(key, (hit = defaultSpreadSelector(pod, e)));
    }
    this.last = { labels: pod.metadata?.labels, uid: owner.uid, name: owner.name, rsKey, namespace, selector: hit };
    return hit;
  }
}
