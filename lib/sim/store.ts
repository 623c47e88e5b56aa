/**
 * The etcd of the simulator: objects per kind, a global resourceVersion, secondary indexes that
 * controllers need (pods by node, dependents by owner uid, orphan pods), a bounded log of watch events for
 * watch replay, and synchronous change hooks that feed the controllers' work queues.
 *
 * Stored objects are treated as immutable: every write stores a new object. Readers inside the
 * engine get the stored reference (no copy); the public API clones.
 */
import type { Kind, KubeObject, WatchEventType } from '../k8s/types';
import type { Cause, SimWatchEvent } from './types';

/**
 * What the hooks see of one write. Nothing keeps it past the hooks: the log and the simulator's subscribers keep the
 * change's public event (`ev`), so a change's previous version (`old`) and the change itself die young.
 */
export interface StoreChange {
  type: WatchEventType;
  kind: Kind;
  key: string;
  object: KubeObject;
  old?: KubeObject;
  cause?: Cause;
  rv: number;
  /** the public watch event, built once: the log keeps it and every subscriber and watcher shares it */
  ev: SimWatchEvent;
}

/** `namespace/name` for namespaced objects, `name` for cluster-scoped ones. */
export function keyOf(name: string, namespace?: string): string {
  return namespace ? `${namespace}/${name}` : name;
}

export function objKey(o: KubeObject): string {
  return keyOf(o.metadata!.name!, o.metadata!.namespace);
}

const LOG_LIMIT = 5_000;

/** The public watch event of a write (no `cause` key when there is none). */
function watchEvent(type: WatchEventType, kind: Kind, object: KubeObject, cause: Cause | undefined): SimWatchEvent {
  return cause ? { type, kind, object, cause } : { type, kind, object };
}

export class Store {
  rv = 0;
  /** bumped by clear() (a restore): controllers that index objects themselves start over when it moves */
  epoch = 0;
  private objects = new Map<Kind, Map<string, KubeObject>>();
  /**
   * Objects per kind and namespace, in the order `objects` holds them. A kind's index is built the first time someone
   * lists it by namespace and kept from then on: Events (tens of thousands, one write per kubelet step) are seldom
   * listed so, and every write of an unindexed kind spares two lookups and an insert into a second large Map.
   */
  private byNamespace = new Map<Kind, Map<string, Map<string, KubeObject>>>();
  /** pod keys per spec.nodeName */
  readonly podsByNode = new Map<string, Set<string>>();
  /** pod IPs in use per node (host-local IPAM needs them) */
  readonly podIpsByNode = new Map<string, Set<string>>();
  /** dependents (kind + key) per owner uid, from metadata.ownerReferences */
  readonly dependents = new Map<string, Map<string, { kind: Kind; key: string }>>();
  /** pod keys without a controller owner, per namespace (for ReplicaSet adoption) */
  readonly orphanPods = new Map<string, Set<string>>();
  /** watch events by resourceVersion: log[i] has rv logStart + i */
  private log: SimWatchEvent[] = [];
  private logStart = 1;
  private hooks: ((c: StoreChange) => void)[] = [];

  onChange(hook: (c: StoreChange) => void): void {
    this.hooks.push(hook);
  }

  get(kind: Kind, key: string): KubeObject | undefined {
    return this.objects.get(kind)?.get(key);
  }

  /** All objects of a kind (optionally one namespace), in insertion order. No copy. */
  values(kind: Kind, namespace?: string): Iterable<KubeObject> {
    if (namespace === undefined) return this.objects.get(kind)?.values() ?? [];
    return this.namespacesOf(kind).get(namespace)?.values() ?? [];
  }

  count(kind: Kind): number {
    return this.objects.get(kind)?.size ?? 0;
  }

