/**
 * Deployment controller, following pkg/controller/deployment: find/create the new ReplicaSet
 * (pod-template-hash, revision annotations), then RollingUpdate (reconcileNewReplicaSet /
 * reconcileOldReplicaSets with maxSurge rounded up, maxUnavailable rounded down) or Recreate;
 * proportional scaling when replicas change mid-rollout; pause/resume; revisionHistoryLimit
 * cleanup; status and Available/Progressing conditions incl. ProgressDeadlineExceeded.
 */
import type { V1Deployment, V1DeploymentCondition, V1ReplicaSet } from '../../k8s/api-types';
import { labelSelectorObjectMatches } from '../../k8s/selectors';
import type { Controller, Engine } from '../engine';
import type { Kind } from '../../k8s/types';
import { keyOf, type StoreChange } from '../store';
import { controllerRef } from '../pods';
import { ownerRefTo } from './replicaset';
import { byCreation, DESIRED_REPLICAS, getCondition, maxSurge, proportion, setCondition, specReplicas } from './deployment-util';
import { DEPLOYMENT, DeploymentSync } from './deployment-sync';
import { rolloutRecreate, rolloutRolling } from './deployment-rollout';

export { DEPLOYMENT, DeploymentSync };

export class DeploymentController implements Controller {
  readonly name = DEPLOYMENT;
  readonly watches: readonly Kind[] = ['Deployment', 'ReplicaSet', 'Pod'];
  /** of pods only deletions matter (Recreate waits for the old ones to go) */
  readonly changeTypes = { Pod: ['DELETED'] } as const;

  onChange(c: StoreChange, e: Engine): void {
    if (c.kind === 'Deployment') {
      if (c.type !== 'DELETED') e.enqueue(DEPLOYMENT, c.key);
      return;
    }
    if (c.kind === 'ReplicaSet') {
      const ns = c.object.metadata!.namespace!;
      for (const o of c.old ? [c.old, c.object] : [c.object]) {
        const ref = controllerRef(o);
        if (ref?.kind === 'Deployment') e.enqueue(DEPLOYMENT, keyOf(ref.name, ns));
      }
      if (!controllerRef(c.object) && c.type !== 'DELETED')
        for (const d of e.store.values('Deployment', ns) as Iterable<V1Deployment>)
          if (labelSelectorObjectMatches(d.spec?.selector, c.object.metadata?.labels)) e.enqueue(DEPLOYMENT, keyOf(d.metadata!.name!, ns));
      return;
    }
    // Recreate waits for old pods to disappear
    if (c.kind === 'Pod' && c.type === 'DELETED') {
      const ref = controllerRef(c.object);
      if (ref?.kind !== 'ReplicaSet') return;
      const rs = e.get<V1ReplicaSet>('ReplicaSet', keyOf(ref.name, c.object.metadata!.namespace));
      const owner = rs && controllerRef(rs);
      if (owner?.kind === 'Deployment') e.enqueue(DEPLOYMENT, keyOf(owner.name, c.object.metadata!.namespace));
    }
  }

  reconcile(key: string, e: Engine): void {
    const d = e.get<V1Deployment>('Deployment', key);
    if (!d) return;
    const sync = new DeploymentSync(e, d, this.claimReplicaSets(d, e));
    if (d.metadata?.deletionTimestamp) return sync.syncRolloutStatus(sync.findNew(), true);
    this.checkPausedConditions(sync);
    if (sync.d.spec!.paused) return this.syncScaleOnly(sync);
    if (this.isScalingEvent(sync)) return this.syncScaleOnly(sync);
    if (sync.d.spec!.strategy?.type === 'Recreate') return rolloutRecreate(sync);
    return rolloutRolling(sync);
  }

  /** getReplicaSetsForDeployment: owned sets, adopting matching orphans. */
  private claimReplicaSets(d: V1Deployment, e: Engine): V1ReplicaSet[] {
    const uid = d.metadata!.uid!;
    const out: V1ReplicaSet[] = [];
    for (const { kind, key } of e.store.dependents.get(uid)?.values() ?? []) {
      if (kind !== 'ReplicaSet') continue;
      const rs = e.get<V1ReplicaSet>('ReplicaSet', key)!;
      if (controllerRef(rs)?.uid === uid) out.push(rs);
    }
    for (const rs of e.store.values('ReplicaSet', d.metadata!.namespace) as Iterable<V1ReplicaSet>) {
      if (controllerRef(rs) || rs.metadata?.deletionTimestamp || !labelSelectorObjectMatches(d.spec!.selector, rs.metadata?.labels)) continue;
      const adopted = e.updateObject(
        'ReplicaSet',
        { ...rs, metadata: { ...rs.metadata, ownerReferences: [...(rs.metadata?.ownerReferences ?? []), ownerRefTo('Deployment', d)] } },
        { actor: DEPLOYMENT, message: `디플로이먼트 ${d.metadata!.name}: 셀렉터에 맞는 레플리카셋 ${rs.metadata!.name}을(를) 입양`, hop: 'controller' },
      );
      out.push(adopted);
    }
    return out;
  }

