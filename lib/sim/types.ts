/**
 * The public contract of the simulator engine. Everything else (terminal, graph, lessons,
 * sim cluster server) codes against this file only. Pure TypeScript: no React, DOM or Node APIs.
 */
import type { Kind, KubeObject, WatchEvent } from '../k8s/types';
import type { Cause, DeleteOptions, ListOptions, ListResult, PatchType, Timings, WriteOptions } from '../k8s/client-types';
import type { ProcessViewFactory } from './prober/process-view';

// Shared with the ClusterClient interface; defined in lib/k8s so clients need not import the engine's types.
export type { Cause, DeleteOptions, ListOptions, ListResult, PatchType, Timings, WriteOptions } from '../k8s/client-types';

export interface ClusterConfig {
  /** number of worker nodes (default 2: worker-1, worker-2) */
  workers?: number;
  /** per-worker capacity (defaults: cpu '2', memory '4Gi', pods 110) */
  workerCapacity?: { cpu?: string; memory?: string; pods?: number };
  /** include the kube-system pods (etcd, apiserver, …, kube-proxy, calico-node, coredns). Default true. */
  systemPods?: boolean;
  /**
   * Bare machines (master, worker-1, worker-2) with no cluster yet: no API objects until `kubeadm init`, nodes
   * join with `kubeadm join`, and they stay NotReady until a CNI (calico-node) runs on them. See lib/sim/kubeadm.ts.
   */
  bare?: boolean;
}

/**
 * The simulator's quotas (see lib/sim/limits.ts): a real API server is protected by ResourceQuotas,
 * the simulator by these. Writes over them get a 403 "exceeded quota" Status.
 */
export interface Limits {
  /** spec.replicas of one Deployment or ReplicaSet (default 5,000) */
  maxReplicasPerWorkload: number;
  /** pods in the whole cluster: what workloads ask for, and what the ReplicaSet controller creates (default 10,000) */
  maxPods: number;
}

import type { PodLogOptions, PodLogResult } from './apps/container-logs';
import type { ExecResult } from './apps/exec';
import type { ShellSession } from './shell/session';
import type { MetricsApi, MetricsListOptions } from './metrics/api';
import type { NodeMetrics, PodMetrics } from './metrics/metrics-server';
export type { MetricsApi, MetricsListOptions, NodeMetrics, PodMetrics };
import type { NetworkRequest, NetworkResponse } from './network/request';
import type { TrafficStartSpec, TrafficStats } from './network/load';
export type { TrafficStartSpec, TrafficStats };
export type { PodLogOptions, PodLogResult, ExecResult, ShellSession, NetworkRequest, NetworkResponse };
import type { KubeadmAction } from './kubeadm';

export interface SimulatorOptions {
  seed?: number;
  /** Start time of the simulated clock, epoch ms. Default: a fixed date so snapshots are deterministic. */
  startTime?: number;
  cluster?: ClusterConfig;
  timings?: Partial<Timings>;
  limits?: Partial<Limits>;
  /** what probes and memory limits observe of a running container (default: the application model, apps/process-view.ts appProcessView) */
  processView?: ProcessViewFactory;
}

export interface SimWatchEvent<T = KubeObject> extends WatchEvent<T> {
  kind: Kind;
  cause?: Cause;
}

export interface Watch {
  stop(): void;
}

export interface Simulator {
  readonly seed: number;
  /** Current simulated time, epoch ms. */
  now(): number;
  timings(): Timings;