  /**
   * Stores obj and notifies hooks. obj must be a fresh top-level object (callers spread the stored
   * one); its metadata is copied here because it is usually shared with the previous version.
   */
  put(kind: Kind, obj: KubeObject, cause?: Cause, freshMetadata = false, knownKey?: string): KubeObject {
    const key = knownKey ?? objKey(obj);
    const map = this.mapOf(kind);
    const old = map.get(key);
    this.rv++;
    if (freshMetadata) obj.metadata!.resourceVersion = String(this.rv);
    else obj.metadata = { ...obj.metadata!, resourceVersion: String(this.rv) };
    if (kind === 'Pod') obj = podShape(obj, obj.metadata!);
    map.set(key, obj);
    const ns = obj.metadata!.namespace;
    const byNs = this.byNamespace.get(kind);
    if (ns !== undefined && byNs !== undefined) nsMapOf(byNs, ns).set(key, obj);
    this.reindex(kind, key, old, obj);
    const type = old ? 'MODIFIED' : 'ADDED';
    this.emit({ type, kind, key, object: obj, old, cause, rv: this.rv, ev: watchEvent(type, kind, obj, cause) });
    return obj;
  }

  /** Removes the object for good (the DELETED event carries the last state with a new resourceVersion). */
  remove(kind: Kind, key: string, cause?: Cause): KubeObject | undefined {
    const map = this.objects.get(kind);
    const old = map?.get(key);
    if (!old) return undefined;
    map!.delete(key);
    const ns = old.metadata!.namespace;
    if (ns !== undefined) this.byNamespace.get(kind)?.get(ns)?.delete(key);
    this.reindex(kind, key, old, undefined);
    this.rv++;
    const metadata = { ...old.metadata, resourceVersion: String(this.rv) };
    const last = kind === 'Pod' ? podShape(old, metadata) : ({ ...old, metadata } as KubeObject);
    this.emit({ type: 'DELETED', kind, key, object: last, old, cause, rv: this.rv, ev: watchEvent('DELETED', kind, last, cause) });
    return last;
  }

  /**
   * Watch events after resourceVersion `fromRv` (exclusive), or undefined when the log no longer reaches back (the
   * caller answers 410 Gone, as kube-apiserver's watch cache does for a resourceVersion older than its window).
   */
  changesSince(fromRv: number): SimWatchEvent[] | undefined {
    if (fromRv >= this.rv) return [];
    if (!this.log.length || this.logStart > fromRv + 1) return undefined;
    return this.log.slice(fromRv + 1 - this.logStart);
  }

  /** Drops everything (restore). */
  clear(): void {
    this.epoch++;
    this.objects.clear();
    this.byNamespace.clear();
    this.podsByNode.clear();
    this.podIpsByNode.clear();
    this.dependents.clear();
    this.orphanPods.clear();
    this.log = [];
    this.logStart = this.rv + 1;
  }

  /** Loads objects without events (restore); hooks still index nothing — callers rebuild controller state. */
  load(kind: Kind, obj: KubeObject): void {
    const key = objKey(obj);
    this.mapOf(kind).set(key, obj);
    const ns = obj.metadata!.namespace;
    const byNs = this.byNamespace.get(kind);
    if (ns !== undefined && byNs !== undefined) nsMapOf(byNs, ns).set(key, obj);
    this.reindex(kind, key, undefined, obj);
  }

  private emit(c: StoreChange): void {
    // Every change gets a contiguous rv, so the log is addressable by rv.
    if (!this.log.length) this.logStart = c.rv;
    this.log.push(c.ev);
    if (this.log.length > LOG_LIMIT * 1.5) {
      this.logStart += this.log.length - LOG_LIMIT;
      this.log = this.log.slice(this.log.length - LOG_LIMIT);
    }
    const hooks = this.hooks;
    for (let i = 0; i < hooks.length; i++) hooks[i](c);
  }

  private mapOf(kind: Kind): Map<string, KubeObject> {
    let m = this.objects.get(kind);
    if (!m) this.objects.set(kind, (m = new Map()));
    return m;
  }

  /**
   * The kind's namespace index, built from `objects` on first use: the same insertions, updates and deletions reach
   * both Maps, so each namespace's Map holds its objects in the order `objects` does, built early or late.
   */
  private namespacesOf(kind: Kind): Map<string, Map<string, KubeObject>> {
    let byNs = this.byNamespace.get(kind);
    if (byNs) return byNs;
    this.byNamespace.set(kind, (byNs = new Map()));
    for (const [key, o] of this.objects.get(kind) ?? []) {
      const ns = o.metadata!.namespace;
      if (ns !== undefined) nsMapOf(byNs, ns).set(key, o);
    }
    return byNs;
  }

