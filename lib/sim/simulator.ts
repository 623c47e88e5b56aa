/**
 * createSimulator: the public Simulator over the engine. Reads return copies; writes go through the
 * API-server path; watch/subscribe deliver changes after each call (never re-entrantly); a failed
 * call restores the rng so it leaves no trace.
 */
import { IngressStatusController } from './controllers/ingress-status';
import { CLUSTER_SCOPED, KINDS, type Kind, type KubeObject } from '../k8s/types';
import { matchesFieldSelector, matchesLabelSelector, parseFieldSelector, parseLabelSelector } from '../k8s/selectors';
import type { DeleteOptions, ListOptions, ListResult, PatchType, SimWatchEvent, Simulator, SimulatorOptions, Timings, Watch, WriteOptions } from './types';
import { Engine } from './engine';
import { keyOf } from './store';
import { ChangeFanout } from './change-fanout';
import { badRequest, expired, notFound } from '../k8s/status';
import { deepClone } from './json';
import { createObject, deleteObject, patchObject, updateObject } from './apiserver';
import { BOOTSTRAP_LEAD_MS, DEFAULT_START_TIME, resolveTimings } from './timings';
import { resolveLimits } from './limits';
import { bootstrapCluster } from './cluster';
import { JobController } from './controllers/job';
import { DisruptionController } from './controllers/disruption';
import { CronJobController } from './controllers/cronjob';
import { evictPod } from './eviction';
import { DeploymentController } from './controllers/deployment';
import { ReplicaSetController } from './controllers/replicaset';
import { Scheduler } from './controllers/scheduler';
import { Kubelet, KUBELET } from './controllers/kubelet';
import { EndpointsController } from './controllers/endpoints';
import { EndpointSliceController } from './controllers/endpointslice';
import { DaemonSetController } from './controllers/daemonset';
import { NODE_LIFECYCLE, NodeLifecycleController, TaintEvictionController } from './controllers/node-lifecycle';
import { NODE_STATUS, NodeStatusReporter, scheduleNodeReports } from './controllers/node-status';
import { GarbageCollector } from './controllers/garbage-collector';
import { SystemPodKeeper } from './controllers/system-pods';
import { Prober } from './prober/prober';
import { nodeRuntime } from './controllers/node-network';
import { decodeSnapshot, encodeSnapshot, loadSnapshot } from './snapshot';
import type { V1Pod } from '../k8s/api-types';
import { readPodLog, type LogWindow, type PodLogOptions, type PodLogResult } from './apps/container-logs';
import { mergeWritten, trafficLogLines } from './network/load-logs';
import { execInContainer, execShellInput, type ExecResult } from './apps/exec';
import { attachTarget } from './apps/attach';
import { ShellSession } from './shell/session';
import { metricsApi } from './metrics/api';
import { networkClient, sendRequest, type NetworkRequest, type NetworkResponse } from './network';
import { runOnLaptop } from './network/laptop';
import { applyKubeadm, type KubeadmAction } from './kubeadm';
import { KubeProxy } from './network/kube-proxy-sync';
import { TrafficGenerator, settleTraffic, startTraffic, stopTraffic, trafficBetween, trafficStats, type TrafficStartSpec } from './network/load';

function requireKind(kind: Kind): void {
  if (!(KINDS as readonly string[]).includes(kind)) throw badRequest(`the server doesn't have a resource type "${String(kind)}"`);
}

class Sim implements Simulator {
  readonly seed: number;
  private e!: Engine;
  private scheduler!: Scheduler;
  private readonly fanout = new ChangeFanout();
  readonly metrics = metricsApi(() => this.e);

  constructor(private readonly opts: SimulatorOptions) {
    this.seed = opts.seed ?? 1;
    this.init();
    const start = opts.startTime ?? DEFAULT_START_TIME;
    this.e.time = start - BOOTSTRAP_LEAD_MS;
    bootstrapCluster(this.e, opts.cluster);
    this.e.advance(BOOTSTRAP_LEAD_MS);
    this.fanout.dropPending();
  }

  private init(): void {
    const e = new Engine(this.seed, this.opts.startTime ?? DEFAULT_START_TIME, resolveTimings(this.opts.timings), resolveLimits(this.opts.limits));
    this.scheduler = new Scheduler();
    for (const c of [new DeploymentController(), new ReplicaSetController(), new JobController(), new CronJobController(), this.scheduler, new Kubelet(), new EndpointsController(), new EndpointSliceController(), new KubeProxy(), new DaemonSetController(), new NodeLifecycleController(), new NodeStatusReporter(), new TaintEvictionController(), new DisruptionController(), new GarbageCollector(), new SystemPodKeeper(), new Prober(), new TrafficGenerator(), new IngressStatusController()]) e.register(c);
    if (this.opts.processView) e.processView = this.opts.processView;
    e.store.onChange((c) => {
      this.fanout.push(c);
      if (c.cause?.routine !== true) this.changes++;
    });
    this.e = e;
  }

  now(): number {
    return this.e.time;
  }

  timings(): Timings {
    return { ...this.e.timings };
  }