  list<K extends Kind>(kind: K, namespace?: string, opts?: ListOptions): ListResult;
  /**
   * `list` without the copies: the stored objects themselves, for a reader that serialises them at once and keeps
   * nothing (the sim server's list responses). Stored objects are immutable (every write stores a new one), so
   * they stay valid while held, but must never be modified.
   */
  listStored(kind: Kind, namespace?: string, opts?: ListOptions): { items: readonly KubeObject[]; resourceVersion: string };
  get(kind: Kind, name: string, namespace?: string): KubeObject; // throws StatusError (NotFound)
  create(obj: KubeObject, opts?: WriteOptions): KubeObject; // namespace from obj.metadata.namespace ?? 'default'
  update(obj: KubeObject, opts?: WriteOptions): KubeObject; // Conflict on stale resourceVersion
  patch(kind: Kind, name: string, namespace: string | undefined, patch: unknown, type: PatchType, opts?: WriteOptions): KubeObject;
  delete(kind: Kind, name: string, namespace?: string, opts?: DeleteOptions & WriteOptions): KubeObject;
  /** POST pods/NAME/eviction: a delete that honours the pod's PodDisruptionBudget (429 while it allows no disruption). */
  evict(name: string, namespace: string, opts?: DeleteOptions & WriteOptions): void;
  /** Watch one kind. resourceVersion: replay events after it (Expired StatusError if too old). namespace undefined = all. */
  watch(kind: Kind, opts: { namespace?: string; resourceVersion?: string }, cb: (ev: SimWatchEvent) => void): Watch;
  /** Every change of every kind, delivered in order. Used by the browser client. */
  subscribe(cb: (events: SimWatchEvent[]) => void): () => void;

  /** Run the control loops for ms of simulated time. Work scales with what changed, not cluster size. */
  advance(ms: number): void;
  /**
   * When a controller next has delayed work due (epoch ms); undefined when nothing is scheduled. O(1). Routine wake-ups
   * (a kubelet's 5-minute node status report) are not counted: they are not the next thing to happen.
   */
  nextDueAt(): number | undefined;
  /** Writes so far, less the routine ones (a kubelet's unchanged node status): skip-ahead stops when this moves. */
  changeCount(): number;

  // failure injection and node operations (also reachable through kubectl cordon/drain)
  failNode(name: string): void; // kubelet stops heartbeating
  recoverNode(name: string): void;
  /** Bare-machines mode: what `kubeadm init/join/reset` on a machine does to the API side (lib/sim/kubeadm.ts). */
  kubeadm(action: KubeadmAction): void;

  /** Byte-identical for the same seed and the same calls. */
  snapshot(): string;
  restore(snapshot: string): void;

  /** Current resourceVersion of the store. */
  resourceVersion(): string;

  /** A container's log (GET pods/NAME/log): StatusError 400 with the kubelet's message when there is none. */
  podLog(name: string, namespace: string | undefined, opts?: PodLogOptions): PodLogResult;
  /** Runs a command in a running container (POST pods/NAME/exec), through the container shell. */
  exec(name: string, namespace: string | undefined, container: string | undefined, command: readonly string[]): ExecResult;
  /** An interactive shell in a running container (`kubectl exec -it POD -- sh`). */
  execShell(name: string, namespace: string | undefined, container: string | undefined): ShellSession;
  /** Joins the container's main shell (pods/NAME/attach, `kubectl run -it`); its `exit` ends the container. */
  attach(name: string, namespace: string | undefined, container: string | undefined): ShellSession;
  /** The attached main shell exited with `code` (replayed from a saved lab); the kubelet terminates the container. */
  endAttach(name: string, namespace: string | undefined, container: string, code: number): void;
  /** metrics.k8s.io/v1beta1 as metrics-server serves it, from the application model (lib/sim/metrics). */
  readonly metrics: MetricsApi;
  /** One HTTP request through the simulated network (cluster DNS, kube-proxy, the app model); never throws. */
  sendRequest(req: NetworkRequest): NetworkResponse;
  /** A command on the student's laptop outside the cluster (`curl http://NODE-IP:NODEPORT/`): only node IPs reach. */
  runOnLaptop(argv: readonly string[]): ExecResult;
  /** The load generator (network/load.ts): N requests per simulated second to a Service or URL; a Korean error for bad input. */
  startTraffic(spec: TrafficStartSpec): { ok: true; label: string } | { ok: false; error: string };
  /** Stops the load generator; false when none ran. */
  stopTraffic(): boolean;
  /** The generator's last 60 closed seconds. */
  trafficStats(): TrafficStats;
  /** Requests the generator sent and that failed in [from, to) (epoch ms; whole seconds, the last 10 minutes). */
  trafficBetween(from: number, to: number): { sent: number; failed: number };
}
