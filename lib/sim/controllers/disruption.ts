/**
 * Disruption controller, as kubernetes pkg/controller/disruption/disruption.go: for each PodDisruptionBudget it
 * counts the selected pods that are healthy (Ready, not terminating, not just evicted) and writes how many more may
 * be disrupted (status.disruptionsAllowed) — the number the eviction subresource (../eviction.ts) spends.
 * O(changes): a PDB is reconciled when it or one of the pods it selects changes (and once when an eviction it has
 * not seen the pod deleted for expires), never by polling.
 */
import type { V1Deployment, V1Pod, V1PodDisruptionBudget, V1PodDisruptionBudgetStatus, V1ReplicaSet } from '../../k8s/api-types';
import type { Controller, Engine } from '../engine';
import type { Kind } from '../../k8s/types';
import { selectorString } from '../../k8s/kinds/printing';
import { keyOf, type StoreChange } from '../store';
import { isPodReady } from '../pods';
import { deepEqual } from '../json';
import { scaledValue } from '../rollout-math';
import { pdbSelects, withDisruptionAllowedCondition } from '../eviction';

export const DISRUPTION = 'disruption-controller';

/** DeletionTimeout: an eviction the controller has not seen carried out within 2 minutes is forgotten. */
export const DELETION_TIMEOUT_MS = 2 * 60_000;

class ScaleError extends Error {}

/**
 * getExpectedScale: the summed desired replicas of the pods' controllers (a Deployment's for pods of its
 * ReplicaSets), each controller counted once. Pods without a controller are returned as unmanaged; a controller
 * with no scale (a DaemonSet, a Job) is an error, as the generic scale lookup fails for it upstream.
 */
function expectedScale(e: Engine, ns: string, pods: V1Pod[]): { expected: number; unmanaged: string[] } {
  const seen = new Map<string, number>();
  const unmanaged: string[] = [];
  for (const pod of pods) {
    const ref = pod.metadata?.ownerReferences?.find((o) => o.controller);
    if (!ref) {
      unmanaged.push(pod.metadata!.name!);
      continue;
    }
    let scale: { uid: string; replicas: number } | undefined;
    if (ref.kind === 'ReplicaSet') {
      const rs = e.get<V1ReplicaSet>('ReplicaSet', keyOf(ref.name, ns));
      const depRef = rs?.metadata?.ownerReferences?.find((o) => o.controller && o.kind === 'Deployment');
      const dep = depRef ? e.get<V1Deployment>('Deployment', keyOf(depRef.name, ns)) : undefined;
      if (dep?.metadata?.uid === depRef?.uid && dep) scale = { uid: dep.metadata!.uid!, replicas: dep.spec?.replicas ?? 1 };
      else if (rs?.metadata?.uid === ref.uid && rs && !depRef) scale = { uid: rs.metadata!.uid!, replicas: rs.spec?.replicas ?? 1 };
    }
    if (!scale) throw new ScaleError(`found no controllers for pod "${pod.metadata!.name}"`);
    seen.set(scale.uid, scale.replicas);
  }
  return { expected: [...seen.values()].reduce((a, b) => a + b, 0), unmanaged };
}

/** getExpectedPodCount: expectedCount and desiredHealthy from minAvailable (int: the pods found) or maxUnavailable/percent (the scale). */
function expectedPodCount(e: Engine, pdb: V1PodDisruptionBudget, pods: V1Pod[]): { expected: number; desired: number; unmanaged: string[] } {
  const ns = pdb.metadata!.namespace!;
  const { maxUnavailable, minAvailable } = pdb.spec ?? {};
  if (maxUnavailable !== undefined) {
    const { expected, unmanaged } = expectedScale(e, ns, pods);
    const max = scaledValue(maxUnavailable, expected, true) ?? 0;
    return { expected, desired: Math.max(0, expected - max), unmanaged };
  }
  if (minAvailable !== undefined && typeof minAvailable === 'number') return { expected: pods.length, desired: minAvailable, unmanaged: [] };
  if (minAvailable !== undefined) {
    const { expected, unmanaged } = expectedScale(e, ns, pods);
    return { expected, desired: scaledValue(minAvailable, expected, true) ?? 0, unmanaged };
  }
  return { expected: pods.length, desired: 0, unmanaged: [] };
}

export class DisruptionController implements Controller {
  readonly name = DISRUPTION;
  readonly watches: readonly Kind[] = ['PodDisruptionBudget', 'Pod'];

