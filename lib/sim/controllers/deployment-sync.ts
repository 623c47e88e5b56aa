/**
 * One sync of one Deployment (the helpers of pkg/controller/deployment/sync.go): finding or creating
 * the new ReplicaSet with its revision, scaling sets with ScalingReplicaSet events, pruning old
 * revisions and computing status with the Available/Progressing conditions.
 */
import type { V1Deployment, V1DeploymentCondition, V1Pod, V1ReplicaSet } from '../../k8s/api-types';
import { API_VERSION } from '../../k8s/types';
import type { Engine } from '../engine';
import { keyOf } from '../store';
import type { Cause } from '../types';
import { deepEqual } from '../json';
import { ownerRefTo } from './replicaset';
import {
  byCreation,
  computeHash,
  copyAnnotations,
  getCondition,
  HASH_LABEL,
  maxUnavailable,
  newRSReplicas,
  replicaAnnotations,
  REVISION,
  REVISION_HISTORY,
  revisionOf,
  setCondition,
  specReplicas,
  statusCounts,
  templateKey,
} from './deployment-util';

export const DEPLOYMENT = 'deployment-controller';

/** One sync of one Deployment. Holds the latest versions of the objects it writes. */
export class DeploymentSync {
  readonly cause: (message: string) => Cause;
  constructor(
    readonly e: Engine,
    public d: V1Deployment,
    public rsList: V1ReplicaSet[],
  ) {
    const name = d.metadata!.name!;
    this.cause = (message) => ({ actor: DEPLOYMENT, message: `디플로이먼트 ${name}: ${message}`, hop: 'controller' });
  }

  get name(): string {
    return this.d.metadata!.name!;
  }

  private replace(rs: V1ReplicaSet): void {
    const i = this.rsList.findIndex((r) => r.metadata!.uid === rs.metadata!.uid);
    if (i >= 0) this.rsList[i] = rs;
    else this.rsList.push(rs);
  }

  /** FindNewReplicaSet: the oldest set whose template equals the deployment's (ignoring the hash label). */
  findNew(): V1ReplicaSet | undefined {
    const want = templateKey(this.d.spec!.template);
    return [...this.rsList].sort(byCreation).find((rs) => templateKey(rs.spec!.template!) === want);
  }

  olds(newRS?: V1ReplicaSet): V1ReplicaSet[] {
    return this.rsList.filter((rs) => rs !== newRS && rs.metadata!.uid !== newRS?.metadata!.uid);
  }

  writeDeployment(d: V1Deployment, message: string): void {
    this.d = this.e.updateObject('Deployment', d, this.cause(message));
  }

  /** getAllReplicaSetsAndSyncRevision + getNewReplicaSet. */
  newAndOld(createIfNotExisted: boolean): { newRS?: V1ReplicaSet; oldRSs: V1ReplicaSet[] } {
    const existing = this.findNew();
    const oldRSs = this.olds(existing);
    const newRevision = String(Math.max(0, ...oldRSs.map(revisionOf)) + 1);
    if (existing) {
      let rs = existing;
      const annotations = copyAnnotations(this.d, rs.metadata?.annotations ?? {});
      const oldRev = rs.metadata?.annotations?.[REVISION];
      if (Number(oldRev ?? 0) < Number(newRevision)) {
        annotations[REVISION] = newRevision;
        if (oldRev) annotations[REVISION_HISTORY] = [rs.metadata?.annotations?.[REVISION_HISTORY], oldRev].filter(Boolean).join(',');
      }
      const minReady = this.d.spec!.minReadySeconds ?? 0;
      if (!deepEqual(annotations, rs.metadata?.annotations ?? {}) || (rs.spec!.minReadySeconds ?? 0) !== minReady) {
        rs = this.e.updateObject(
          'ReplicaSet',
          { ...rs, metadata: { ...rs.metadata, annotations }, spec: { ...rs.spec!, minReadySeconds: minReady } },
          this.cause(`레플리카셋 ${rs.metadata!.name}을(를) 리비전 ${annotations[REVISION]}(으)로 표시`),
        );
        this.replace(rs);
      }
      this.syncRevision(rs.metadata!.annotations![REVISION], getCondition(this.d, 'Progressing') ? undefined : { reason: 'FoundNewReplicaSet', message: `Found new replica set "${rs.metadata!.name}"` });
      return { newRS: rs, oldRSs };
    }
    if (!createIfNotExisted) return { oldRSs };
    return { newRS: this.createNew(oldRSs, newRevision), oldRSs };
  }

