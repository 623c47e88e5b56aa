/**
 * WorkerSimClient: the ClusterClient over a simulator that runs behind a SimPort (a Web Worker in the browser). The
 * page keeps a projection of the cluster (cached()), updated from the changes each answer carries, and the clock:
 * play, speed, pacing and holds work as in SimClient, but each step is a message and the engine's work happens on
 * the other side. The same seed and the same calls give the same cluster as SimClient (both drive one engine the same
 * way), so share links, scenarios and saved labs are unchanged.
 */
import type { Kind, KubeObject } from '../k8s/types';
import type { DeleteOptions, ListOptions, PatchType, Timings } from '../k8s/client-types';
import type { ClusterConfig, ExecResult, PodLogOptions, PodLogResult } from '../sim/types';
import type { SessionOutput } from '../sim/shell/session';
import type { LabEntry } from '../store/lab-session';
import type { AsyncMetricsApi, ClusterChange, ClusterInfo, ConnectionState, FailureControls, SkipResult, TimeControls, TrafficControls } from './types';
import type { EngineClient, ShellHandle } from './engine-client';
import { objectKey } from './types';
import { addListener } from './listeners';
import { PlayClock } from './play-clock';
import { LocalClusterView } from './local-cluster-view';
import { applyFieldPatch } from './field-patch';
import { decodeError, deletedObject, type ClockState, type SimOp, type SimPort, type SimReady, type SimResponse } from './sim-protocol';

export interface WorkerSimClientOptions {
  seed?: number;
  cluster?: ClusterConfig;
  timings?: Partial<Timings>;
  onReset?: (client: WorkerSimClient) => void | Promise<void>;
  autoplay?: boolean;
  tickMs?: number;
}

interface Pending {
  resolve(v: unknown): void;
  reject(e: Error): void;
}

export class WorkerSimClient extends LocalClusterView implements EngineClient {
  readonly mode = 'sim' as const;
  readonly time: TimeControls;
  readonly failures: FailureControls;
  private readonly engineListeners = new Set<(ms: number) => void>();
  private readonly pending = new Map<number, Pending>();
  private readonly clock: PlayClock;
  private nextId = 1;
  /** Id of the latest reset request: answers to older requests describe the engine before it, so their changes are dropped. */
  private resetId = 0;
  private seed: number;
  private simNow = 0;
  private simTimings: Timings | null = null;
  /** Kubernetes version the engine imitates (sent by the engine, so the page needn't load the engine for it). */
  private version = '';
  private failure: string | null = null;
  private portFailed = false;
  private disposed = false;
  /** Resolves when the latest reset (including onReset) has finished; rejects when the engine could not start. */
  ready: Promise<void>;

  constructor(
    private readonly port: SimPort,
    private readonly opts: WorkerSimClientOptions = {},
  ) {
    super();
    this.seed = opts.seed ?? 1;
    port.onMessage((res) => this.receive(res));
    port.onFailure((message) => {
      this.portFailed = true;
      this.fail(message);
    });
    this.clock = new PlayClock({
      advance: (ms) => this.advance(ms),
      clockState: () => this.request<ClockState>('clockState'),
      skip: (maxMs) => this.request<SkipResult | null>('skip', maxMs),
      tickMs: opts.tickMs ?? 100,
    });
    this.time = this.clock.controls({
      now: () => this.simNow,
      timings: () => {
        if (!this.simTimings) throw new Error('시뮬레이터가 아직 준비되지 않았습니다.');
        return this.simTimings;
      },
      reset: (seed) => this.reset(seed),
    });
    this.failures = {
      failNode: (name) => this.request<void>('failNode', name),
      recoverNode: (name) => this.request<void>('recoverNode', name),
    };
    this.ready = this.start(this.request<SimReady>('init', { seed: this.seed, cluster: opts.cluster, timings: opts.timings }));
    if (opts.autoplay !== false && typeof setInterval === 'function') this.clock.play();
  }

  info(): ClusterInfo {
    return this.simInfo(this.version);
  }

  paceTo(taken: () => Promise<void>): () => void {
    return this.clock.paceTo(taken);
  }

  list(kind: Kind, namespace?: string, opts?: ListOptions) {
    return this.request<KubeObject[]>('list', kind, namespace, opts);
  }
  get(kind: Kind, name: string, namespace?: string) {
    return this.request<KubeObject>('get', kind, name, namespace);
  }
  create(obj: KubeObject, opts?: { dryRun?: boolean }) {
    return this.request<KubeObject>('create', obj, { dryRun: opts?.dryRun });
  }
  update(obj: KubeObject) {
    return this.request<KubeObject>('update', obj);
  }
  patch(kind: Kind, name: string, namespace: string | undefined, patch: unknown, type: PatchType) {
    return this.request<KubeObject>('patch', kind, name, namespace, patch, type);
  }
  delete(kind: Kind, name: string, namespace?: string, opts?: DeleteOptions) {
    return this.request<KubeObject>('delete', kind, name, namespace, opts);
  }
  evict(name: string, namespace: string) {
    return this.request<void>('evict', name, namespace);
  }
  podLog(name: string, namespace: string, opts: PodLogOptions) {
    return this.request<PodLogResult>('podLog', name, namespace, opts);
  }
  exec(name: string, namespace: string, container: string | undefined, command: readonly string[]) {
    return this.request<ExecResult>('exec', name, namespace, container, command);
  }
  /** The shell lives with the engine; each line is one round trip and the prompt follows `cd`. */
  execShell(name: string, namespace: string, container: string | undefined): Promise<ShellHandle> {
    return this.openShell('execShell', name, namespace, container);
  }
  /** `kubectl run -it`: the container's main shell, kept by the engine like an exec'd one. */
  attachShell(name: string, namespace: string, container: string | undefined): Promise<ShellHandle> {
    return this.openShell('attachShell', name, namespace, container);
  }
  private async openShell(op: 'execShell' | 'attachShell', name: string, namespace: string, container: string | undefined): Promise<ShellHandle> {
    const opened = await this.request<{ id: number; prompt: string }>(op, name, namespace, container);
    let prompt = opened.prompt;
    return {
      prompt: () => prompt,
      run: async (line: string): Promise<SessionOutput> => {
        const r = await this.request<{ output: SessionOutput; prompt: string }>('shellRun', opened.id, line);
        prompt = r.prompt;
        return r.output;
      },
    };
  }

