/**
 * ReplicaSet controller: adopts matching orphan pods, releases pods that stopped matching, creates
 * or deletes pods to converge on spec.replicas (deleting the "least valuable" pods first, ranked as
 * Kubernetes does), and writes status. The set's pods and its Ready count come from an index kept current per pod
 * change (replicaset-pods.ts), so a sync costs O(pods it creates or deletes); scaling down ranks the set's pods, and
 * only a sync after a relabel, a selector change or a restore scans them all again.
 */
import type { V1OwnerReference, V1Pod, V1ReplicaSet } from '../../k8s/api-types';
import { fromLabelSelectorObject, matchesLabelSelector, type LabelSelector } from '../../k8s/selectors';
import { generateName } from '../../k8s/names';
import type { Controller, Engine } from '../engine';
import { API_VERSION, type Kind } from '../../k8s/types';
import { keyOf, type StoreChange } from '../store';
import type { Cause } from '../types';
import { admitPod, qosClass } from '../defaults';
import { controllerRef, isPodActive, podCondition } from '../pods';
import { rankForDeletion } from './deletion-rank';
import { OwnedPodIndex, type OwnedPods } from './replicaset-pods';
import { deepEqual } from '../json';
import { deletePod } from '../lifecycle';
import { podQuotaMessage, podRoom } from '../quota';

export const REPLICASET = 'replicaset-controller';
/** Like the real controller's burstReplicas: at most this many creates/deletes per sync. */
const BURST = 500;
/** After the pod quota refused creates (the real controller backs off exponentially; a fixed wait is enough here). */
export const QUOTA_RETRY_MS = 10_000;

const selectorCache = new WeakMap<object, LabelSelector>();
function selectorOf(rs: V1ReplicaSet): LabelSelector {
  const sel = rs.spec!.selector;
  let s = selectorCache.get(sel);
  if (!s) selectorCache.set(sel, (s = fromLabelSelectorObject(sel)));
  return s;
}

export function ownerRefTo(kind: 'ReplicaSet' | 'Deployment', obj: { metadata?: { name?: string; uid?: string } }): V1OwnerReference {
  return { apiVersion: API_VERSION[kind], kind, name: obj.metadata!.name!, uid: obj.metadata!.uid!, controller: true, blockOwnerDeletion: true };
}

export class ReplicaSetController implements Controller {
  readonly name = REPLICASET;
  readonly watches: readonly Kind[] = ['ReplicaSet', 'Pod'];
  private readonly pods = new OwnedPodIndex();

  /**
   * Store keys of the sets pods point at, by owner uid: every pod change enqueues its set, and a key built again per
   * change is a new string the queue's Set hashes again. Bounded: it starts over past a few thousand sets.
   */
  private setKeys = new Map<string, string>();
  private keyOfSet(uid: string, name: string, ns: string): string {
    let key = this.setKeys.get(uid);
    if (key === undefined) {
      if (this.setKeys.size >= 4096) this.setKeys.clear();
      this.setKeys.set(uid, (key = keyOf(name, ns)));
    }
    return key;
  }

  onChange(c: StoreChange, e: Engine): void {
    if (c.kind === 'ReplicaSet') {
      if (c.type !== 'DELETED') e.enqueue(REPLICASET, c.key);
      else this.pods.forget(c.object.metadata!.uid!);
      return;
    }
    if (c.kind !== 'Pod') return;
    const pod = c.object as V1Pod;
    const ns = pod.metadata!.namespace!;
    const ref = controllerRef(pod);
    this.pods.onPodChange(c, ref);
    if (ref?.kind === 'ReplicaSet') e.enqueue(REPLICASET, this.keyOfSet(ref.uid, ref.name, ns));
    const oldRefs = c.old?.metadata?.ownerReferences;
    if (oldRefs && oldRefs !== pod.metadata?.ownerReferences) {
      const oldRef = controllerRef(c.old as V1Pod);
      if (oldRef?.kind === 'ReplicaSet' && oldRef.name !== ref?.name) e.enqueue(REPLICASET, keyOf(oldRef.name, ns));
    }
    if (!ref && c.type !== 'DELETED' && !pod.metadata?.deletionTimestamp) {
      // an orphan: any ReplicaSet whose selector matches may adopt it
      for (const rs of e.store.values('ReplicaSet', ns) as Iterable<V1ReplicaSet>)
        if (matchesLabelSelector(selectorOf(rs), pod.metadata?.labels)) e.enqueue(REPLICASET, keyOf(rs.metadata!.name!, ns));
    }
  }

