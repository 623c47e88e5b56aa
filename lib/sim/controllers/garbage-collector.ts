/**
 * Garbage collection: dependents of deleted owners (Background propagation), Foreground deletion
 * (owner waits for its dependents), pods bound to deleted nodes (PodGC) and namespace teardown.
 */
import type { V1Namespace, V1Pod } from '../../k8s/api-types';
import { CLUSTER_SCOPED, KINDS, type Kind } from '../../k8s/types';
import type { Controller, Engine } from '../engine';
import { keyOf, type StoreChange } from '../store';
import type { Cause } from '../types';
import { deleteObject, dependentsOf, KIND_KO } from '../lifecycle';

export const GARBAGE_COLLECTOR = 'garbage-collector';

const cause = (m: string): Cause => ({ actor: GARBAGE_COLLECTOR, message: `가비지 컬렉터: ${m}`, hop: 'controller' });

export class GarbageCollector implements Controller {
  readonly name = GARBAGE_COLLECTOR;
  readonly watches: readonly Kind[] = KINDS.filter((k) => k !== 'Event');

  onChange(c: StoreChange, e: Engine): void {
    const meta = c.object.metadata!;
    if (c.type === 'DELETED') {
      if (e.store.dependents.get(meta.uid!)?.size) e.enqueue(GARBAGE_COLLECTOR, `uid|${meta.uid}|${c.kind}|${meta.name}`);
      if (c.kind === 'Node') e.enqueue(GARBAGE_COLLECTOR, `node|${meta.name}`);
      for (const ref of meta.ownerReferences ?? []) {
        const owner = e.get(ref.kind as Kind, keyOf(ref.name, meta.namespace));
        if (owner?.metadata?.finalizers?.includes('foregroundDeletion')) e.enqueue(GARBAGE_COLLECTOR, `fg|${ref.kind}|${keyOf(ref.name, meta.namespace)}`);
      }
      if (meta.namespace) {
        const ns = e.get<V1Namespace>('Namespace', meta.namespace);
        if (ns?.metadata?.deletionTimestamp) e.enqueue(GARBAGE_COLLECTOR, `ns|${meta.namespace}`);
      }
      return;
    }
    if (meta.deletionTimestamp && meta.finalizers?.includes('foregroundDeletion')) e.enqueue(GARBAGE_COLLECTOR, `fg|${c.kind}|${c.key}`);
    if (c.kind === 'Namespace' && meta.deletionTimestamp) e.enqueue(GARBAGE_COLLECTOR, `ns|${meta.name}`);
  }

  reconcile(key: string, e: Engine): void {
    const [type, a, b, ...rest] = key.split('|');
    if (type === 'uid') {
      const ownerName = rest.join('|');
      for (const dep of dependentsOf(e, a)) {
        if (dep.obj.metadata?.deletionTimestamp) continue;
        deleteObject(e, dep.kind, dep.obj, cause(`${KIND_KO[b as Kind]} ${ownerName}이(가) 삭제되어 딸린 ${KIND_KO[dep.kind]} ${dep.obj.metadata!.name} 삭제`));
      }
    } else if (type === 'fg') {
      const kind = a as Kind;
      const owner = e.get(kind, b);
      if (!owner?.metadata?.deletionTimestamp) return;
      const deps = dependentsOf(e, owner.metadata.uid!);
      for (const dep of deps)
        if (!dep.obj.metadata?.deletionTimestamp) deleteObject(e, dep.kind, dep.obj, cause(`포그라운드 삭제: ${KIND_KO[kind]} ${owner.metadata.name}보다 먼저 ${KIND_KO[dep.kind]} ${dep.obj.metadata!.name} 삭제`));
      if (dependentsOf(e, owner.metadata.uid!).length === 0)
        e.removeObject(kind, owner.metadata.name!, owner.metadata.namespace, cause(`딸린 오브젝트가 모두 사라져 ${KIND_KO[kind]} ${owner.metadata.name} 삭제 완료`));
    } else if (type === 'node') {
      for (const podKey of [...(e.store.podsByNode.get(a) ?? [])]) {
        const pod = e.get<V1Pod>('Pod', podKey)!;
        e.removeObject('Pod', pod.metadata!.name!, pod.metadata!.namespace, cause(`노드 ${a}이(가) 삭제되어 그 노드의 파드 ${pod.metadata!.name} 정리`));
      }
    } else if (type === 'ns') {
      this.teardownNamespace(a, e);
    }
  }

  private teardownNamespace(name: string, e: Engine): void {
    const ns = e.get<V1Namespace>('Namespace', name);
    if (!ns?.metadata?.deletionTimestamp) return;
    for (const kind of KINDS) {
      if (CLUSTER_SCOPED.has(kind)) continue;
      for (const obj of [...e.store.values(kind, name)]) {
        if (obj.metadata?.deletionTimestamp) continue;
        deleteObject(e, kind, obj, cause(`네임스페이스 ${name} 삭제 중 — ${KIND_KO[kind]} ${obj.metadata!.name} 삭제`));
      }
    }
    let left = 0;
    for (const kind of KINDS) if (!CLUSTER_SCOPED.has(kind)) for (const _ of e.store.values(kind, name)) left++;
    if (left === 0) e.removeObject('Namespace', name, undefined, cause(`네임스페이스 ${name}의 오브젝트가 모두 사라져 삭제 완료`));
  }
}
