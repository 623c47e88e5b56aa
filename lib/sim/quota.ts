/**
 * The simulator's quotas (limits.ts), enforced like the ResourceQuota admission plugin: a write that
 * would raise usage over a limit is refused with 403 Forbidden and the plugin's wording
 * (staging/src/k8s.io/apiserver/pkg/admission/plugin/resourcequota/controller.go):
 *   deployments.apps "web" is forbidden: exceeded quota: kubesim-pods, requested: pods=4000, used: pods=7000, limited: pods=10000
 * Like the plugin, only increases are checked: a workload already over a limit (say, from a restored
 * snapshot) can still be edited or scaled down. The ReplicaSet controller also stops creating pods
 * at the cluster limit (defence in depth), as a real one does when quota refuses its creates.
 */
import type { V1ReplicaSet } from '../k8s/api-types';
import type { Kind, KubeObject } from '../k8s/types';
import type { Engine } from './engine';
import { forbidden } from '../k8s/status';

/** Per Deployment / ReplicaSet: spec.replicas. */
export const REPLICAS_QUOTA = 'kubesim-replicas-per-workload';
/** Per cluster: pods that workloads ask for plus pods no ReplicaSet owns. */
export const PODS_QUOTA = 'kubesim-pods';

/** The plugin's message after "is forbidden: ". */
export function exceededQuota(quota: string, resource: string, requested: number, used: number, limited: number): string {
  return `exceeded quota: ${quota}, requested: ${resource}=${requested}, used: ${resource}=${used}, limited: ${resource}=${limited}`;
}

const replicasOf = (o: KubeObject | undefined): number => {
  const r = (o as { spec?: { replicas?: unknown } } | undefined)?.spec?.replicas;
  return typeof r === 'number' && Number.isFinite(r) ? r : o ? 1 : 0;
};

const ownedByDeployment = (rs: V1ReplicaSet) => rs.metadata?.ownerReferences?.some((r) => r.controller && r.kind === 'Deployment') ?? false;

/**
 * Pods the cluster asks for: replicas of every Deployment and of every ReplicaSet no Deployment
 * controls (a Deployment's sets are counted through it), plus pods no ReplicaSet owns (system
 * pods, bare pods). `except` leaves one workload out. O(Deployments + ReplicaSets).
 */
export function desiredPods(e: Engine, except?: string): number {
  let total = 0;
  for (const d of e.store.values('Deployment')) if (d.metadata?.uid !== except) total += replicasOf(d);
  let ownedPods = 0;
  for (const rs of e.store.values('ReplicaSet') as Iterable<V1ReplicaSet>) {
    ownedPods += e.store.dependents.get(rs.metadata!.uid!)?.size ?? 0;
    if (rs.metadata?.uid !== except && !ownedByDeployment(rs)) total += replicasOf(rs as KubeObject);
  }
  return total + e.store.count('Pod') - ownedPods;
}

/** Admission: throws 403 when a create or update of `obj` (replacing `current`) raises usage over a limit. */
export function admitQuota(e: Engine, kind: Kind, obj: KubeObject, current?: KubeObject): void {
  const name = obj.metadata?.name ?? '';
  const { maxReplicasPerWorkload, maxPods } = e.limits;
  if (kind === 'Pod') {
    if (current) return;
    const used = desiredPods(e);
    if (used + 1 > maxPods) throw forbidden(kind, name, exceededQuota(PODS_QUOTA, 'pods', 1, used, maxPods));
    return;
  }
  if (kind !== 'Deployment' && kind !== 'ReplicaSet') return;
  const before = replicasOf(current);
  const increase = replicasOf(obj) - before;
  if (increase <= 0) return;
  if (before + increase > maxReplicasPerWorkload)
    throw forbidden(kind, name, exceededQuota(REPLICAS_QUOTA, 'replicas', increase, before, maxReplicasPerWorkload));
  if (kind === 'ReplicaSet' && ownedByDeployment(obj as V1ReplicaSet)) return; // counted through its Deployment
  const used = desiredPods(e);
  if (used + increase > maxPods) throw forbidden(kind, name, exceededQuota(PODS_QUOTA, 'pods', increase, used, maxPods));
}

/** How many more pods the ReplicaSet controller may create before the cluster limit. */
export function podRoom(e: Engine): number {
  return Math.max(0, e.limits.maxPods - e.store.count('Pod'));
}

/** The FailedCreate event message a ReplicaSet records when the cluster limit stops a pod. */
export function podQuotaMessage(e: Engine, podName: string): string {
  const used = e.store.count('Pod');
  return `Error creating: pods "${podName}" is forbidden: ${exceededQuota(PODS_QUOTA, 'pods', 1, used, e.limits.maxPods)}`;
}