  onChange(c: StoreChange, e: Engine): void {
    if (c.kind === 'PodDisruptionBudget') {
      e.enqueue(DISRUPTION, c.key);
      return;
    }
    // most clusters have no PodDisruptionBudget: a pod write then asks one Map, without walking a namespace index
    if (c.kind !== 'Pod' || e.store.count('PodDisruptionBudget') === 0) return;
    const ns = c.object.metadata!.namespace!;
    for (const pdb of e.store.values('PodDisruptionBudget', ns) as Iterable<V1PodDisruptionBudget>)
      if (pdbSelects(pdb, c.object.metadata?.labels) || pdbSelects(pdb, c.old?.metadata?.labels)) e.enqueue(DISRUPTION, keyOf(pdb.metadata!.name!, ns));
  }

  reconcile(key: string, e: Engine): void {
    const pdb = e.get<V1PodDisruptionBudget>('PodDisruptionBudget', key);
    if (!pdb || pdb.metadata?.deletionTimestamp) return;
    const ns = pdb.metadata!.namespace!;
    const name = pdb.metadata!.name!;
    const involved = { kind: 'PodDisruptionBudget' as const, name, namespace: ns, uid: pdb.metadata!.uid };
    const cause = (m: string) => ({ actor: DISRUPTION, message: `디스럽션 컨트롤러: PDB ${name} ${m}`, hop: 'controller' as const });
    const pods = [...(e.store.values('Pod', ns) as Iterable<V1Pod>)].filter((p) => pdbSelects(pdb, p.metadata?.labels));
    if (pods.length === 0) e.recordEvent(involved, 'Normal', 'NoPods', 'No matching pods found', DISRUPTION, cause('— 고르는 파드가 없음'));
    let counted: ReturnType<typeof expectedPodCount>;
    try {
      counted = expectedPodCount(e, pdb, pods);
    } catch (err) {
      if (!(err instanceof ScaleError)) throw err;
      e.recordEvent(involved, 'Warning', 'CalculateExpectedPodCountFailed', `Failed to calculate the number of expected pods: ${err.message}`, DISRUPTION, cause('— 기대 파드 수를 계산하지 못함'));
      return this.write(e, pdb, { ...pdb.status, disruptionsAllowed: 0, observedGeneration: pdb.metadata?.generation } as V1PodDisruptionBudgetStatus, 'SyncFailed', err.message, cause('— 계산 실패로 중단을 허용하지 않음'));
    }
    if (counted.unmanaged.length > 0) {
      const message = `Pods selected by this PodDisruptionBudget (selector: ${selectorString(pdb.spec?.selector)}) were found to be unmanaged. As a result, the status of the PDB cannot be calculated correctly, which may result in undefined behavior. To account for these pods please set ".spec.minAvailable" field of the PDB to an integer value.`;
      e.recordEvent(involved, 'Warning', 'UnmanagedPods', message, DISRUPTION, cause('— 컨트롤러 없는 파드가 있음'));
    }
    // buildDisruptedPodMap: an eviction stays "in flight" until its pod is gone or terminating, or it times out
    const disrupted: Record<string, string> = {};
    let recheck = Infinity;
    const byName = new Map(pods.map((p) => [p.metadata!.name!, p]));
    for (const [podName, at] of Object.entries(pdb.status?.disruptedPods ?? {})) {
      const pod = byName.get(podName);
      if (!pod || pod.metadata?.deletionTimestamp) continue;
      const expires = new Date(at).getTime() + DELETION_TIMEOUT_MS;
      if (expires <= e.time) continue;
      disrupted[podName] = at;
      recheck = Math.min(recheck, expires);
    }
    if (recheck !== Infinity) e.enqueueAt(DISRUPTION, key, recheck);
    // countHealthyPods
    const healthy = pods.filter((p) => !p.metadata?.deletionTimestamp && !(p.metadata!.name! in disrupted) && isPodReady(p)).length;
    const allowed = counted.expected <= 0 ? 0 : Math.max(0, healthy - counted.desired);
    const status: V1PodDisruptionBudgetStatus = {
      ...pdb.status,
      currentHealthy: healthy,
      desiredHealthy: counted.desired,
      expectedPods: counted.expected,
      disruptionsAllowed: allowed,
      observedGeneration: pdb.metadata?.generation,
      disruptedPods: Object.keys(disrupted).length ? disrupted : undefined,
    };
    this.write(e, pdb, status, undefined, undefined, cause(`— 건강한 파드 ${healthy}개, 필요 ${counted.desired}개 → 허용되는 중단 ${allowed}개`));
  }

  private write(e: Engine, pdb: V1PodDisruptionBudget, status: V1PodDisruptionBudgetStatus, failReason: string | undefined, failMessage: string | undefined, cause: { actor: string; message: string; hop: 'controller' }): void {
    const next = withDisruptionAllowedCondition(status, e.iso(), failReason, failMessage);
    if (!next.disruptedPods) delete next.disruptedPods;
    if (deepEqual(next, pdb.status)) return;
    e.updateObject('PodDisruptionBudget', { ...pdb, status: next }, cause);
  }
}
