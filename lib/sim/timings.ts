/**
 * Lifecycle timings as data. Lessons shorten them through `createSimulator({ timings })`.
 * Values follow what a small kubeadm cluster shows: image pulls take seconds, the node monitor grace
 * period is 50 s (kube-controller-manager's default since Kubernetes 1.32, kubernetes PR #126287; 40 s before), the default NoExecute toleration for not-ready/unreachable nodes is 300 s.
 */
import type { Timings } from './types';

export const DEFAULT_TIMINGS: Timings = {
  schedule: 200,
  imagePull: 3_000,
  containerStart: 1_000,
  readinessDelay: 0,
  terminationGrace: 2_000,
  nodeMonitorGrace: 50_000,
  podEvictionTimeout: 300_000,
  crashBackoffBase: 10_000,
  crashBackoffMax: 300_000,
  progressDeadline: 600_000,
};

/** Start of simulated time: fixed so snapshots are identical in every browser. */
export const DEFAULT_START_TIME = Date.UTC(2025, 0, 15, 0, 0, 0);

/** How long before startTime the default cluster was "installed" (system objects show AGE 10m). */
export const BOOTSTRAP_LEAD_MS = 10 * 60_000;

/** A failed pull (unknown tag) answers faster than a real one. */
export const FAILED_PULL_MS = 1_500;

/** ErrImagePull shows for a moment before the kubelet reports ImagePullBackOff. */
export const ERR_IMAGE_PULL_VISIBLE_MS = 1_000;

/** A container that exits is reported as terminated for a moment before CrashLoopBackOff. */
export const EXIT_VISIBLE_MS = 1_000;

/** Unschedulable pods are retried at least this often (the scheduler's flush interval is 5 min; events also retry). */
export const UNSCHEDULABLE_RETRY_MS = 60_000;

/** Events expire after an hour, like the API server's default event TTL. */
export const EVENT_TTL_MS = 60 * 60_000;

/** Cap on stored Event objects so long sessions and benches stay bounded; oldest go first. */
export const EVENT_LIMIT = 50_000;

export function resolveTimings(partial?: Partial<Timings>): Timings {
  return { ...DEFAULT_TIMINGS, ...(partial ?? {}) };
}

/** ISO-8601 without milliseconds, as the API server formats metav1.Time. */
export const toIso = (t: number): string => new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z');