  reconcile(key: string, e: Engine): void {
    const rs = e.get<V1ReplicaSet>('ReplicaSet', key);
    if (!rs || rs.metadata?.deletionTimestamp) return;
    const name = rs.metadata!.name!;
    const ns = rs.metadata!.namespace!;
    const uid = rs.metadata!.uid!;
    const sel = selectorOf(rs);
    const cause = (message: string): Cause => ({ actor: REPLICASET, message: `레플리카셋 ${name}: ${message}`, hop: 'controller' });

    // claim: adopt orphans that match, release owned pods that no longer match
    for (const podKey of [...(e.store.orphanPods.get(ns) ?? [])]) {
      const pod = e.get<V1Pod>('Pod', podKey)!;
      if (pod.metadata?.deletionTimestamp || !matchesLabelSelector(sel, pod.metadata?.labels)) continue;
      e.updateObject(
        'Pod',
        { ...pod, metadata: { ...pod.metadata, ownerReferences: [...(pod.metadata?.ownerReferences ?? []), ownerRefTo('ReplicaSet', rs)] } },
        cause(`셀렉터에 맞는 주인 없는 파드 ${pod.metadata!.name}을(를) 입양`),
      );
    }
    const owned = this.pods.get(rs, e.store) ?? this.scan(rs, sel, e, cause);
    const active = owned.active;
    const want = rs.spec!.replicas ?? 1;
    const diff = active.size - want;
    let created = 0;
    if (diff < 0) {
      const wanted = Math.min(-diff, BURST);
      created = Math.min(wanted, podRoom(e));
      const c = cause(`원하는 ${want}개 중 ${active.size}개만 있어 ${created}개 생성`);
      for (let i = 0; i < created; i++) this.createPod(rs, e, c);
      if (created < wanted) {
        // the cluster's pod quota refused the rest: say so, and try again later (never in a loop now)
        const refused = generateName(`${name}-`, e.rng.next);
        e.recordEvent({ kind: 'ReplicaSet', name, namespace: ns, uid }, 'Warning', 'FailedCreate', podQuotaMessage(e, refused), REPLICASET,
          cause(`클러스터 파드 한도(${e.limits.maxPods}개)에 닿아 ${wanted - created}개를 만들지 못함`));
        e.enqueueAt(REPLICASET, key, e.time + QUOTA_RETRY_MS);
      } else if (-diff > BURST) e.enqueue(REPLICASET, key);
    } else if (diff > 0) {
      const victims = rankForDeletion([...active.values()], Math.min(diff, BURST));
      for (const pod of victims) {
        const c = cause(`원하는 ${want}개보다 ${diff}개 많아 파드 ${pod.metadata!.name} 삭제`);
        deletePod(e, pod, c);
        e.recordEvent({ kind: 'ReplicaSet', name, namespace: ns, uid }, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata!.name}`, REPLICASET, c);
      }
      if (diff > BURST) e.enqueue(REPLICASET, key);
    }
    // the index followed the creates and deletes above: new pods are neither ready nor available yet
    this.writeStatus(key, e, this.pods.get(rs, e.store) ?? this.scan(rs, sel, e, cause));
  }

  /**
   * Claims the set's pods the slow way — every pod the owner index lists, releasing those whose labels no longer
   * match — and records the active ones in the pod index, which later syncs read instead. O(pods of the set).
   */
  private scan(rs: V1ReplicaSet, sel: LabelSelector, e: Engine, cause: (message: string) => Cause): OwnedPods {
    const uid = rs.metadata!.uid!;
    const active = new Map<string, V1Pod>();
    // pods of a set share one labels object until someone edits them: match each object once
    let lastLabels: object | undefined;
    let lastMatch = false;
    // iterated live (no copy of thousands of entries): a release below only deletes the entry just visited
    for (const { kind, key: k } of e.store.dependents.get(uid)?.values() ?? []) {
      if (kind !== 'Pod') continue;
      const pod = e.get<V1Pod>('Pod', k)!;
      if (controllerRef(pod)?.uid !== uid) continue;
      const labels = pod.metadata?.labels;
      if (labels !== lastLabels || !labels) {
        lastLabels = labels;
        lastMatch = matchesLabelSelector(sel, labels);
      }
      if (!lastMatch) {
        const refs = pod.metadata!.ownerReferences!.filter((r) => r.uid !== uid);
        e.updateObject('Pod', { ...pod, metadata: { ...pod.metadata, ownerReferences: refs.length ? refs : undefined } }, cause(`레이블이 바뀐 파드 ${pod.metadata!.name}을(를) 더 이상 관리하지 않음`));
        continue;
      }
      if (isPodActive(pod)) active.set(k, pod);
    }
    return this.pods.rebuild(rs, sel, active, e.store);
  }

  /** Admitted pod spec per template spec: every pod of a set shares one immutable spec object. */
  private admitted = new WeakMap<object, V1Pod['spec']>();

  private createPod(rs: V1ReplicaSet, e: Engine, cause: Cause): void {
    const ns = rs.metadata!.namespace!;
    const tmpl = rs.spec!.template!;
    let podName: string;
    do podName = generateName(`${rs.metadata!.name}-`, e.rng.next);
    while (e.store.get('Pod', keyOf(podName, ns)));
    let spec = this.admitted.get(tmpl.spec!);
    if (!spec) this.admitted.set(tmpl.spec!, (spec = admitPod({ spec: tmpl.spec! }, e.timings.podEvictionTimeout).spec));
    const pod: V1Pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: podName,
        generateName: `${rs.metadata!.name}-`,
        namespace: ns,
        // shared, immutable: every pod of the set points at the template's labels/annotations
        labels: tmpl.metadata?.labels ?? {},
        ...(tmpl.metadata?.annotations ? { annotations: tmpl.metadata.annotations } : {}),
        ownerReferences: [ownerRefTo('ReplicaSet', rs)],
      },
      spec,
      status: { phase: 'Pending', qosClass: qosClass(spec!) },
    };
    e.createObject('Pod', pod, cause);
    e.recordEvent({ kind: 'ReplicaSet', name: rs.metadata!.name!, namespace: ns, uid: rs.metadata!.uid }, 'Normal', 'SuccessfulCreate', `Created pod: ${podName}`, REPLICASET, cause);
  }

  /**
   * Status from the set's active pods. O(1) from the index's counts; O(pods of the set) only with minReadySeconds,
   * where availability depends on how long each pod has been Ready.
   */
  private writeStatus(key: string, e: Engine, owned: OwnedPods): void {
    const rs = e.get<V1ReplicaSet>('ReplicaSet', key)!;
    const minReady = rs.spec!.minReadySeconds ?? 0;
    const replicas = owned.active.size;
    const ready = owned.ready;
    let available = minReady <= 0 ? ready : 0;
    let nextAvailable = Infinity;
    if (minReady > 0)
      for (const pod of owned.active.values()) {
        const readyCondition = podCondition(pod, 'Ready');
        if (readyCondition?.status !== 'True') continue;
        // available once Ready for minReadySeconds (isPodAvailable)
        const availableAt = Date.parse(String(readyCondition.lastTransitionTime)) + minReady * 1000;
        if (availableAt <= e.time) available++;
        else nextAvailable = Math.min(nextAvailable, availableAt);
      }
    if (nextAvailable !== Infinity) e.enqueueAt(REPLICASET, key, nextAvailable);
    const status = {
      replicas,
      fullyLabeledReplicas: replicas,
      ...(ready ? { readyReplicas: ready } : {}),
      ...(available ? { availableReplicas: available } : {}),
      observedGeneration: rs.metadata!.generation,
    };
    if (deepEqual(status, rs.status ?? {})) return;
    e.updateObject('ReplicaSet', { ...rs, status }, { actor: REPLICASET, message: `레플리카셋 ${rs.metadata!.name} 상태: 파드 ${replicas}개, 준비 ${ready}개, 사용 가능 ${available}개`, hop: 'controller' });
  }
}
