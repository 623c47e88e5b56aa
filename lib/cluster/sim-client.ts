/**
 * SimClient: the ClusterClient over the in-browser simulator engine.
 * The simulator is synchronous; this adapter makes it look like a remote cluster (async calls,
 * batched change notifications) and owns the clock: real time × speed while playing.
 */
import { createSimulator, K8S_VERSION } from '../sim';
import { KINDS, isStatusError, type Kind, type KubeObject } from '../k8s/types';
import type { DeleteOptions, ListOptions, PatchType, Timings } from '../k8s/client-types';
import type { ClusterConfig, PodLogOptions, SimWatchEvent, Simulator } from '../sim/types';
import type { LabEntry } from '../store/lab-session';
import { replayLab } from '../store/lab-journal';
import type { EngineClient } from './engine-client';
import type { AsyncMetricsApi, ClusterChange, ClusterInfo, ConnectionState, FailureControls, SkipResult, TimeControls, TrafficControls } from './types';
import { objectKey } from './types';
import { asyncMetrics } from './async-metrics';
import { addListener } from './listeners';
import { skipToNextDue } from './skip-ahead';
import { LocalClusterView } from './local-cluster-view';
import { ClockKnobs, SKIP_HORIZON_MS, type Pacer } from './clock-knobs';

export interface SimClientOptions {
  seed?: number;
  cluster?: ClusterConfig;
  timings?: Partial<Timings>;
  /** Run after every (re)creation of the simulator, e.g. a lesson's starting objects. */
  onReset?: (client: SimClient) => void | Promise<void>;
  /** Start the clock automatically (default true). Tests pass false and call time.step(). */
  autoplay?: boolean;
  /** Wall-clock tick of the play loop, ms (default 100). */
  tickMs?: number;
}

export { MAX_SPEED } from './clock-knobs';

function keyOf(kind: Kind, obj: KubeObject): string {
  return objectKey(kind, obj.metadata?.name ?? '', obj.metadata?.namespace);
}

/** Wrap a synchronous simulator call so errors surface as rejected promises, like a real API call. */
function call<T>(fn: () => T): Promise<T> {
  try {
    return Promise.resolve(fn());
  } catch (e) {
    return Promise.reject(isStatusError(e) ? e : e instanceof Error ? e : new Error(String(e)));
  }
}

/** The clock of an engine on this thread: a step or a skip has happened when the call returns. */
export type SyncTimeControls = Omit<TimeControls, 'step' | 'skipToNextEvent'> & { step(ms: number): void; skipToNextEvent(maxMs?: number): SkipResult | null };

export class SimClient extends LocalClusterView implements EngineClient {
  readonly mode = 'sim' as const;
  readonly time: SyncTimeControls;
  readonly failures: FailureControls;
  private sim: Simulator;
  private seed: number;
  private readonly opts: SimClientOptions;
  private pending: ClusterChange[] = [];
  private flushScheduled = false;
  private unsubscribeSim: () => void = () => {};
  private readonly knobs = new ClockKnobs();
  private disposed = false;
  /** Resolves when the latest reset (including onReset) has finished. */
  ready: Promise<void> = Promise.resolve();

  constructor(opts: SimClientOptions = {}) {
    super();
    this.opts = opts;
    this.seed = opts.seed ?? 1;
    this.sim = this.attach(createSimulator({ seed: this.seed, cluster: opts.cluster, timings: opts.timings }));
    this.ready = this.runOnReset();
    this.time = {
      ...this.knobs.controls(this),
      step: (ms) => this.advanceBy(ms),
      now: () => this.sim.now(),
      reset: (seed) => this.reset(seed),
      timings: () => this.sim.timings(),
      skipToNextEvent: (maxMs) => this.skipToNextEvent(maxMs ?? SKIP_HORIZON_MS),
    };
    this.failures = {
      failNode: (name) => call(() => this.sim.failNode(name)),
      recoverNode: (name) => call(() => this.sim.recoverNode(name)),
    };
    if (opts.autoplay !== false && typeof setInterval === 'function') this.play();
  }

  /** The engine itself, for lessons and scenarios that need more than the ClusterClient surface. */
  engine(): Simulator {
    return this.sim;
  }

  info(): ClusterInfo {
    return this.simInfo(K8S_VERSION);
  }

  list(kind: Kind, namespace?: string, opts?: ListOptions) {
    return call(() => this.sim.list(kind, namespace, opts).items);
  }
  get(kind: Kind, name: string, namespace?: string) {
    return call(() => this.sim.get(kind, name, namespace));
  }
  create(obj: KubeObject, opts?: { dryRun?: boolean }) {
    return call(() => this.sim.create(obj, { dryRun: opts?.dryRun }));
  }
  update(obj: KubeObject) {
    return call(() => this.sim.update(obj));
  }
  patch(kind: Kind, name: string, namespace: string | undefined, patch: unknown, type: PatchType) {
    return call(() => this.sim.patch(kind, name, namespace, patch, type));
  }
  delete(kind: Kind, name: string, namespace?: string, opts?: DeleteOptions) {
    return call(() => this.sim.delete(kind, name, namespace, opts));
  }

