/**
 * The rolling-update budget: how many pods the Deployment controller may add or remove next, and why,
 * in Korean. Mirrors the controller's arithmetic (pkg/controller/deployment/rolling.go):
 *   - maxSurge resolves against desired replicas rounding UP, maxUnavailable rounding DOWN;
 *     if both come out 0, maxUnavailable becomes 1 so a rollout can always progress.
 *   - new RS may grow by min(desired + maxSurge − Σ rs.spec.replicas, desired − newRS.spec.replicas).
 *   - old RSs may shrink only if Σ rs.spec.replicas − (desired − maxUnavailable) − newRS unavailable > 0;
 *     then unhealthy old pods go first, and healthy ones only while available pods stay ≥ minAvailable.
 * O(replicaSets + pods).
 */
import { resolveFenceposts } from '../sim/rollout-math';
import type { DeploymentView, PodView, ReplicaSetView } from './projection';

export interface RollingUpdateBudget {
  desired: number;
  /** As written in the spec ("25%", 1). */
  maxSurgeSpec: string | number;
  maxUnavailableSpec: string | number;
  /** Resolved to pod counts. */
  maxSurge: number;
  maxUnavailable: number;
  /** desired + maxSurge: the most pods that may exist at once. */
  maxTotal: number;
  /** desired − maxUnavailable: the fewest available pods allowed. */
  minAvailable: number;
  newRevision: number | null;
  /** Pods that exist now (not terminating), by template version. */
  newPods: number;
  oldPods: number;
  newReady: number;
  oldReady: number;
  terminatingPods: number;
  /** Σ spec.replicas over the Deployment's ReplicaSets: what the controller counts. */
  scaledTotal: number;
  availableTotal: number;
  /** What the controller may do on its next sync. */
  canAddNew: number;
  canRemoveOld: number;
  inProgress: boolean;
  /** Korean sentences explaining the two numbers above. */
  explanation: string[];
}

function findNewReplicaSet(replicaSets: readonly ReplicaSetView[], revision: number | null): ReplicaSetView | null {
  let best: ReplicaSetView | null = null;
  for (const rs of replicaSets) {
    if (revision !== null && rs.revision === revision) return rs;
    if (!best || rs.revision > best.revision) best = rs;
  }
  return best;
}

/**
 * Compute the budget for one Deployment.
 * @param revision the Deployment's current revision (its `deployment.kubernetes.io/revision` annotation);
 *   null picks the ReplicaSet with the highest revision as the new one.
 */
