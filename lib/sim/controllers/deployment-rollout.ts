/**
 * The two rollout strategies of the deployment controller (rolling.go and recreate.go).
 */
import type { V1ReplicaSet } from '../../k8s/api-types';
import type { DeploymentSync } from './deployment-sync';
import { byCreation, maxSurge, maxUnavailable, newRSReplicas, specReplicas } from './deployment-util';

const sum = (sets: V1ReplicaSet[], f: (rs: V1ReplicaSet) => number) => sets.reduce((n, rs) => n + f(rs), 0);
const available = (rs: V1ReplicaSet) => rs.status?.availableReplicas ?? 0;

/** True when updated = replicas = available = desired for the current generation. */
function isComplete(sync: DeploymentSync): boolean {
  const s = sync.d.status ?? {};
  const want = specReplicas(sync.d);
  return (s.updatedReplicas ?? 0) === want && (s.replicas ?? 0) === want && (s.availableReplicas ?? 0) === want && (s.observedGeneration ?? 0) >= (sync.d.metadata!.generation ?? 0);
}

export function rolloutRolling(sync: DeploymentSync): void {
  const { newRS, oldRSs } = sync.newAndOld(true);
  const d = sync.d;
  const want = specReplicas(d);
  const surge = maxSurge(d);
  const unavailable = maxUnavailable(d);
  // reconcileNewReplicaSet
  let nrs = sync.latest(newRS)!;
  let scaledUp = false;
  if (specReplicas(nrs) > want) scaledUp = sync.scale(nrs, want, `replicas ${want}개보다 많아`, true);
  else if (specReplicas(nrs) < want) {
    const to = newRSReplicas(d, sync.rsList, nrs);
    scaledUp = sync.scale(nrs, to, `롤링 업데이트: 전체 파드는 최대 ${want + surge}개(replicas ${want} + maxSurge ${surge})까지 허용`, true);
  }
  if (scaledUp) return sync.syncRolloutStatus(newRS);
  // reconcileOldReplicaSets
  nrs = sync.latest(newRS)!;
  let olds = oldRSs.map((r) => sync.latest(r)!).filter((r) => r && specReplicas(r) > 0);
  let scaledDown = false;
  if (sum(olds, specReplicas) > 0) {
    const minAvailable = want - unavailable;
    const newUnavailable = specReplicas(nrs) - available(nrs);
    const maxScaledDown = sum(sync.rsList, specReplicas) - minAvailable - newUnavailable;
    if (maxScaledDown > 0) {
      // cleanupUnhealthyReplicas: first remove old pods that are not available anyway
      let cleaned = 0;
      for (const rs of [...olds].sort(byCreation)) {
        if (cleaned >= maxScaledDown) break;
        const unhealthy = specReplicas(rs) - available(rs);
        if (specReplicas(rs) === 0 || unhealthy <= 0) continue;
        const n = Math.min(maxScaledDown - cleaned, unhealthy);
        sync.scale(rs, specReplicas(rs) - n, `이전 레플리카셋의 준비되지 않은 파드 ${n}개 정리`, true);
        cleaned += n;
      }
      olds = olds.map((r) => sync.latest(r)!);
      // scaleDownOldReplicaSetsForRollingUpdate
      let scaled = 0;
      const availableNow = sum(sync.rsList, available);
      if (availableNow > minAvailable) {
        const budget = availableNow - minAvailable;
        for (const rs of [...olds].sort(byCreation)) {
          if (scaled >= budget) break;
          if (specReplicas(rs) === 0) continue;
          const n = Math.min(specReplicas(rs), budget - scaled);
          sync.scale(rs, specReplicas(rs) - n, `롤링 업데이트: 사용 가능한 파드를 최소 ${minAvailable}개(replicas ${want} − maxUnavailable ${unavailable}) 유지하며`, true);
          scaled += n;
        }
      }
      scaledDown = cleaned + scaled > 0;
    }
  }
  if (scaledDown) return sync.syncRolloutStatus(newRS);
  if (isComplete(sync)) sync.cleanup(oldRSs);
  sync.syncRolloutStatus(newRS);
}

export function rolloutRecreate(sync: DeploymentSync): void {
  let { newRS, oldRSs } = sync.newAndOld(false);
  let scaledDown = false;
  for (const rs of oldRSs.map((r) => sync.latest(r)!)) {
    if (specReplicas(rs) === 0) continue;
    if (sync.scale(rs, 0, 'Recreate 전략: 새 버전을 올리기 전에 이전 파드를 모두 내림', true)) scaledDown = true;
  }
  if (scaledDown) return sync.syncRolloutStatus(newRS);
  const olds = oldRSs.map((r) => sync.latest(r)!);
  if (sum(olds, (rs) => rs.status?.replicas ?? 0) > 0 || sync.podsOf(olds).length > 0) return sync.syncRolloutStatus(newRS);
  if (!newRS) ({ newRS, oldRSs } = sync.newAndOld(true));
  const nrs = sync.latest(newRS)!;
  sync.scale(nrs, specReplicas(sync.d), 'Recreate 전략: 이전 파드가 모두 사라져 새 버전을 올림', true);
  if (isComplete(sync)) sync.cleanup(oldRSs);
  sync.syncRolloutStatus(newRS);
}