  resourceVersion(): string {
    return String(this.e.store.rv);
  }

  private changes = 0;
  changeCount(): number {
    return this.changes;
  }

  list(kind: Kind, namespace?: string, opts?: ListOptions): ListResult {
    const { items, resourceVersion } = this.listStored(kind, namespace, opts);
    return { items: items.map(deepClone), resourceVersion };
  }

  listStored(kind: Kind, namespace?: string, opts?: ListOptions): { items: readonly KubeObject[]; resourceVersion: string } {
    requireKind(kind);
    const label = opts?.labelSelector ? parseLabelSelector(opts.labelSelector) : undefined;
    const field = opts?.fieldSelector ? parseFieldSelector(opts.fieldSelector, kind) : undefined;
    const ns = CLUSTER_SCOPED.has(kind) ? undefined : namespace || undefined;
    const items: KubeObject[] = [];
    for (const o of this.e.store.values(kind, ns)) {
      if (label && !matchesLabelSelector(label, o.metadata?.labels)) continue;
      if (field && !matchesFieldSelector(field, o)) continue;
      items.push(o);
    }
    const key = (o: KubeObject) => keyOf(o.metadata!.name!, o.metadata!.namespace);
    items.sort((a, b) => (key(a) < key(b) ? -1 : 1));
    return { items, resourceVersion: this.resourceVersion() };
  }

  get(kind: Kind, name: string, namespace?: string): KubeObject {
    requireKind(kind);
    const obj = this.e.store.get(kind, keyOf(name, CLUSTER_SCOPED.has(kind) ? undefined : namespace || 'default'));
    if (!obj) throw notFound(kind, name);
    return deepClone(obj);
  }

  /** The stored pod (read-only) — logs and exec read it without copying. */
  private storedPod(name: string, namespace?: string): V1Pod {
    const pod = this.e.store.get('Pod', keyOf(name, namespace || 'default')) as V1Pod | undefined;
    if (!pod) throw notFound('Pod', name);
    return pod;
  }

  podLog(name: string, namespace: string | undefined, opts: PodLogOptions = {}): PodLogResult {
    const pod = this.storedPod(name, namespace);
    const rt = this.e.state.kubelet.get(keyOf(name, namespace || 'default'));
    const precise = rt?.uid === pod.metadata?.uid ? rt?.started : undefined;
    const traffic = this.e.state.network?.pods[keyOf(name, namespace || 'default')];
    const sent = traffic && traffic.uid === pod.metadata?.uid ? traffic.log : undefined;
    // lines of requests really sent, merged with the load generator's, which are made for the window read
    const written = (c: string, w: LogWindow) => mergeWritten(sent?.[c], trafficLogLines(this.e, pod, c, w.from, w.to, w.limit));
    const mainRuns = rt?.uid === pod.metadata?.uid ? rt?.mainRuns : undefined;
    return readPodLog(pod, this.e.time, opts, (c) => precise?.[c], undefined, written, (c) => mainRuns?.[c]);
  }

  /** The network as a process in this pod sees it (its resolv.conf search path, its IP as the source). */
  private podNetwork(pod: V1Pod) {
    return networkClient(this.e, { pod: pod.metadata!.name!, namespace: pod.metadata!.namespace });
  }

  exec(name: string, namespace: string | undefined, container: string | undefined, command: readonly string[]): ExecResult {
    const pod = this.storedPod(name, namespace);
    return execInContainer(pod, container, command, this.e.time, undefined, this.podNetwork(pod));
  }

  execShell(name: string, namespace: string | undefined, container: string | undefined): ShellSession {
    const pod = this.storedPod(name, namespace);
    const { input, shell } = execShellInput(pod, container, this.e.time, undefined, this.podNetwork(pod));
    if (!shell) throw badRequest(`OCI runtime exec failed: exec failed: unable to start container process: exec: "sh": executable file not found in $PATH: unknown`);
    return new ShellSession(input, shell, () => this.e.time);
  }

  attach(name: string, namespace: string | undefined, container: string | undefined): ShellSession {
    const pod = this.storedPod(name, namespace);
    const t = attachTarget(pod, container, this.e.time, undefined, this.podNetwork(pod));
    return new ShellSession(t.input, t.shell, () => this.e.time, (code) => this.endAttach(name, namespace, t.container, code));
  }

  endAttach(name: string, namespace: string | undefined, container: string, code: number): void {
    const key = keyOf(name, namespace || 'default');
    const rt = this.e.state.kubelet.get(key);
    if (rt?.stage !== 'running') return;
    rt.attachExit = { container, code };
    rt.due = this.e.time; // the waiting shell had no exit planned (due: Infinity); the kubelet sees it exit now
    this.e.enqueue(KUBELET, key);
  }

  sendRequest(req: NetworkRequest): NetworkResponse {
    return sendRequest(this.e, req);
  }

  runOnLaptop(argv: readonly string[]): ExecResult {
    return runOnLaptop(this.e, argv);
  }

  startTraffic(spec: TrafficStartSpec) {
    return startTraffic(this.e, spec);
  }
  stopTraffic(): boolean {
    return stopTraffic(this.e);
  }
  trafficStats() {
    return trafficStats(this.e);
  }
  trafficBetween(from: number, to: number) {
    return trafficBetween(this.e, from, to);
  }

