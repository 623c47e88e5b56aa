/**
 * The kubelet's per-container restart back-off, as flowcontrol.Backoff keeps it
 * (staging/src/k8s.io/client-go/util/flowcontrol/backoff.go, used by doBackOff in
 * pkg/kubelet/kuberuntime/kuberuntime_manager.go with backOffPeriod 10 s and MaxContainerBackOff
 * 5 min from pkg/kubelet/kubelet.go):
 * - a container with no back-off entry restarts at once; the restart creates the entry (10 s);
 * - while an entry exists the next crash waits `backoff` from its finish time, and the restart after
 *   that wait doubles the entry (capped at the maximum);
 * - an entry whose last update is more than 2 × max old when the container finishes (it ran
 *   10 minutes) has expired: the container restarts at once and the back-off starts over.
 * In v1.34 the gates that change this curve are alpha and off by default: ReduceDefaultCrashLoopBackOffDecay
 * (KEP-4603, 1 s → 60 s) and KubeletCrashLoopBackOffMax (KEP-5593, beta only in v1.35); with the defaults the
 * reset threshold is the same 10 minutes either way.
 */
import type { PodRuntime } from '../engine';
import type { Timings } from '../types';

/** ms the container must still wait after exiting at `finishedAt`; 0 = restart now. */
export function crashBackOffDelay(rt: PodRuntime, finishedAt: number, t: Timings): number {
  if (rt.backoffMs === undefined || rt.backoffUpdatedAt === undefined) return 0;
  if (finishedAt - rt.backoffUpdatedAt > 2 * t.crashBackoffMax) return 0;
  return rt.backoffMs;
}

/** Records a restart at `now` (flowcontrol Backoff.Next): first or expired → base, else doubled. */
export function recordRestart(rt: PodRuntime, finishedAt: number, now: number, t: Timings): void {
  const fresh = rt.backoffMs === undefined || rt.backoffUpdatedAt === undefined || finishedAt - rt.backoffUpdatedAt > 2 * t.crashBackoffMax;
  rt.backoffMs = fresh ? t.crashBackoffBase : Math.min(rt.backoffMs! * 2, t.crashBackoffMax);
  rt.backoffUpdatedAt = now;
  rt.crashes++;
}