  /** metrics.k8s.io reads (`kubectl top`), answered by the engine. */
  readonly metrics: AsyncMetricsApi = {
    listPods: (...args) => this.request('metrics', 'listPods', ...args),
    getPod: (...args) => this.request('metrics', 'getPod', ...args),
    listNodes: (...args) => this.request('metrics', 'listNodes', ...args),
    getNode: (...args) => this.request('metrics', 'getNode', ...args),
  };

  /** A command on the student's laptop outside the cluster (`curl http://NODE-IP:NODEPORT/`). */
  runOnLaptop(argv: readonly string[]) {
    return this.request<ExecResult>('runOnLaptop', argv);
  }

  /** The load generator, run by the engine on its own clock (lib/sim/network/load.ts). */
  readonly traffic: TrafficControls = {
    start: (spec) => this.request('traffic', 'start', spec),
    stop: () => this.request('traffic', 'stop'),
    stats: () => this.request('traffic', 'stats'),
    between: (from, to) => this.request('traffic', 'between', from, to),
  };

  /** Rebuild a saved lab inside the engine (lab-journal.ts replayLab). */
  replayLab(entries: readonly LabEntry[], endAt: number): Promise<void> {
    return this.request<void>('replayLab', entries, endAt);
  }
  snapshot(): Promise<string> {
    return this.request<string>('snapshot');
  }
  restore(snapshot: string): Promise<void> {
    return this.request<void>('restore', snapshot);
  }

  /** Advance simulated time; resolves once the engine has and its changes are in cached(). */
  advance(ms: number): Promise<void> {
    return this.request<void>('advance', ms);
  }

  /** The engine's own time per clock step (in its thread), for bench:graph. */
  onEngineStep(cb: (ms: number) => void): () => void {
    return addListener(this.engineListeners, cb);
  }

  reset(seed?: number): void {
    if (seed !== undefined) this.seed = seed;
    this.emit(this.clearCache());
    this.resetId = this.nextId;
    this.ready = this.start(this.request<SimReady>('reset', this.seed));
  }

  dispose(): void {
    this.disposed = true;
    this.clock.dispose();
    this.listeners.clear();
    this.engineListeners.clear();
    this.port.close();
    this.fail('시뮬레이터가 종료되었습니다.');
  }

  private async start(started: Promise<SimReady>): Promise<void> {
    const { timings, version } = await started;
    this.simTimings = timings;
    this.version = version;
    if (this.opts.onReset) await this.opts.onReset(this);
  }

  private request<T>(op: SimOp, ...args: unknown[]): Promise<T> {
    if (this.failure) return Promise.reject(new Error(this.failure));
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.port.post({ id, op, args });
    });
  }

  private receive(res: SimResponse): void {
    this.simNow = res.now;
    if (res.changes.length > 0 && !this.disposed && res.id >= this.resetId) {
      try {
        this.emit(this.project(res.changes));
      } catch (e) {
        // The page's copy no longer matches the engine's: every call fails with the reason rather than show a wrong cluster.
        this.fail(e instanceof Error ? e.message : String(e));
      }
    }
    if (res.partial) return;
    if (res.engineMs !== undefined) for (const l of this.engineListeners) l(res.engineMs);
    const p = this.pending.get(res.id);
    if (!p) return;
    this.pending.delete(res.id);
    if (res.ok) p.resolve(res.value);
    else p.reject(decodeError(res.error!));
  }

  /** Fold one answer's changes into the projection; O(changes), a field patch O(its fields). */
  private project(wire: SimResponse['changes']): ClusterChange[] {
    const out: ClusterChange[] = new Array(wire.length);
    for (let i = 0; i < wire.length; i++) {
      const w = wire[i];
      if (w[0] === 2) {
        const [, kind, key, patch, cause] = w;
        const last = this.cache.get(key);
        // The engine side patches only what it sent before, in order, so the page holds it (sim-host.ts sendUpsert).
        if (!last) throw new Error(`시뮬레이터가 보낸 변경의 원본이 없습니다: ${key}`);
        const object = applyFieldPatch(last, patch);
        this.cache.set(key, object);
        out[i] = cause ? { type: 'upsert', kind, key, object, cause } : { type: 'upsert', kind, key, object };
        continue;
      }
      const [del, kind, sent, cause] = w;
      const key = objectKey(kind, sent.metadata?.name ?? '', sent.metadata?.namespace);
      const object = del ? deletedObject(this.cache.get(key), sent) : sent;
      if (del) this.cache.delete(key);
      else this.cache.set(key, object);
      out[i] = cause ? { type: del ? 'delete' : 'upsert', kind, key, object, cause } : { type: del ? 'delete' : 'upsert', kind, key, object };
    }
    return out;
  }

  private emit(changes: ClusterChange[]): void {
    if (changes.length === 0) return;
    for (const l of this.listeners) l(changes);
  }

  /** The engine side failed to start or stopped answering (not a failed request). */
  unreachable(): boolean {
    return this.portFailed;
  }

  private fail(message: string): void {
    this.failure ??= message;
    for (const p of this.pending.values()) p.reject(new Error(message));
    this.pending.clear();
  }
}
