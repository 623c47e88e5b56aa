/**
 * Per-container probe worker state and the result bookkeeping of pkg/kubelet/prober/worker.go
 * (doProbe): a new container ID resets the worker to the type's initial result (readiness Failure,
 * liveness Success, startup Unknown) and lifts the hold; a result only counts once it has repeated
 * successThreshold / failureThreshold times in a row; a liveness or startup failure puts the worker
 * on hold until the restarted container appears. Plain JSON: it lives in engine.state.prober.
 */
import type { V1Probe } from '../../k8s/api-types';
import type { Engine } from '../engine';
import type { ProbeType } from './probe';

export type WatchType = ProbeType | 'oom' | 'poststart';

export interface ProbeWorker {
  uid: string;
  /** the container instance the results are about */
  containerID?: string;
  /** last raw result and how many times in a row it came */
  lastResult?: boolean;
  resultRun: number;
  /** the result the kubelet acts on; undefined = Unknown */
  result?: boolean;
  onHold: boolean;
  /** sim ms of the next probe (or memory sample) */
  next: number;
  /** a liveness/startup failure (or OOM) stops the container at this time */
  killAt?: number;
}

export const workerKey = (podKey: string, container: string, type: WatchType) => `${podKey}#${container}#${type}`;

export function parseWorkerKey(key: string): { podKey: string; container: string; type: WatchType } {
  const [podKey, container, type] = key.split('#');
  return { podKey, container, type: type as WatchType };
}

export function workers(e: Engine): Record<string, ProbeWorker> {
  return (e.state.prober ??= {});
}

/** worker.go: the result a new container starts with. */
const INITIAL: Record<WatchType, boolean | undefined> = { readiness: false, liveness: true, startup: undefined, oom: undefined, poststart: undefined };

/** A fresh worker (or a reset one) for a new container instance. */
export function resetWorker(uid: string, containerID: string, type: WatchType, firstAt: number): ProbeWorker {
  return { uid, containerID, resultRun: 0, result: INITIAL[type], onHold: false, next: firstAt };
}

/**
 * Counts one raw result; returns the result to act on when the threshold is reached (else undefined,
 * "leave the probe state unchanged").
 */
export function countResult(w: ProbeWorker, ok: boolean, probe: V1Probe): boolean | undefined {
  if (w.lastResult === ok) w.resultRun++;
  else {
    w.lastResult = ok;
    w.resultRun = 1;
  }
  const threshold = ok ? (probe.successThreshold ?? 1) : (probe.failureThreshold ?? 3);
  if (w.resultRun < threshold) return undefined;
  return ok;
}