  /** Runs a write; on failure (or dryRun) the rng is restored so nothing changes. */
  private write<T>(fn: () => T, dryRun?: boolean): T {
    const rng = this.e.rng.state;
    const rv = this.e.store.rv;
    try {
      const out = fn();
      if (dryRun) this.e.rng.state = rng;
      return out;
    } catch (err) {
      this.e.rng.state = rng;
      if (this.e.store.rv !== rv) throw new Error(`simulator bug: a failed call wrote to the store (${String(err)})`);
      throw err;
    } finally {
      this.flush();
    }
  }

  create(obj: KubeObject, opts?: WriteOptions): KubeObject {
    return deepClone(this.write(() => createObject(this.e, obj, opts), opts?.dryRun));
  }

  update(obj: KubeObject, opts?: WriteOptions): KubeObject {
    return deepClone(this.write(() => updateObject(this.e, obj, opts), opts?.dryRun));
  }

  patch(kind: Kind, name: string, namespace: string | undefined, patch: unknown, type: PatchType, opts?: WriteOptions): KubeObject {
    return deepClone(this.write(() => patchObject(this.e, kind, name, namespace, patch, type, opts), opts?.dryRun));
  }

  delete(kind: Kind, name: string, namespace?: string, opts?: DeleteOptions & WriteOptions): KubeObject {
    requireKind(kind);
    return deepClone(this.write(() => deleteObject(this.e, kind, name, namespace, opts), opts?.dryRun));
  }

  evict(name: string, namespace: string, opts?: DeleteOptions & WriteOptions): void {
    this.write(() => evictPod(this.e, name, namespace, opts), opts?.dryRun);
  }

  watch(kind: Kind, opts: { namespace?: string; resourceVersion?: string }, cb: (ev: SimWatchEvent) => void): Watch {
    requireKind(kind);
    let history: readonly SimWatchEvent[] = [];
    if (opts.resourceVersion && opts.resourceVersion !== '0') {
      const changes = this.e.store.changesSince(Number(opts.resourceVersion));
      if (!changes) throw expired(`too old resource version: ${opts.resourceVersion} (${this.e.store.rv})`);
      history = changes;
    }
    return this.fanout.watch(kind, opts.namespace || undefined, cb, history);
  }

  subscribe(cb: (events: SimWatchEvent[]) => void): () => void {
    return this.fanout.subscribe(cb);
  }

  private flush(): void {
    this.fanout.flush();
  }

  /** Delivers what one instant of simulated time changed (keeps batches small and short-lived). */
  private flushRound = (): void => this.flush();

  advance(ms: number): void {
    if (!(ms >= 0)) throw badRequest(`advance: ms must be a non-negative number, got ${ms}`);
    try {
      this.e.advance(ms, this.flushRound);
    } finally {
      this.flush();
    }
  }

  nextDueAt(): number | undefined {
    return this.e.timers.peekDue();
  }

  private node(name: string) {
    if (!this.e.store.get('Node', name)) throw notFound('Node', name);
    return nodeRuntime(this.e, name);
  }

  failNode(name: string): void {
    const rt = this.node(name);
    if (rt.downSince !== undefined) return;
    rt.downSince = this.e.time;
    this.e.enqueueAt(NODE_LIFECYCLE, name, this.e.time + this.e.timings.nodeMonitorGrace);
  }

  kubeadm(action: KubeadmAction): void {
    applyKubeadm(this.e, action);
    this.flush();
  }

  recoverNode(name: string): void {
    const rt = this.node(name);
    if (rt.downSince === undefined) return;
    rt.downSince = undefined;
    this.e.enqueue(NODE_LIFECYCLE, name);
    this.e.enqueue(NODE_STATUS, name);
    for (const key of this.e.store.podsByNode.get(name) ?? []) this.e.enqueue(KUBELET, key);
  }

  snapshot(): string {
    // the load generator counts lazily (network/load.ts): write its requests down so the text holds them
    settleTraffic(this.e);
    return encodeSnapshot(this.e, this.seed);
  }

  restore(snapshot: string): void {
    const data = decodeSnapshot(snapshot);
    const before = KINDS.flatMap((k) => [...this.e.store.values(k)].map((o) => ({ kind: k, o })));
    const e = this.e;
    loadSnapshot(e, data);
    if (!data.routineTimers) scheduleNodeReports(e);
    this.scheduler.rebuild(e);
    // Tell subscribers their caches are stale: everything old is gone, everything restored is new.
    this.fanout.announce(() => [
      ...before.map(({ kind, o }) => ({ type: 'DELETED' as const, kind, object: o })),
      ...data.objects.flatMap(([kind, objs]) => objs.map((o) => ({ type: 'ADDED' as const, kind, object: o }))),
    ]);
  }
}

/** Creates a deterministic simulated cluster. Same seed + same calls ⇒ byte-identical snapshots. */
export function createSimulator(opts: SimulatorOptions = {}): Simulator {
  return new Sim(opts);
}