  private reindex(kind: Kind, key: string, old: KubeObject | undefined, next: KubeObject | undefined): void {
    // owner references → dependents
    const oldOwners = old?.metadata?.ownerReferences;
    const newOwners = next?.metadata?.ownerReferences;
    if (oldOwners !== newOwners) {
      const depKey = kind + '|' + key;
      for (const r of oldOwners ?? []) this.dependents.get(r.uid)?.delete(depKey);
      for (const r of newOwners ?? []) {
        let m = this.dependents.get(r.uid);
        if (!m) this.dependents.set(r.uid, (m = new Map()));
        m.set(depKey, { kind, key });
      }
    }
    if (kind !== 'Pod') return;
    const oldNode = (old as { spec?: { nodeName?: string } } | undefined)?.spec?.nodeName;
    const newNode = (next as { spec?: { nodeName?: string } } | undefined)?.spec?.nodeName;
    if (oldNode !== newNode) {
      if (oldNode) this.podsByNode.get(oldNode)?.delete(key);
      if (newNode) {
        let s = this.podsByNode.get(newNode);
        if (!s) this.podsByNode.set(newNode, (s = new Set()));
        s.add(key);
      }
    }
    type P = { spec?: { nodeName?: string }; status?: { podIP?: string } } | undefined;
    const oldIp = (old as P)?.status?.podIP;
    const newIp = (next as P)?.status?.podIP;
    if (oldIp !== newIp || oldNode !== newNode) {
      if (oldIp && oldNode) this.podIpsByNode.get(oldNode)?.delete(oldIp);
      if (newIp && newNode) {
        let s = this.podIpsByNode.get(newNode);
        if (!s) this.podIpsByNode.set(newNode, (s = new Set()));
        s.add(newIp);
      }
    }
    // orphan-ness can only change when the pod comes, goes or gets other owner references
    if (old !== undefined && next !== undefined && oldOwners === newOwners) return;
    const ns = (next ?? old)!.metadata!.namespace!;
    const wasOrphan = old !== undefined && !oldOwners?.some((r) => r.controller);
    const isOrphan = next !== undefined && !newOwners?.some((r) => r.controller);
    if (wasOrphan !== isOrphan) {
      let s = this.orphanPods.get(ns);
      if (!s) this.orphanPods.set(ns, (s = new Set()));
      if (isOrphan) s.add(key);
      else s.delete(key);
    }
  }
}

/**
 * A Pod version as the store keeps it: one object literal in the API's field order (apiVersion, kind, metadata, spec,
 * status; a Pod has no other top-level fields), built here at one site. Writers make new versions in many ways (the
 * ReplicaSet's create, the scheduler's bind, each kubelet step's status write, a deletion, the DELETED event's last
 * state), and V8 (Node 20) gives a spread's result a hidden class derived from its source's: a 300-replica deploy and
 * rollout left ten top-level hidden classes, one per step. Every function reading `pod.metadata`, `pod.spec` or
 * `pod.status` met a new one at each step (a wrong-map deopt and a TurboFan recompile each time, until it settled on
 * megamorphic lookups), which kept the optimizing compiler busy all run long. The writer's object is left as it was.
 */
function podShape(p: KubeObject, metadata: NonNullable<KubeObject['metadata']>): KubeObject {
  const { status } = p as { status?: unknown };
  return status === undefined ? { apiVersion: p.apiVersion, kind: p.kind, metadata, spec: (p as { spec?: unknown }).spec } as KubeObject : ({ apiVersion: p.apiVersion, kind: p.kind, metadata, spec: (p as { spec?: unknown }).spec, status } as KubeObject);
}

function nsMapOf(byNs: Map<string, Map<string, KubeObject>>, ns: string): Map<string, KubeObject> {
  let m = byNs.get(ns);
  if (!m) byNs.set(ns, (m = new Map()));
  return m;
}
