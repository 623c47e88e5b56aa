/**
 * Deletion semantics shared by the API server and the controllers: graceful pod termination,
 * owner-reference propagation (Background / Orphan / Foreground) and the Korean names of kinds.
 */
import type { V1Pod } from '../k8s/api-types';
import type { Kind, KubeObject } from '../k8s/types';
import type { Cause } from './types';
import type { Engine } from './engine';

export { KIND_KO } from '../k8s/kind-names';

/**
 * Starts graceful termination: sets deletionTimestamp (+ grace) and lets the kubelet stop the
 * containers. Unbound pods, and grace 0, are removed at once (as the API server does for pods that
 * never reached a node). Returns the stored result.
 */
export function deletePod(e: Engine, pod: V1Pod, cause: Cause, graceSeconds?: number): KubeObject {
  const grace = graceSeconds ?? pod.spec?.terminationGracePeriodSeconds ?? 30;
  const ns = pod.metadata!.namespace;
  if (!pod.spec?.nodeName || grace === 0) {
    return e.removeObject('Pod', pod.metadata!.name!, ns, cause) ?? pod;
  }
  if (pod.metadata!.deletionTimestamp) {
    // pkg/registry/rest/delete.go BeforeDelete: a later delete may only shorten the grace period
    if (graceSeconds === undefined || grace >= (pod.metadata!.deletionGracePeriodSeconds ?? Infinity)) return pod;
  }
  const updated: V1Pod = {
    ...pod,
    metadata: { ...pod.metadata, deletionTimestamp: e.iso(e.time + grace * 1000), deletionGracePeriodSeconds: grace },
  };
  return e.updateObject('Pod', updated, cause);
}

/** Deletes any object the way a controller or the garbage collector would (pods gracefully). */
export function deleteObject(e: Engine, kind: Kind, obj: KubeObject, cause: Cause): void {
  if (kind === 'Pod') deletePod(e, obj as V1Pod, cause);
  else e.removeObject(kind, obj.metadata!.name!, obj.metadata!.namespace, cause);
}

/** Removes the owner reference to `ownerUid` from every dependent (propagationPolicy=Orphan). */
export function orphanDependents(e: Engine, ownerUid: string, cause: Cause): void {
  const deps = e.store.dependents.get(ownerUid);
  if (!deps) return;
  for (const { kind, key } of [...deps.values()]) {
    const obj = e.store.get(kind, key);
    if (!obj) continue;
    const refs = obj.metadata!.ownerReferences!.filter((r) => r.uid !== ownerUid);
    e.updateObject(kind, { ...obj, metadata: { ...obj.metadata, ownerReferences: refs.length ? refs : undefined } } as KubeObject, cause);
  }
}

/** Keys of the live dependents of an owner. */
export function dependentsOf(e: Engine, ownerUid: string): { kind: Kind; key: string; obj: KubeObject }[] {
  const out: { kind: Kind; key: string; obj: KubeObject }[] = [];
  for (const { kind, key } of e.store.dependents.get(ownerUid)?.values() ?? []) {
    const obj = e.store.get(kind, key);
    if (obj) out.push({ kind, key, obj });
  }
  return out;
}