  private checkPausedConditions(sync: DeploymentSync): void {
    const d = sync.d;
    const cond = getCondition(d, 'Progressing');
    if (cond?.reason === 'ProgressDeadlineExceeded') return;
    const pausedExists = cond?.reason === 'DeploymentPaused';
    const now = sync.e.iso();
    let next: V1DeploymentCondition | undefined;
    if (d.spec!.paused && !pausedExists) next = { type: 'Progressing', status: 'Unknown', reason: 'DeploymentPaused', message: 'Deployment is paused', lastUpdateTime: now, lastTransitionTime: now };
    else if (!d.spec!.paused && pausedExists) next = { type: 'Progressing', status: 'Unknown', reason: 'DeploymentResumed', message: 'Deployment is resumed', lastUpdateTime: now, lastTransitionTime: now };
    if (next) sync.writeDeployment({ ...d, status: { ...d.status, conditions: setCondition(d.status?.conditions ?? [], next) } }, d.spec!.paused ? '일시 중지됨 (rollout pause)' : '다시 시작됨 (rollout resume)');
  }

  private isScalingEvent(sync: DeploymentSync): boolean {
    const { newRS, oldRSs } = sync.newAndOld(false);
    const want = specReplicas(sync.d);
    for (const rs of [...oldRSs, ...(newRS ? [newRS] : [])].map((r) => sync.latest(r)!)) {
      if (specReplicas(rs) === 0) continue;
      const desired = rs.metadata?.annotations?.[DESIRED_REPLICAS];
      if (desired !== undefined && Number(desired) !== want) return true;
    }
    return false;
  }

  /** sync(): scale (proportionally during a rollout) and update status, without rolling forward. */
  private syncScaleOnly(sync: DeploymentSync): void {
    const { newRS, oldRSs } = sync.newAndOld(false);
    scaleDeployment(sync, newRS, oldRSs);
    if (sync.d.spec!.paused) sync.cleanup(oldRSs);
    sync.syncRolloutStatus(newRS, true);
  }
}

/** scale(): FindActiveOrLatest, saturation, or proportional scaling across all active sets. */
export function scaleDeployment(sync: DeploymentSync, newRSIn: V1ReplicaSet | undefined, oldIn: V1ReplicaSet[]): void {
  const d = sync.d;
  const want = specReplicas(d);
  const newRS = sync.latest(newRSIn);
  const oldRSs = oldIn.map((r) => sync.latest(r)!).filter(Boolean);
  const why = `replicas가 ${want}개로 바뀜`;
  // FindActiveOrLatest
  const oldNewestFirst = [...oldRSs].sort((a, b) => -byCreation(a, b));
  const active = [...oldNewestFirst, ...(newRS ? [newRS] : [])].filter((r) => specReplicas(r) > 0);
  const activeOrLatest = active.length === 1 ? active[0] : active.length === 0 ? (newRS ?? oldNewestFirst[0]) : undefined;
  if (activeOrLatest) {
    if (specReplicas(activeOrLatest) !== want) sync.scale(activeOrLatest, want, why, true);
    return;
  }
  if (newRS && Number(newRS.metadata?.annotations?.[DESIRED_REPLICAS]) === want && specReplicas(newRS) === want && (newRS.status?.availableReplicas ?? 0) === want) {
    for (const old of oldRSs) if (specReplicas(old) > 0) sync.scale(old, 0, '새 레플리카셋이 모두 준비되어 이전 레플리카셋 정리', true);
    return;
  }
  if ((d.spec!.strategy?.type ?? 'RollingUpdate') !== 'RollingUpdate') return;
  const total = active.reduce((n, r) => n + specReplicas(r), 0);
  const allowed = want > 0 ? want + maxSurge(d) : 0;
  const toAdd = allowed - total;
  const newer = (a: V1ReplicaSet, b: V1ReplicaSet) => specReplicas(b) - specReplicas(a) || -byCreation(a, b);
  const older = (a: V1ReplicaSet, b: V1ReplicaSet) => specReplicas(b) - specReplicas(a) || byCreation(a, b);
  if (toAdd > 0) active.sort(newer);
  else if (toAdd < 0) active.sort(older);
  let added = 0;
  const sizes = new Map<string, number>();
  for (const rs of active) {
    if (toAdd !== 0) {
      const p = proportion(rs, d, toAdd, added);
      sizes.set(rs.metadata!.uid!, specReplicas(rs) + p);
      added += p;
    } else sizes.set(rs.metadata!.uid!, specReplicas(rs));
  }
  active.forEach((rs, i) => {
    let size = sizes.get(rs.metadata!.uid!)!;
    if (i === 0 && toAdd !== 0) size = Math.max(0, size + toAdd - added);
    sync.scale(rs, size, `롤아웃 중 replicas가 ${want}개로 바뀌어 비례 스케일링`);
  });
}