  private createNew(oldRSs: V1ReplicaSet[], newRevision: string): V1ReplicaSet {
    const d = this.d;
    const ns = d.metadata!.namespace!;
    let collisions = d.status?.collisionCount;
    for (;;) {
      const hash = computeHash(d.spec!.template, collisions);
      const name = `${d.metadata!.name}-${hash}`;
      const clash = this.e.get<V1ReplicaSet>('ReplicaSet', keyOf(name, ns));
      if (clash) {
        // A set with this name but another template: bump collisionCount and rehash, as Kubernetes does.
        collisions = (collisions ?? 0) + 1;
        continue;
      }
      const labels = { ...(d.spec!.template.metadata?.labels ?? {}), [HASH_LABEL]: hash };
      const draft: V1ReplicaSet = {
        metadata: {
          name,
          namespace: ns,
          labels,
          annotations: { ...copyAnnotations(d), [REVISION]: newRevision, ...replicaAnnotations(d) },
          ownerReferences: [ownerRefTo('Deployment', d)],
        },
        spec: {
          replicas: 0,
          minReadySeconds: d.spec!.minReadySeconds ?? 0,
          selector: { ...d.spec!.selector, matchLabels: { ...(d.spec!.selector.matchLabels ?? {}), [HASH_LABEL]: hash } },
          template: { ...d.spec!.template, metadata: { ...d.spec!.template.metadata, labels } },
        },
      };
      const replicas = newRSReplicas(d, [...oldRSs, draft], draft);
      draft.spec!.replicas = replicas;
      const c = this.cause(`파드 템플릿이 바뀌어 새 레플리카셋 ${name} 생성 (리비전 ${newRevision}, 파드 ${replicas}개로 시작)`);
      const rs = this.e.createObject('ReplicaSet', { apiVersion: API_VERSION.ReplicaSet, kind: 'ReplicaSet', ...draft }, c);
      this.replace(rs);
      if (replicas > 0) this.event('Normal', 'ScalingReplicaSet', `Scaled up replica set ${name} from 0 to ${replicas}`, c);
      if (collisions !== d.status?.collisionCount) this.d = { ...this.d, status: { ...this.d.status, collisionCount: collisions } };
      this.syncRevision(newRevision, { reason: 'NewReplicaSetCreated', message: `Created new replica set "${name}"` });
      return rs;
    }
  }

  /** SetDeploymentRevision + the Progressing condition set when the new set is created/found. */
  private syncRevision(revision: string, progressing?: { reason: string; message: string }): void {
    let d = this.d;
    let changed = false;
    if (d.metadata?.annotations?.[REVISION] !== revision) {
      d = { ...d, metadata: { ...d.metadata, annotations: { ...(d.metadata?.annotations ?? {}), [REVISION]: revision } } };
      changed = true;
    }
    if (progressing) {
      const now = this.e.iso();
      const conds = setCondition(d.status?.conditions ?? [], { type: 'Progressing', status: 'True', ...progressing, lastUpdateTime: now, lastTransitionTime: now });
      d = { ...d, status: { ...d.status, conditions: conds } };
      changed = true;
    }
    if (changed || d !== this.d) this.writeDeployment(d, `리비전 ${revision} 기록`);
  }

