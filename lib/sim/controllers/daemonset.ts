/**
 * DaemonSet controller (pkg/controller/daemon): one daemon pod on every node that should run it
 * (daemonset-util.ts), extra or misplaced pods deleted, new nodes get theirs; RollingUpdate replaces old pods
 * at most maxUnavailable nodes at a time (update.go rollingUpdate, surge 0), OnDelete only when a user deletes
 * one; status counts per node as updateDaemonSetStatus does. Keyed by `namespace/name`; work per reconcile is
 * O(nodes + the DaemonSet's pods).
 */
import type { V1DaemonSet, V1DaemonSetStatus, V1Node, V1Pod } from '../../k8s/api-types';
import type { Controller, Engine } from '../engine';
import type { Kind, KubeObject } from '../../k8s/types';
import { randomSuffix } from '../../k8s/names';
import type { StoreChange } from '../store';
import type { Cause } from '../types';
import { admitPod, applyDefaults } from '../defaults';
import { controllerRef, isPodAvailable, isPodReady } from '../pods';
import { deletePod } from '../lifecycle';
import { deepEqual } from '../json';
import { scaledValue } from '../rollout-math';
import { daemonPodFor, isPodUpdated, nodeShouldRunDaemonPod } from './daemonset-util';

export const DAEMONSET = 'daemonset-controller';

export class DaemonSetController implements Controller {
  readonly name = DAEMONSET;
  readonly watches: readonly Kind[] = ['DaemonSet', 'Pod', 'Node'];

  onChange(c: StoreChange, e: Engine): void {
    if (c.kind === 'DaemonSet') return e.enqueue(DAEMONSET, c.key);
    if (c.kind === 'Node') {
      // a new, relabelled or retainted node may gain or lose daemon pods
      for (const ds of e.store.values('DaemonSet')) e.enqueue(DAEMONSET, `${ds.metadata!.namespace}/${ds.metadata!.name}`);
      return;
    }
    const ref = controllerRef(c.object as V1Pod) ?? controllerRef((c.old ?? {}) as V1Pod);
    if (ref?.kind === 'DaemonSet') e.enqueue(DAEMONSET, `${c.object.metadata!.namespace}/${ref.name}`);
  }