export function rollingUpdateBudget(
  deployment: DeploymentView,
  replicaSets: readonly ReplicaSetView[],
  pods: readonly PodView[],
  revision: number | null = null,
): RollingUpdateBudget {
  const desired = deployment.desired;
  const [maxSurge, resolvedUnavailable] = resolveFenceposts(deployment.maxSurge, deployment.maxUnavailable, desired);
  const maxUnavailable = Math.min(resolvedUnavailable, desired);
  const maxTotal = desired + maxSurge;
  const minAvailable = Math.max(0, desired - maxUnavailable);

  const owned = replicaSets.filter((rs) => rs.owner?.kind === 'Deployment' && rs.owner.name === deployment.name);
  const newRS = findNewReplicaSet(owned, revision);
  let scaledTotal = 0;
  let availableTotal = 0;
  let oldScaled = 0;
  let oldAvailable = 0;
  for (const rs of owned) {
    scaledTotal += rs.desired;
    availableTotal += rs.available;
    if (rs !== newRS) {
      oldScaled += rs.desired;
      oldAvailable += Math.min(rs.available, rs.desired);
    }
  }

  let newPods = 0, oldPods = 0, newReady = 0, oldReady = 0, terminatingPods = 0;
  const ownedNames = new Set(owned.map((rs) => rs.name));
  for (const p of pods) {
    if (p.owner?.kind !== 'ReplicaSet' || !ownedNames.has(p.owner.name)) continue;
    if (p.status.tone === 'terminating') {
      terminatingPods++;
      continue;
    }
    const isNew = newRS !== null && p.owner.name === newRS.name;
    if (isNew) {
      newPods++;
      if (p.status.ready) newReady++;
    } else {
      oldPods++;
      if (p.status.ready) oldReady++;
    }
  }

  const newScaled = newRS?.desired ?? 0;
  const canAddNew = Math.max(0, Math.min(maxTotal - scaledTotal, desired - newScaled));
  const newUnavailable = Math.max(0, newScaled - (newRS?.available ?? 0));
  const maxScaledDown = scaledTotal - minAvailable - newUnavailable;
  const unhealthyOldCleanup = Math.min(Math.max(0, maxScaledDown), oldScaled - oldAvailable);
  const healthyOldRemovable = Math.max(0, availableTotal - minAvailable);
  const canRemoveOld =
    maxScaledDown <= 0 ? 0 : Math.min(oldScaled, unhealthyOldCleanup + Math.min(oldScaled - unhealthyOldCleanup, healthyOldRemovable));
  const inProgress = oldScaled > 0 || oldPods > 0 || newScaled !== desired || (newRS?.available ?? 0) < desired;

  const explanation: string[] = [];
  const surgeWhy = `원하는 ${desired}개 + maxSurge ${maxSurge}개`;
  if (deployment.strategy === 'Recreate') {
    explanation.push('Recreate 전략: 이전 파드를 모두 없앤 뒤 새 파드를 만듭니다.');
  } else if (canAddNew > 0) {
    explanation.push(`${surgeWhy} → 최대 ${maxTotal}개까지 허용 → 새 파드 ${canAddNew}개 추가 가능 (지금 ${scaledTotal}개)`);
  } else if (newScaled >= desired) {
    explanation.push(`새 레플리카셋이 이미 원하는 ${desired}개에 도달 → 더 추가할 새 파드 없음`);
  } else {
    explanation.push(`${surgeWhy} → 최대 ${maxTotal}개까지 허용 → 이미 ${scaledTotal}개라 새 파드 추가 불가 (이전 파드가 줄기를 기다림)`);
  }
  if (deployment.strategy !== 'Recreate') {
    const floor = `원하는 ${desired}개 − maxUnavailable ${maxUnavailable}개 → 최소 ${minAvailable}개는 사용 가능해야 함`;
    if (oldScaled === 0) explanation.push(`${floor} → 줄일 이전 파드 없음`);
    else if (canRemoveOld > 0) explanation.push(`${floor} → 지금 사용 가능 ${availableTotal}개라 이전 파드 ${canRemoveOld}개 제거 가능`);
    else
      explanation.push(
        `${floor} → 지금 사용 가능 ${availableTotal}개라 이전 파드를 없애면 최소치 아래로 내려감 → 새 파드가 준비되기를 기다림`,
      );
  }

  return {
    desired,
    maxSurgeSpec: deployment.maxSurge,
    maxUnavailableSpec: deployment.maxUnavailable,
    maxSurge,
    maxUnavailable,
    maxTotal,
    minAvailable,
    newRevision: newRS?.revision ?? null,
    newPods,
    oldPods,
    newReady,
    oldReady,
    terminatingPods,
    scaledTotal,
    availableTotal,
    canAddNew,
    canRemoveOld,
    inProgress,
    explanation,
  };
}

/**
 * How many new pods the rollouts in progress can leave waiting for the scheduler at once: the pending lane's room
 * for the whole rollout (cluster-canvas.tsx), so that it grows once instead of at every surge.
 *   - RollingUpdate: the new ReplicaSet may first grow to maxSurge pods; once old pods have gone, maxUnavailable more
 *     (the controller then waits for new pods to be available before either side moves again). So at most
 *     maxSurge + maxUnavailable new pods are unavailable, and pending ones are unavailable
 *     (kubernetes/kubernetes pkg/controller/deployment/rolling.go, reconcileNewReplicaSet and reconcileOldReplicaSets).
 *   - Recreate: every old pod goes first, then all `desired` new pods come at once (pkg/controller/deployment/recreate.go).
 * A Deployment is in progress while fewer of its pods than desired run its template (status.updatedReplicas), as
 * `kubectl rollout status` reads it. Paused ones make no pods. O(deployments).
 */
export function rolloutWaitingRoom(deployments: Iterable<DeploymentView>): number {
  let room = 0;
  for (const d of deployments) {
    if (d.paused || d.updated >= d.desired) continue;
    if (d.strategy === 'Recreate') {
      room += d.desired;
      continue;
    }
    const [surge, unavailable] = resolveFenceposts(d.maxSurge, d.maxUnavailable, d.desired);
    room += Math.min(d.desired, surge + Math.min(unavailable, d.desired));
  }
  return room;
}