  event(type: 'Normal' | 'Warning', reason: string, message: string, c: Cause): void {
    const d = this.d;
    this.e.recordEvent({ kind: 'Deployment', name: d.metadata!.name!, namespace: d.metadata!.namespace, uid: d.metadata!.uid }, type, reason, message, DEPLOYMENT, c);
  }

  /** scaleReplicaSet: writes size and replica annotations; records ScalingReplicaSet when the size changes. */
  scale(rs: V1ReplicaSet, to: number, why: string, onlyIfSizeChanges = false): boolean {
    const from = specReplicas(rs);
    if (onlyIfSizeChanges && from === to) return false;
    const annotations = { ...(rs.metadata?.annotations ?? {}), ...replicaAnnotations(this.d) };
    const annotationsChanged = !deepEqual(annotations, rs.metadata?.annotations ?? {});
    if (from === to && !annotationsChanged) return false;
    const c = this.cause(from === to ? `레플리카셋 ${rs.metadata!.name}의 replicas 주석 갱신` : `${why} — 레플리카셋 ${rs.metadata!.name}을(를) ${from}→${to}개로 ${to > from ? '확장' : '축소'}`);
    const updated = this.e.updateObject('ReplicaSet', { ...rs, metadata: { ...rs.metadata, annotations }, spec: { ...rs.spec!, replicas: to } }, c);
    this.replace(updated);
    if (from !== to) this.event('Normal', 'ScalingReplicaSet', `Scaled ${to > from ? 'up' : 'down'} replica set ${rs.metadata!.name} from ${from} to ${to}`, c);
    return from !== to;
  }

  latest(rs: V1ReplicaSet | undefined): V1ReplicaSet | undefined {
    return rs && this.rsList.find((r) => r.metadata!.uid === rs.metadata!.uid);
  }

  /** The pods of the given sets, including terminating ones (Recreate waits for them). */
  podsOf(sets: V1ReplicaSet[]): V1Pod[] {
    const out: V1Pod[] = [];
    for (const rs of sets)
      for (const { kind, key } of this.e.store.dependents.get(rs.metadata!.uid!)?.values() ?? []) if (kind === 'Pod') out.push(this.e.get<V1Pod>('Pod', key)!);
    return out;
  }

  /** cleanupDeployment: prune old, fully scaled-down sets beyond revisionHistoryLimit (oldest revisions first). */
  cleanup(oldRSs: V1ReplicaSet[]): void {
    const limit = this.d.spec!.revisionHistoryLimit ?? 10;
    const alive = oldRSs.map((r) => this.latest(r)!).filter((r) => r && !r.metadata?.deletionTimestamp);
    const diff = alive.length - limit;
    if (diff <= 0) return;
    alive.sort((a, b) => revisionOf(a) - revisionOf(b) || byCreation(a, b));
    for (let i = 0; i < diff; i++) {
      const rs = alive[i];
      if ((rs.status?.replicas ?? 0) !== 0 || specReplicas(rs) !== 0 || (rs.metadata?.generation ?? 0) > (rs.status?.observedGeneration ?? 0)) continue;
      this.e.removeObject('ReplicaSet', rs.metadata!.name!, rs.metadata!.namespace, this.cause(`revisionHistoryLimit ${limit}을(를) 넘어 오래된 레플리카셋 ${rs.metadata!.name}(리비전 ${revisionOf(rs)}) 삭제`));
      this.rsList = this.rsList.filter((r) => r.metadata!.uid !== rs.metadata!.uid);
    }
  }