  evict(name: string, namespace: string) {
    return call(() => this.sim.evict(name, namespace));
  }

  /** Rebuild a saved lab's writes in this engine (lab-journal.ts replayLab). */
  replayLab(entries: readonly LabEntry[], endAt: number): Promise<void> {
    return call(() => {
      replayLab(this.sim, entries, endAt);
      this.flush();
    });
  }

  podLog(name: string, namespace: string, opts: PodLogOptions) {
    return call(() => this.sim.podLog(name, namespace, opts));
  }
  exec(name: string, namespace: string, container: string | undefined, command: readonly string[]) {
    return call(() => this.sim.exec(name, namespace, container, command));
  }
  execShell(name: string, namespace: string, container: string | undefined) {
    return call(() => this.sim.execShell(name, namespace, container));
  }
  attachShell(name: string, namespace: string, container: string | undefined) {
    return call(() => this.sim.attach(name, namespace, container));
  }
  readonly metrics: AsyncMetricsApi = asyncMetrics(() => this.sim.metrics);
  runOnLaptop(argv: readonly string[]) {
    return call(() => this.sim.runOnLaptop(argv));
  }
  readonly traffic: TrafficControls = {
    start: (spec) => call(() => this.sim.startTraffic(spec)),
    stop: () => call(() => this.sim.stopTraffic()),
    stats: () => call(() => this.sim.trafficStats()),
    between: (from, to) => call(() => this.sim.trafficBetween(from, to)),
  };

  /** Advance simulated time now (used by the step button and by tests). */
  advance(ms: number): void {
    this.sim.advance(ms);
    this.flush();
  }

  /** Move simulated time by ms: straight through, or in whole quanta with the pacer's check after each. */
  private advanceBy(ms: number): void {
    const p = this.knobs.pacer;
    if (!p) return this.advance(ms);
    p.credit += ms;
    while (this.knobs.pacer === p && p.credit >= p.quantumMs) {
      p.credit -= p.quantumMs;
      this.stepQuantum(p);
    }
    // The wait ended mid-way: the rest of the earned time passes as usual.
    if (this.knobs.pacer !== p && p.credit > 0) {
      const rest = p.credit;
      p.credit = 0;
      this.advanceBy(rest);
    }
  }

  private stepQuantum(p: Pacer): void {
    this.advance(p.quantumMs);
    if (p.afterQuantum() && this.knobs.pacer === p) this.knobs.pacer = null;
  }

  /** "다음 사건으로" (skip-ahead.ts); while paced, time moves in whole quanta like live play. */
  private skipToNextEvent(maxMs: number): SkipResult | null {
    return skipToNextDue(this.sim, maxMs, (due) => {
      const p = this.knobs.pacer;
      if (!p) return this.advance(due - this.sim.now());
      p.credit = 0;
      this.stepQuantum(p);
    });
  }

  reset(seed?: number): void {
    if (seed !== undefined) this.seed = seed;
    this.unsubscribeSim();
    this.pending.push(...this.clearCache());
    this.sim = this.attach(createSimulator({ seed: this.seed, cluster: this.opts.cluster, timings: this.opts.timings }));
    this.ready = this.runOnReset();
  }

  dispose(): void {
    this.disposed = true;
    this.knobs.dispose();
    this.unsubscribeSim();
    this.listeners.clear();
  }

  private async runOnReset(): Promise<void> {
    this.flush();
    if (this.opts.onReset) await this.opts.onReset(this);
    this.flush();
  }

  private attach(sim: Simulator): Simulator {
    for (const kind of KINDS) {
      for (const obj of sim.list(kind).items) {
        const key = keyOf(kind, obj);
        this.cache.set(key, obj);
        this.pending.push({ type: 'upsert', kind, key, object: obj });
      }
    }
    this.unsubscribeSim = sim.subscribe((events) => this.onSimEvents(events));
    return sim;
  }

  private onSimEvents(events: SimWatchEvent[]): void {
    for (const ev of events) {
      const key = keyOf(ev.kind, ev.object);
      if (ev.type === 'DELETED') {
        this.cache.delete(key);
        this.pending.push({ type: 'delete', kind: ev.kind, key, object: ev.object, cause: ev.cause });
      } else {
        this.cache.set(key, ev.object);
        this.pending.push({ type: 'upsert', kind: ev.kind, key, object: ev.object, cause: ev.cause });
      }
    }
    this.scheduleFlush();
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    queueMicrotask(() => this.flush());
  }

  private flush(): void {
    this.flushScheduled = false;
    if (this.pending.length === 0 || this.disposed) return;
    const batch = this.pending;
    this.pending = [];
    for (const l of this.listeners) l(batch);
  }

  /** Real time × speed (ClockKnobs.play), straight or paced like a step. */
  play(): void {
    this.knobs.play(this.opts.tickMs ?? 100, (simMs) => this.advanceBy(simMs));
  }

  pause(): void {
    this.knobs.pause();
  }
}
