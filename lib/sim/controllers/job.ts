/**
 * Job controller (pkg/controller/job/job_controller.go syncJob, 1.34) and the TTL-after-finished controller
 * (pkg/controller/ttlafterfinished) for batch/v1 Jobs:
 * - keeps min(parallelism, completions − succeeded) pods active (a work queue — completions unset — stops
 *   starting pods once one succeeded), each labelled from the template and owned by the Job;
 * - after a failed pod, waits 10 s × 2^(failures since the last success − 1), at most 6 min, before the
 *   replacement (https://kubernetes.io/docs/concepts/workloads/controllers/job/#pod-backoff-failure-policy);
 * - failed pods > backoffLimit (or, with restartPolicy OnFailure, container restarts reaching it) or running
 *   past activeDeadlineSeconds: FailureTarget, delete the active pods, then Failed once none is left;
 * - enough successes: SuccessCriteriaMet, then Complete (with completionTime) once no pod is left running;
 * - status.active/ready/succeeded/failed/terminating counted from the owned pods; finished Jobs with
 *   ttlSecondsAfterFinished are deleted that long after they finished, their pods with them (garbage collector).
 * Work per sync: O(pods of the Job).
 */
import type { V1Job, V1JobCondition, V1JobStatus, V1Pod } from '../../k8s/api-types';
import { generateName } from '../../k8s/names';
import { API_VERSION, type Kind } from '../../k8s/types';
import type { Controller, Engine } from '../engine';
import { keyOf, type StoreChange } from '../store';
import type { Cause } from '../types';
import { admitPod, qosClass } from '../defaults';
import { controllerRef, isPodReady } from '../pods';
import { deletePod } from '../lifecycle';
import { deepEqual } from '../json';

export const JOB_CONTROLLER = 'job-controller';
export const POD_FAILURE_BACKOFF_MS = 10_000;
export const MAX_POD_FAILURE_BACKOFF_MS = 6 * 60_000;

