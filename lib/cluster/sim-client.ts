/**
 * SimClient: the ClusterClient over the in-browser simulator engine.
 * The simulator is synchronous; this adapter makes it look like a remote cluster (async calls,
 * batched change notifications) and owns the clock: real time × speed while playing.
 */
import { createSimulator, K8S_VERSION } from '../sim';
import { KINDS, isStatusError, type Kind, type KubeObject } from '../k8s/types';
import type { DeleteOptions, ListOptions, PatchType, Timings } from '../k8s/client-types';
import type { ClusterConfig, PodLogOptions, SimWatchEvent, Simulator } from '../sim/types';
import type { AsyncMetricsApi, ClusterChange, ClusterClient, ClusterInfo, ConnectionState, FailureControls, SkipResult, TimeControls } from './types';
import { objectKey } from './types';
import { asyncMetrics } from './async-metrics';
import { addListener } from './listeners';
import { skipToNextDue } from './skip-ahead';

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

const MIN_SPEED = 0.5;
/** Node eviction waits 40 s + 300 s of simulated time; at 60× a class sees it in about six seconds. */
export const MAX_SPEED = 60;
/** How far "다음 사건으로" looks ahead before it gives up (simulated ms). */
const SKIP_HORIZON_MS = 15 * 60_000;

/** A scenario step's wait: time moves in whole quanta and the check runs after each (see TimeControls.pace). */
interface Pacer {
  quantumMs: number;
  afterQuantum: () => boolean;
  /** Earned simulated ms not yet spent in a whole quantum. */
  credit: number;
}

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

export class SimClient implements ClusterClient {
  readonly mode = 'sim' as const;
  readonly time: TimeControls;
  readonly failures: FailureControls;
  private sim: Simulator;
  private seed: number;
  private readonly opts: SimClientOptions;
  private readonly cache = new Map<string, KubeObject>();
  private readonly listeners = new Set<(c: ClusterChange[]) => void>();
  private pending: ClusterChange[] = [];
  private flushScheduled = false;
  private unsubscribeSim: () => void = () => {};
  private timer: ReturnType<typeof setInterval> | null = null;
  private lastWall = 0;
  private speedFactor = 1;
  private pacer: Pacer | null = null;
  private holds = 0;
  private readonly clockListeners = new Set<() => void>();
  private disposed = false;
  /** Resolves when the latest reset (including onReset) has finished. */
  ready: Promise<void> = Promise.resolve();

  constructor(opts: SimClientOptions = {}) {
    this.opts = opts;
    this.seed = opts.seed ?? 1;
    this.sim = this.attach(createSimulator({ seed: this.seed, cluster: opts.cluster, timings: opts.timings }));
    this.ready = this.runOnReset();
    this.time = {
      playing: () => this.timer !== null,
      setPlaying: (p) => {
        if (p) this.play();
        else this.pause();
        this.notifyClock();
      },
      speed: () => this.speedFactor,
      setSpeed: (x) => {
        this.speedFactor = Math.min(MAX_SPEED, Math.max(MIN_SPEED, x));
        this.notifyClock();
      },
      step: (ms) => this.advanceBy(ms),
      now: () => this.sim.now(),
      reset: (seed) => this.reset(seed),
      timings: () => this.sim.timings(),
      onChange: (cb) => addListener(this.clockListeners, cb),
      pace: (quantumMs, afterQuantum) => {
        const pacer: Pacer = { quantumMs, afterQuantum, credit: 0 };
        this.pacer = pacer;
        return () => {
          if (this.pacer === pacer) this.pacer = null;
        };
      },
      hold: () => {
        this.holds++;
        let released = false;
        return () => {
          if (!released) this.holds--;
          released = true;
        };
      },
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
    return { mode: 'sim', server: '시뮬레이터', version: K8S_VERSION, writable: true, namespaces: ['default', 'kube-system'] };
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

  podLog(name: string, namespace: string, opts: PodLogOptions) {
    return call(() => this.sim.podLog(name, namespace, opts));
  }
  exec(name: string, namespace: string, container: string | undefined, command: readonly string[]) {
    return call(() => this.sim.exec(name, namespace, container, command));
  }
  execShell(name: string, namespace: string, container: string | undefined) {
    return call(() => this.sim.execShell(name, namespace, container));
  }
  readonly metrics: AsyncMetricsApi = asyncMetrics(() => this.sim.metrics);
  runOnLaptop(argv: readonly string[]) {
    return call(() => this.sim.runOnLaptop(argv));
  }

  cached(): ReadonlyMap<string, KubeObject> {
    return this.cache;
  }

  subscribe(cb: (changes: ClusterChange[]) => void): () => void {
    return addListener(this.listeners, cb);
  }

  connection(): ConnectionState {
    return 'connected';
  }
  onConnection(): () => void {
    return () => {};
  }

  /** Advance simulated time now (used by the step button and by tests). */
  advance(ms: number): void {
    this.sim.advance(ms);
    this.flush();
  }

  /** Move simulated time by ms: straight through, or in whole quanta with the pacer's check after each. */
  private advanceBy(ms: number): void {
    const p = this.pacer;
    if (!p) return this.advance(ms);
    p.credit += ms;
    while (this.pacer === p && p.credit >= p.quantumMs) {
      p.credit -= p.quantumMs;
      this.stepQuantum(p);
    }
    // The wait ended mid-way: the rest of the earned time passes as usual.
    if (this.pacer !== p && p.credit > 0) {
      const rest = p.credit;
      p.credit = 0;
      this.advanceBy(rest);
    }
  }

  private stepQuantum(p: Pacer): void {
    this.advance(p.quantumMs);
    if (p.afterQuantum() && this.pacer === p) this.pacer = null;
  }

  /** "다음 사건으로" (skip-ahead.ts); while paced, time moves in whole quanta like live play. */
  private skipToNextEvent(maxMs: number): SkipResult | null {
    return skipToNextDue(this.sim, maxMs, (due) => {
      const p = this.pacer;
      if (!p) return this.advance(due - this.sim.now());
      p.credit = 0;
      this.stepQuantum(p);
    });
  }

  private notifyClock(): void {
    for (const l of this.clockListeners) l();
  }

  reset(seed?: number): void {
    if (seed !== undefined) this.seed = seed;
    this.unsubscribeSim();
    for (const [key, object] of this.cache) this.pending.push({ type: 'delete', kind: key.split('/')[0] as Kind, key, object });
    this.cache.clear();
    this.sim = this.attach(createSimulator({ seed: this.seed, cluster: this.opts.cluster, timings: this.opts.timings }));
    this.ready = this.runOnReset();
  }

  dispose(): void {
    this.disposed = true;
    this.pause();
    this.pacer = null;
    this.unsubscribeSim();
    this.listeners.clear();
    this.clockListeners.clear();
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

  private play(): void {
    if (this.timer !== null || this.disposed) return;
    this.lastWall = Date.now();
    const tick = this.opts.tickMs ?? 100;
    this.timer = setInterval(() => {
      const wall = Date.now();
      // A backgrounded tab fires late; cap one catch-up step so the cluster doesn't jump minutes at once. The wall
      // clock can also step back (NTP, a changed system time): simulated time never does.
      const elapsed = Math.max(0, Math.min(wall - this.lastWall, 1000));
      this.lastWall = wall;
      if (this.holds > 0) return;
      this.advanceBy(elapsed * this.speedFactor);
    }, tick);
  }

  private pause(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }
}
