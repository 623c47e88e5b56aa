/**
 * Projection of Jobs and DaemonSets to what the workload view draws: the counts `kubectl get` prints
 * (COMPLETIONS and STATUS for a Job, DESIRED/CURRENT/READY/AVAILABLE for a DaemonSet) plus a Korean word
 * for the state. Pure, O(size of one object).
 */
import type { V1DaemonSet, V1Job } from '../k8s/types';
import { jobCompletions, jobStatus } from '../k8s/kinds/job';

export interface JobView {
  key: string;
  name: string;
  namespace: string;
  /** kubectl's COMPLETIONS: `succeeded/completions` (2/3), or `1/1 of 3` for a work queue. */
  completions: string;
  succeeded: number;
  /** spec.completions; null for a work queue (any one success finishes it). */
  target: number | null;
  active: number;
  failed: number;
  /** kubectl's STATUS: Running, Complete, Failed, Suspended, … */
  status: string;
  /** Korean for the state. */
  statusKo: string;
  tone: 'running' | 'complete' | 'failed';
}

export interface DaemonSetView {
  key: string;
  name: string;
  namespace: string;
  /** Nodes that should run a daemon pod, nodes that do, nodes whose pod is Ready/Available, up to date. */
  desired: number;
  current: number;
  ready: number;
  available: number;
  updated: number;
  /** Nodes running a daemon pod they should not (a changed nodeSelector or taint). */
  misscheduled: number;
}

const JOB_STATUS_KO: Record<string, string> = {
  Running: '실행 중',
  Complete: '완료',
  Failed: '실패',
  Suspended: '일시 중지됨',
  Terminating: '삭제 중',
  FailureTarget: '실패 처리 중',
  SuccessCriteriaMet: '성공 조건 충족',
};

/** Project a Job; STATUS and COMPLETIONS come from the kind registry's printer, as kubectl get jobs shows them. */
export function projectJob(key: string, job: V1Job): JobView {
  const status = jobStatus(job);
  return {
    key,
    name: job.metadata?.name ?? '',
    namespace: job.metadata?.namespace ?? 'default',
    completions: jobCompletions(job),
    succeeded: job.status?.succeeded ?? 0,
    target: job.spec?.completions ?? null,
    active: job.status?.active ?? 0,
    failed: job.status?.failed ?? 0,
    status,
    statusKo: JOB_STATUS_KO[status] ?? status,
    tone: status === 'Complete' || status === 'SuccessCriteriaMet' ? 'complete' : status === 'Failed' || status === 'FailureTarget' ? 'failed' : 'running',
  };
}

/** Project a DaemonSet's status counts (the controller's updateDaemonSetStatus writes them). */
export function projectDaemonSet(key: string, ds: V1DaemonSet): DaemonSetView {
  const s = ds.status;
  return {
    key,
    name: ds.metadata?.name ?? '',
    namespace: ds.metadata?.namespace ?? 'default',
    desired: s?.desiredNumberScheduled ?? 0,
    current: s?.currentNumberScheduled ?? 0,
    ready: s?.numberReady ?? 0,
    available: s?.numberAvailable ?? 0,
    updated: s?.updatedNumberScheduled ?? 0,
    misscheduled: s?.numberMisscheduled ?? 0,
  };
}