const BACKOFF = { reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' };
const DEADLINE = { reason: 'DeadlineExceeded', message: 'Job was active longer than specified deadline' };
const COMPLETIONS = { reason: 'CompletionsReached', message: 'Job has reached the specified number of completions' };

const isTrue = (job: V1Job, type: string) => job.status?.conditions?.find((c) => c.type === type && c.status === 'True');
const terminal = (p: V1Pod) => p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed';
const ms = (t: string | undefined) => (t ? new Date(t).getTime() : 0);

/** When a pod ended: its last container's finish, else its last write. */
function finishedAt(p: V1Pod): number {
  let at = 0;
  for (const s of p.status?.containerStatuses ?? []) at = Math.max(at, ms(s.state?.terminated?.finishedAt));
  return at;
}

/** The Job's pod-failure backoff: how long after `now` the next pod may start (0 = now). */
export function podFailureBackoff(pods: V1Pod[], now: number): number {
  const lastSuccess = Math.max(0, ...pods.filter((p) => p.status?.phase === 'Succeeded').map(finishedAt));
  const failures = pods.filter((p) => p.status?.phase === 'Failed' && finishedAt(p) >= lastSuccess).map(finishedAt);
  if (!failures.length) return 0;
  const delay = Math.min(POD_FAILURE_BACKOFF_MS * 2 ** (failures.length - 1), MAX_POD_FAILURE_BACKOFF_MS);
  return Math.max(0, Math.max(...failures) + delay - now);
}

export class JobController implements Controller {
  readonly name = JOB_CONTROLLER;
  readonly watches: readonly Kind[] = ['Job', 'Pod'];

  onChange(c: StoreChange, e: Engine): void {
    if (c.kind === 'Job') {
      if (c.type !== 'DELETED') e.enqueue(JOB_CONTROLLER, c.key);
      return;
    }
    const ref = controllerRef(c.object as V1Pod);
    if (ref?.kind === 'Job') e.enqueue(JOB_CONTROLLER, keyOf(ref.name, c.object.metadata!.namespace));
  }

  reconcile(key: string, e: Engine): void {
    const job = e.get<V1Job>('Job', key);
    if (!job || job.metadata?.deletionTimestamp) return;
    const name = job.metadata!.name!;
    const cause = (message: string): Cause => ({ actor: JOB_CONTROLLER, message: `잡 ${name}: ${message}`, hop: 'controller' });
    if (isTrue(job, 'Complete') || isTrue(job, 'Failed')) return this.expireFinished(key, job, e);

    const uid = job.metadata!.uid!;
    const pods: V1Pod[] = [];
    for (const { kind, key: k } of e.store.dependents.get(uid)?.values() ?? []) {
      const pod = kind === 'Pod' ? e.get<V1Pod>('Pod', k) : undefined;
      if (pod && controllerRef(pod)?.uid === uid) pods.push(pod);
    }
    const active = pods.filter((p) => !terminal(p) && !p.metadata?.deletionTimestamp);
    const terminating = pods.filter((p) => !terminal(p) && p.metadata?.deletionTimestamp).length;
    const succeeded = pods.filter((p) => p.status?.phase === 'Succeeded').length;
    const failed = pods.filter((p) => p.status?.phase === 'Failed').length;
    const spec = job.spec!;
    const startTime = job.status?.startTime ?? (e.iso());
    const now = e.time;
    const conditions = [...(job.status?.conditions ?? [])];
    const add = (type: string, why: { reason: string; message: string }) => {
      if (!conditions.some((c) => c.type === type)) conditions.push({ type, status: 'True', reason: why.reason, message: why.message, lastProbeTime: e.iso(), lastTransitionTime: e.iso() });
    };

    // decide the outcome once: a FailureTarget or SuccessCriteriaMet already set stays
    const decided = isTrue(job, 'FailureTarget');
    let target = decided ? { reason: decided.reason ?? BACKOFF.reason, message: decided.message ?? BACKOFF.message } : undefined;
    let success = !!isTrue(job, 'SuccessCriteriaMet');
    if (!target && !success) {
      const restarts = spec.template.spec?.restartPolicy === 'OnFailure' ? active.reduce((n, p) => n + (p.status?.containerStatuses ?? []).reduce((m, s) => m + s.restartCount, 0), 0) : 0;
      const limit = spec.backoffLimit ?? 6;
      const deadline = spec.activeDeadlineSeconds != null ? ms(startTime) + spec.activeDeadlineSeconds * 1000 : Infinity;
      if (failed > limit || (restarts > 0 && (limit === 0 || restarts >= limit))) target = BACKOFF;
      else if (now >= deadline) target = DEADLINE;
      else if (spec.completions == null ? succeeded > 0 && active.length === 0 : succeeded >= spec.completions && active.length === 0) success = true;
      else if (deadline < Infinity) e.enqueueAt(JOB_CONTROLLER, key, deadline);
      if (target) {
        add('FailureTarget', target);
        e.recordEvent(this.ref(job), 'Warning', target.reason, target.message, JOB_CONTROLLER, cause(target === BACKOFF ? `실패한 파드가 backoffLimit(${limit})을 넘어 잡 실패 처리` : `activeDeadlineSeconds(${spec.activeDeadlineSeconds}초)가 지나 잡 실패 처리`));
      }
      if (success) add('SuccessCriteriaMet', COMPLETIONS);
    }

    let deleting = 0;
    if (target) {
      // a failed Job stops everything it still runs, then reports Failed once nothing is left
      for (const pod of active) this.deletePod(job, pod, e, cause(`잡이 실패해 실행 중인 파드 ${pod.metadata!.name} 삭제`));
      deleting = active.length;
      if (active.length + terminating === 0) add('Failed', target);
    } else if (success) {
      if (active.length + terminating === 0) {
        add('Complete', COMPLETIONS);
        e.recordEvent(this.ref(job), 'Normal', 'Completed', 'Job completed', JOB_CONTROLLER, cause(`파드 ${succeeded}개가 성공해 잡 완료`));
      }
    } else {
      const want = spec.completions == null ? (succeeded > 0 ? active.length : spec.parallelism ?? 1) : Math.min(spec.parallelism ?? 1, spec.completions - succeeded);
      const missing = want - active.length;
      const wait = missing > 0 ? podFailureBackoff(pods, now) : 0;
      if (wait > 0) e.enqueueAt(JOB_CONTROLLER, key, now + wait);
      else for (let i = 0; i < missing; i++) this.createPod(job, e, cause(`실행 중인 파드 ${active.length}개, 원하는 ${want}개라 파드 생성 (성공 ${succeeded}, 실패 ${failed})`));
      for (const pod of active.slice(want)) this.deletePod(job, pod, e, cause(`parallelism이 줄어 파드 ${pod.metadata!.name} 삭제`));
    }
    this.writeStatus(job, e, { startTime, conditions, pods, deleting, finished: conditions.some((c) => c.type === 'Complete') });
  }

  private ref(job: V1Job) {
    return { kind: 'Job' as const, name: job.metadata!.name!, namespace: job.metadata!.namespace, uid: job.metadata!.uid };
  }

  private createPod(job: V1Job, e: Engine, cause: Cause): void {
    const ns = job.metadata!.namespace!;
    const tmpl = job.spec!.template;
    let podName: string;
    do podName = generateName(`${job.metadata!.name}-`, e.rng.next);
    while (e.store.get('Pod', keyOf(podName, ns)));
    const spec = admitPod({ spec: tmpl.spec! }, e.timings.podEvictionTimeout).spec!;
    const pod: V1Pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: podName,
        generateName: `${job.metadata!.name}-`,
        namespace: ns,
        labels: tmpl.metadata?.labels ?? {},
        ...(tmpl.metadata?.annotations ? { annotations: tmpl.metadata.annotations } : {}),
        ownerReferences: [{ apiVersion: API_VERSION.Job, kind: 'Job', name: job.metadata!.name!, uid: job.metadata!.uid!, controller: true, blockOwnerDeletion: true }],
      },
      spec,
      status: { phase: 'Pending', qosClass: qosClass(spec) },
    };
    e.createObject('Pod', pod, cause);
    e.recordEvent(this.ref(job), 'Normal', 'SuccessfulCreate', `Created pod: ${podName}`, JOB_CONTROLLER, cause);
  }

  private deletePod(job: V1Job, pod: V1Pod, e: Engine, cause: Cause): void {
    deletePod(e, pod, cause);
    e.recordEvent(this.ref(job), 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata!.name}`, JOB_CONTROLLER, cause);
  }

  /** Counts from the pods as they are after this sync's writes; writes only when something changed. */
  private writeStatus(job: V1Job, e: Engine, s: { startTime: string; conditions: V1JobCondition[]; pods: V1Pod[]; deleting: number; finished: boolean }): void {
    const current = e.get<V1Job>('Job', keyOf(job.metadata!.name!, job.metadata!.namespace))!;
    const pods = [...(e.store.dependents.get(job.metadata!.uid!)?.values() ?? [])].flatMap(({ kind, key }) => (kind === 'Pod' ? [e.get<V1Pod>('Pod', key)!] : [])).filter(Boolean);
    const active = pods.filter((p) => !terminal(p) && !p.metadata?.deletionTimestamp);
    const status: V1JobStatus = {
      ...(active.length ? { active: active.length } : {}),
      ready: active.filter(isPodReady).length,
      ...(pods.some((p) => p.status?.phase === 'Succeeded') ? { succeeded: pods.filter((p) => p.status?.phase === 'Succeeded').length } : {}),
      ...(pods.some((p) => p.status?.phase === 'Failed') ? { failed: pods.filter((p) => p.status?.phase === 'Failed').length } : {}),
      terminating: pods.filter((p) => !terminal(p) && p.metadata?.deletionTimestamp).length,
      startTime: s.startTime,
      ...(s.finished ? { completionTime: e.iso() } : current.status?.completionTime ? { completionTime: current.status.completionTime } : {}),
      ...(s.conditions.length ? { conditions: s.conditions } : {}),
      uncountedTerminatedPods: {},
    };
    if (deepEqual(status, current.status)) return;
    e.updateObject('Job', { ...current, status }, { actor: JOB_CONTROLLER, message: `잡 ${job.metadata!.name}: 상태 갱신 (실행 ${status.active ?? 0}, 성공 ${status.succeeded ?? 0}, 실패 ${status.failed ?? 0})`, hop: 'controller' });
    if (s.finished || s.conditions.some((c) => c.type === 'Failed')) e.enqueue(JOB_CONTROLLER, keyOf(job.metadata!.name!, job.metadata!.namespace));
  }

  /** ttlafterfinished: delete a finished Job `ttlSecondsAfterFinished` after it finished (its pods go with it). */
  private expireFinished(key: string, job: V1Job, e: Engine): void {
    const ttl = job.spec?.ttlSecondsAfterFinished;
    if (ttl == null) return;
    const finished = ms(job.status?.completionTime) || ms((isTrue(job, 'Failed') ?? isTrue(job, 'Complete'))?.lastTransitionTime);
    const expiry = finished + ttl * 1000;
    if (e.time < expiry) return e.enqueueAt(JOB_CONTROLLER, key, expiry);
    e.removeObject('Job', job.metadata!.name!, job.metadata!.namespace, {
      actor: 'ttl-after-finished-controller',
      message: `TTL 컨트롤러: 잡 ${job.metadata!.name}이(가) 끝나고 ttlSecondsAfterFinished(${ttl}초)가 지나 삭제`,
      hop: 'controller',
    });
  }
}
