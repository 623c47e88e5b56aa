/**
 * Types the ClusterClient interface (lib/cluster) and the engine (lib/sim) share, so clients and kubectl do not
 * depend on the engine's type file: API request options, list results, the Korean cause of a write and the
 * lifecycle timings a time-owning client exposes. Type-only.
 */
import type { KubeObject } from './types';

/** metav1.ListOptions, the parts a list takes. */
export interface ListOptions {
  labelSelector?: string;
  fieldSelector?: string;
}

export interface ListResult<T = KubeObject> {
  items: T[];
  resourceVersion: string;
}

/** The four patch content types the API server accepts (types.PatchType), by short name. */
export type PatchType = 'merge' | 'strategic' | 'json' | 'apply';

/** metav1.DeleteOptions, the parts a delete takes. */
export interface DeleteOptions {
  gracePeriodSeconds?: number;
  propagationPolicy?: 'Foreground' | 'Background' | 'Orphan';
}

export interface WriteOptions {
  dryRun?: boolean;
  /** Who made the write (shown as the cause in the UI). Defaults to 'kubectl'. */
  actor?: string;
}

/**
 * Why a write happened, in Korean, so the UI can explain every controller action.
 * e.g. { actor: 'replicaset-controller', message: '레플리카셋 web-5d9c: 원하는 3개 중 2개만 있어 1개 생성' }
 */
export interface Cause {
  actor: string; // 'kubectl' | 'deployment-controller' | 'replicaset-controller' | 'scheduler' | 'kubelet/worker-1' | 'node-lifecycle-controller' | 'endpoints-controller'
  message: string; // Korean explanation
  /** Control-plane path this write travelled, for the instructor flow view. */
  hop?: 'apiserver' | 'etcd' | 'controller' | 'scheduler' | 'kubelet';
  /** a write that repeats what is known (a kubelet's unchanged node status, its heartbeat): skip-ahead does not stop for it */
  routine?: true;
}

/** Lifecycle timings in ms; data, not code (see lib/sim/timings). */
export interface Timings {
  schedule: number; // pod created → bound
  imagePull: number; // Pulling → Pulled (image not cached on node)
  containerStart: number; // Created → Started
  readinessDelay: number; // how long a container without a readiness or startup probe runs before it is ready (0: at once, as Kubernetes reports it)
  terminationGrace: number; // a SIGTERM-handling process stops this long after Killing (others wait the grace period)
  nodeMonitorGrace: number; // node stops heartbeating → NotReady (default 50 s, as kube-controller-manager since 1.32: lib/sim/timings.ts)
  podEvictionTimeout: number; // tolerationSeconds for not-ready/unreachable (default 300 s)
  crashBackoffBase: number; // 10 s, doubling, capped at crashBackoffMax
  crashBackoffMax: number; // 5 min
  progressDeadline: number; // default from spec.progressDeadlineSeconds (600 s)
}