  reconcile(key: string, e: Engine): void {
    const ds = e.get<V1DaemonSet>('DaemonSet', key);
    if (!ds || ds.metadata?.deletionTimestamp || !ds.spec?.template) return;
    const [ns, name] = key.split('/');
    const uid = ds.metadata!.uid!;
    const cause = (m: string): Cause => ({ actor: DAEMONSET, message: `데몬셋 컨트롤러: ${name} ${m}`, hop: 'controller' });
    const podsByNode = new Map<string, V1Pod[]>();
    for (const pod of e.store.values('Pod', ns) as Iterable<V1Pod>) {
      if (pod.metadata?.deletionTimestamp || controllerRef(pod)?.uid !== uid || !pod.spec?.nodeName) continue;
      const list = podsByNode.get(pod.spec.nodeName) ?? [];
      list.push(pod);
      podsByNode.set(pod.spec.nodeName, list);
    }
    const nodes = [...(e.store.values('Node') as Iterable<V1Node>)].sort((a, b) => (a.metadata!.name! < b.metadata!.name! ? -1 : 1));
    const toDelete: V1Pod[] = [];
    const toCreate: string[] = [];
    const shouldRunOn: string[] = [];
    let misscheduled = 0;
    for (const node of nodes) {
      const nodeName = node.metadata!.name!;
      const { shouldRun, shouldContinueRunning } = nodeShouldRunDaemonPod(node, ds);
      const pods = (podsByNode.get(nodeName) ?? []).sort((a, b) => String(a.metadata!.creationTimestamp).localeCompare(String(b.metadata!.creationTimestamp)));
      if (shouldRun) shouldRunOn.push(nodeName);
      else if (pods.length) misscheduled++;
      if (shouldRun && pods.length === 0) toCreate.push(nodeName);
      else if (!shouldContinueRunning) toDelete.push(...pods);
      else if (pods.length > 1) toDelete.push(...pods.slice(1)); // one daemon pod per node: the oldest stays
      // a daemon pod that failed is replaced (syncNodes: "found failed daemon pod … will try to kill it")
      if (shouldContinueRunning && pods[0]?.status?.phase === 'Failed') toDelete.push(pods[0]);
    }
    const minReady = ds.spec.minReadySeconds ?? 0;
    const available = (p: V1Pod) => isPodAvailable(p, minReady, e.time);
    if ((ds.spec.updateStrategy?.type ?? 'RollingUpdate') === 'RollingUpdate') {
      // rollingUpdate with maxSurge 0: old pods go at most maxUnavailable nodes at a time; unavailable old ones freely
      const maxUnavailable = Math.max(1, scaledValue(ds.spec.updateStrategy?.rollingUpdate?.maxUnavailable ?? 1, shouldRunOn.length, true) ?? 1);
      let unavailable = 0;
      const candidates: V1Pod[] = [];
      for (const nodeName of shouldRunOn) {
        const pod = podsByNode.get(nodeName)?.[0];
        if (!pod || (isPodUpdated(ds, pod) && !available(pod))) unavailable++;
        else if (!isPodUpdated(ds, pod)) (available(pod) ? candidates : toDelete).push(pod);
      }
      toDelete.push(...candidates.slice(0, Math.max(0, maxUnavailable - unavailable)));
    }
    for (const nodeName of toCreate) this.createPod(e, ds, nodeName, cause(`— 노드 ${nodeName}에 데몬 파드가 없어 새로 만듦 (노드마다 하나씩)`));
    for (const pod of new Set(toDelete)) {
      const c = cause(`— 노드 ${pod.spec!.nodeName}의 파드 ${pod.metadata!.name} 삭제 (${isPodUpdated(ds, pod) ? '필요 없는 파드' : '새 템플릿으로 교체'})`);
      deletePod(e, pod, c);
      e.recordEvent({ kind: 'DaemonSet', name, namespace: ns, uid }, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata!.name}`, DAEMONSET, c);
    }
    this.writeStatus(e, ds, shouldRunOn, podsByNode, misscheduled, available, cause);
  }

  private createPod(e: Engine, ds: V1DaemonSet, nodeName: string, cause: Cause): void {
    const name = `${ds.metadata!.name}-${randomSuffix(e.rng.next)}`;
    const manifest = daemonPodFor(ds, nodeName);
    manifest.metadata = { ...manifest.metadata, name, generateName: `${ds.metadata!.name}-` };
    const pod = admitPod(applyDefaults('Pod', manifest as KubeObject, 600) as V1Pod, e.timings.podEvictionTimeout);
    e.createObject('Pod', pod, cause);
    e.recordEvent({ kind: 'DaemonSet', name: ds.metadata!.name!, namespace: ds.metadata!.namespace, uid: ds.metadata!.uid }, 'Normal', 'SuccessfulCreate', `Created pod: ${name}`, DAEMONSET, cause);
  }

  /** updateDaemonSetStatus: every count is of nodes that should run the pod, except numberMisscheduled. */
  private writeStatus(e: Engine, ds: V1DaemonSet, shouldRunOn: string[], podsByNode: Map<string, V1Pod[]>, misscheduled: number, available: (p: V1Pod) => boolean, cause: (m: string) => Cause): void {
    let current = 0;
    let ready = 0;
    let avail = 0;
    let updated = 0;
    for (const nodeName of shouldRunOn) {
      const pods = podsByNode.get(nodeName) ?? [];
      if (pods.length === 0) continue;
      current++;
      if (pods.some(isPodReady)) ready++;
      if (pods.some(available)) avail++;
      if (pods.some((p) => isPodUpdated(ds, p))) updated++;
    }
    const status: V1DaemonSetStatus = {
      ...(ds.status ?? {}),
      currentNumberScheduled: current,
      desiredNumberScheduled: shouldRunOn.length,
      numberMisscheduled: misscheduled,
      numberReady: ready,
      numberAvailable: avail,
      updatedNumberScheduled: updated,
      observedGeneration: ds.metadata?.generation ?? 1,
    };
    if (shouldRunOn.length - avail > 0) status.numberUnavailable = shouldRunOn.length - avail;
    else delete status.numberUnavailable;
    // omitempty fields of DaemonSetStatus
    if (avail === 0) delete status.numberAvailable;
    if (updated === 0) delete status.updatedNumberScheduled;
    if (deepEqual(status, ds.status)) return;
    e.updateObject('DaemonSet', { ...ds, status } as KubeObject, cause(`상태 갱신 — 원하는 ${shouldRunOn.length}, 현재 ${current}, 준비 ${ready}, 최신 ${updated}`));
  }
}