  /** syncRolloutStatus: status counts + Available/Progressing conditions; requeues before the deadline. */
  syncRolloutStatus(newRS: V1ReplicaSet | undefined, forceStatusOnly = false): void {
    const d = this.d;
    const all = this.rsList;
    const nrs = this.latest(newRS);
    const counts = statusCounts(all, nrs);
    const now = this.e.iso();
    const replicas = specReplicas(d);
    let conds: V1DeploymentCondition[] = [...(d.status?.conditions ?? [])];
    const available = counts.availableReplicas >= replicas - maxUnavailable(d);
    conds = setCondition(conds, {
      type: 'Available',
      status: available ? 'True' : 'False',
      reason: available ? 'MinimumReplicasAvailable' : 'MinimumReplicasUnavailable',
      message: available ? 'Deployment has minimum availability.' : 'Deployment does not have minimum availability.',
      lastUpdateTime: now,
      lastTransitionTime: now,
    });
    const observedGeneration = d.metadata!.generation;
    const cur = getCondition(d, 'Progressing');
    const complete = counts.replicas === counts.updatedReplicas && cur?.reason === 'NewReplicaSetAvailable';
    const deadline = (d.spec!.progressDeadlineSeconds ?? 600) * 1000;
    if (!forceStatusOnly && !complete && nrs) {
      const rsName = nrs.metadata!.name!;
      const done = counts.updatedReplicas === replicas && counts.replicas === replicas && counts.availableReplicas === replicas;
      const old = d.status ?? {};
      const progressed =
        counts.updatedReplicas > (old.updatedReplicas ?? 0) ||
        counts.replicas - counts.updatedReplicas < (old.replicas ?? 0) - (old.updatedReplicas ?? 0) ||
        counts.readyReplicas > (old.readyReplicas ?? 0) ||
        counts.availableReplicas > (old.availableReplicas ?? 0);
      if (done) {
        conds = setCondition(conds, { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable', message: `ReplicaSet "${rsName}" has successfully progressed.`, lastUpdateTime: now, lastTransitionTime: now });
      } else if (progressed) {
        const next = { type: 'Progressing', status: 'True', reason: 'ReplicaSetUpdated', message: `ReplicaSet "${rsName}" is progressing.`, lastUpdateTime: now, lastTransitionTime: cur?.status === 'True' ? cur.lastTransitionTime : now };
        conds = [...conds.filter((c) => c.type !== 'Progressing'), next];
      } else if (cur && cur.reason !== 'ProgressDeadlineExceeded' && cur.reason !== 'DeploymentPaused' && Date.parse(String(cur.lastUpdateTime)) + deadline < this.e.time) {
        conds = setCondition(conds, { type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded', message: `ReplicaSet "${rsName}" has timed out progressing.`, lastUpdateTime: now, lastTransitionTime: now });
      }
    }
    const status = {
      ...(d.status?.collisionCount !== undefined ? { collisionCount: d.status.collisionCount } : {}),
      observedGeneration,
      replicas: counts.replicas,
      updatedReplicas: counts.updatedReplicas,
      ...(counts.readyReplicas ? { readyReplicas: counts.readyReplicas } : {}),
      ...(counts.availableReplicas ? { availableReplicas: counts.availableReplicas } : {}),
      ...(counts.unavailableReplicas ? { unavailableReplicas: counts.unavailableReplicas } : {}),
      conditions: conds,
    };
    if (!deepEqual(status, d.status ?? {})) {
      const timedOut = getCondition({ status } as V1Deployment, 'Progressing')?.reason === 'ProgressDeadlineExceeded';
      this.writeDeployment(
        { ...d, status },
        timedOut ? `${deadline / 1000}초(progressDeadlineSeconds) 동안 롤아웃이 진행되지 않아 ProgressDeadlineExceeded로 표시` : `상태 갱신 — 최신 ${counts.updatedReplicas}/${replicas}, 준비 ${counts.readyReplicas}, 사용 가능 ${counts.availableReplicas}`,
      );
    }
    // requeueStuckDeployment: wake up when the progress deadline would pass
    const prog = getCondition(this.d, 'Progressing');
    if (prog && prog.status === 'True' && prog.reason !== 'NewReplicaSetAvailable') {
      this.e.enqueueAt(DEPLOYMENT, keyOf(this.name, d.metadata!.namespace), Date.parse(String(prog.lastUpdateTime)) + deadline + 1000);
    }
  }
}

