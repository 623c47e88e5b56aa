/**
 * The control-plane runtime: object store + clock + seeded rng + work queues + a timer heap.
 * Controllers are reconcile functions fed by queues: store changes enqueue keys (like informers),
 * timers enqueue keys later (like workqueue.AddAfter). `advance()` drains queues, then jumps to the
 * next due timer — so the work per tick is proportional to what changed, never to cluster size.
 */
import type { MainRun } from './controllers/kubelet-networked-main';
import type { Kind, KubeObject, WatchEventType } from '../k8s/types';
import { API_VERSION } from '../k8s/types';
import { kindOf } from '../k8s/kinds';
import type { Cause, Limits, Timings } from './types';
import { Rng } from './rng';
import { Store, keyOf, type StoreChange } from './store';
import { TimerQueue } from './timer-queue';
import { EventRecorder } from './events';
import type { SpamBuckets } from './event-spam';
import { toIso } from './timings';
import { withFields } from './json';
import { DEFAULT_LIMITS } from './limits';
import type { ProcessViewFactory } from './prober/process-view';
import { appProcessView } from './apps/process-view';
import type { ProbeWorker } from './prober/worker';
import type { InitRuntime } from './controllers/kubelet-init';
import type { NetworkRuntime } from './network/state';
import type { KubeProxyRuntime } from './network/kube-proxy-sync';
import type { TrafficRuntime } from './network/load';

/** A reconcile loop. `onChange` maps store changes to keys (cheaply); `reconcile` converges one key. */
export interface Controller {
  readonly name: string;
  /** kinds whose changes reach onChange (routing keeps Event churn away from controllers) */
  readonly watches: readonly Kind[];
  /**
   * For a watched kind, the change types onChange acts on (default: all). A pod's status write is one of tens of
   * thousands in a rollout; a controller that only reacts to deletions says so and is not called for the rest.
   */
  readonly changeTypes?: Partial<Record<Kind, readonly WatchEventType[]>>;
  onChange?(c: StoreChange, e: Engine): void;
  reconcile(key: string, e: Engine): void;
  /**
   * Called before every work item any controller processes (with its name) and on every store write (source
   * 'store', with the change, at the instant it is applied). The load generator settles its counts here and learns
   * what may change its answers (network/load.ts). Must be cheap: it runs on the engine's hot path.
   */
  beforeWork?(source: string, e: Engine, change?: StoreChange): void;
}

/** Per-pod runtime state the kubelet keeps (serialisable, part of snapshots). */
export interface PodRuntime {
  uid: string;
  stage: 'mounting' | 'pulling' | 'errImagePull' | 'imagePullBackOff' | 'starting' | 'running' | 'exited' | 'crashBackOff' | 'terminating' | 'done';
  /** when the current stage ends */
  due: number;
  pullFailures: number;
  crashes: number;
  /** failed attempts to set up the pod's ConfigMap/Secret volumes (controllers/kubelet-config.ts) */
  mountFailures?: number;
  /** the container's restart back-off (controllers/container-backoff.ts): current length and when it last changed */
  backoffMs?: number;
  backoffUpdatedAt?: number;
  /** when the crashing container last exited (epoch ms) */
  exitedAt?: number;
  /** the grace period (s) the current termination was started or last shortened with */
  terminatingGrace?: number;
  /** when each container of a terminating pod gets (or got) SIGTERM, after its preStop hook (epoch ms) */
  sigtermAt?: Record<string, number>;
  /** container start times in epoch ms (status timestamps only keep seconds) */
  started?: Record<string, number>;
  /** containers being restarted because their image changed */
  restart?: string[];
  /** containers whose image pull is in flight (they get a Pulled event when it ends) */
  pulling?: string[];
  /** the container whose exit the back-off is about (it exited, was OOM-killed or failed its liveness probe) */
  crashed?: string;
  /** init containers still running (controllers/kubelet-init.ts); absent once the pod is initialized */
  init?: InitRuntime;
  /** an attached session ended the container's main shell with `exit N` (apps/attach.ts); the kubelet exits it next */
  attachExit?: { container: string; code: number };
  /** main commands that used the network, run once at their start (controllers/kubelet-networked-main.ts) */
  mainRuns?: Record<string, MainRun>;
}

export interface NodeRuntime {
  /** kubelet stopped heartbeating at this time (failNode); undefined when healthy */
  downSince?: number;
  /** rotating cursor for host-local style IP allocation */
  ipCursor: number;
  /** images present on the node (canonical refs) */
  images: string[];
  /** registered by kubeadm on a bare machine: Ready only once a CNI pod runs on it (lib/sim/kubeadm.ts) */
  cniRequired?: boolean;
}

/**
 * The kubelets' pod runtimes by pod key: a Map (thousands of keys come and go in a rollout, and the kubelet reads one
 * per reconcile; as a plain object it was a dictionary-mode object). Serialises as the plain object snapshots hold, in
 * the same order: both keep insertion order, and pod keys contain '/', so none is an integer-like property name.
 */
export class PodRuntimes extends Map<string, PodRuntime> {
  toJSON(): Record<string, PodRuntime> {
    return Object.fromEntries(this);
  }
}

/** Everything besides the store that a snapshot must carry. Plain JSON (PodRuntimes and SpamBuckets serialise to it). */
export interface EngineState {
  kubelet: PodRuntimes;
  nodes: Record<string, NodeRuntime>;
  eventSeq: number;
  /** client-go's event spam filter: [tokens, last refill ms] per source + involved object (a Map in memory, an object in JSON) */
  eventSpam: Record<string, [number, number]> | SpamBuckets;
  spamSweepSeq: number;
  /** probe workers and OOM watches by `ns/pod#container#type` (prober/worker.ts); absent in older snapshots */
  prober?: Record<string, ProbeWorker>;
  /** the cluster network's memory (network/state.ts); absent until the first request */
  network?: NetworkRuntime;
  /** the load generator (network/load.ts); absent until it first runs */
  traffic?: TrafficRuntime;
  /** kube-proxy's programmed EndpointSlices (network/kube-proxy-sync.ts); absent in older snapshots */
  kubeProxy?: KubeProxyRuntime;
}

export interface InvolvedObject {
  kind: Kind;
  name: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  fieldPath?: string;
}


/** A controller's work queue: keys in arrival order, each at most once until it is taken. */
interface WorkQueue {
  items: string[];
  set: Set<string>;
}

const ALL_CHANGE_TYPES: readonly WatchEventType[] = ['ADDED', 'MODIFIED', 'DELETED'];

export class Engine {
  readonly store = new Store();
  readonly timers = new TimerQueue();
  /**
   * Wake-ups for routine work that repeats what is already known (a kubelet's unchanged node status every 5 minutes):
   * they fire with the others, but `nextDueAt` (skip-ahead's "next event") does not see them.
   */
  readonly routineTimers = new TimerQueue();
  rng: Rng;
  time: number;
  state: EngineState = { kubelet: new PodRuntimes(), nodes: {}, eventSeq: 0, eventSpam: {}, spamSweepSeq: 5_000 };
  /** controllers to call per kind and change type, in registration order */
  private routes = new Map<Kind, Record<WatchEventType, Controller[]>>();
  private queues = new Map<string, WorkQueue>();
  /** each controller beside its queue, in registration order: the drain loop runs without a lookup per controller */
  private work: { c: Controller; q: WorkQueue }[] = [];
  private workHooks: Controller[] = [];
  private readonly events = new EventRecorder(this);
  /** what the prober and the OOM check observe of a running container (replaceable by the application model) */
  processView: ProcessViewFactory = appProcessView;

  constructor(
    seed: number,
    startTime: number,
    readonly timings: Timings,
    readonly limits: Limits = DEFAULT_LIMITS,
  ) {
    this.rng = new Rng(seed);
    this.time = startTime;
    // indexed loops on this path (every store write): a cold process runs it interpreted at first, where for…of pays
    // for the iterator protocol on every write
    this.store.onChange((c) => {
      const hooks = this.workHooks;
      for (let i = 0; i < hooks.length; i++) hooks[i].beforeWork!('store', this, c);
      const byType = this.routes.get(c.kind);
      if (byType) {
        const ctls = byType[c.type];
        for (let i = 0; i < ctls.length; i++) ctls[i].onChange!(c, this);
      }
      if (c.type === 'DELETED' && c.kind === 'Pod') this.events.forgetPod(c.object.metadata!.uid);
    });
  }

  register(c: Controller): void {
    if (c.beforeWork) this.workHooks.push(c);
    if (c.onChange)
      for (const kind of c.watches) {
        let byType = this.routes.get(kind);
        if (!byType) this.routes.set(kind, (byType = { ADDED: [], MODIFIED: [], DELETED: [] }));
        for (const type of c.changeTypes?.[kind] ?? ALL_CHANGE_TYPES) byType[type].push(c);
      }
    const q: WorkQueue = { items: [], set: new Set() };
    this.queues.set(c.name, q);
    this.work.push({ c, q });
  }

  /** ISO-8601 without milliseconds, as the API server formats metav1.Time. */
  iso(t = this.time): string {
    if (t !== this.isoCacheT) {
      this.isoCacheT = t;
      this.isoCache = toIso(t);
    }
    return this.isoCache;
  }
  private isoCacheT = NaN;
  private isoCache = '';

  enqueue(controller: string, key: string): void {
    const q = this.queues.get(controller)!;
    if (q.set.has(key)) return;
    q.set.add(key);
    q.items.push(key);
  }

  /** enqueueAt for routine work (see routineTimers). */
  enqueueRoutineAt(controller: string, key: string, due: number): void {
    if (due <= this.time) this.enqueue(controller, key);
    else this.routineTimers.add(controller, key, due);
  }

  /** Re-run a reconcile at `due` (epoch ms); earlier pending wake-ups make this a no-op. */
  enqueueAt(controller: string, key: string, due: number): void {
    if (due <= this.time) this.enqueue(controller, key);
    else this.timers.add(controller, key, due);
  }

  /** Drains every queue in controller order until all are empty. */
  runQueues(): void {
    for (let pass = 0; ; pass++) {
      let worked = false;
      const work = this.work;
      const hooks = this.workHooks;
      for (let w = 0; w < work.length; w++) {
        const { c, q } = work[w];
        if (q.items.length === 0) continue;
        worked = true;
        const items = q.items;
        q.items = [];
        q.set.clear();
        for (let i = 0; i < items.length; i++) {
          for (let h = 0; h < hooks.length; h++) hooks[h].beforeWork!(c.name, this);
          c.reconcile(items[i], this);
        }
      }
      if (!worked) return;
      if (pass > 100_000) throw new Error('simulator controllers did not settle');
    }
  }

  /**
   * Moves simulated time forward by ms, firing timers in due order. `afterRound` runs whenever the
   * queues are empty at one instant (the simulator delivers watch events there, in small batches).
   */
  advance(ms: number, afterRound?: () => void): void {
    const target = this.time + Math.max(0, ms);
    this.settle(afterRound);
    for (;;) {
      const due = Math.min(this.timers.peekDue() ?? Infinity, this.routineTimers.peekDue() ?? Infinity);
      if (due === Infinity || due > target) break;
      if (due > this.time) this.time = due;
      while ((this.timers.peekDue() ?? Infinity) <= this.time) {
        const t = this.timers.pop()!;
        this.enqueue(t.controller, t.key);
      }
      while ((this.routineTimers.peekDue() ?? Infinity) <= this.time) {
        const t = this.routineTimers.pop()!;
        this.enqueue(t.controller, t.key);
      }
      this.settle(afterRound);
    }
    this.time = target;
  }

  /** Drains the queues and runs afterRound until neither produces more work at this instant. */
  private settle(afterRound?: () => void): void {
    do {
      this.runQueues();
      afterRound?.();
    } while (this.hasQueuedWork());
  }

  private hasQueuedWork(): boolean {
    const work = this.work;
    for (let w = 0; w < work.length; w++) if (work[w].q.items.length) return true;
    return false;
  }

  /** Queue contents, for snapshots. */
  queueState(): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    for (const [name, q] of this.queues) if (q.items.length) out[name] = [...q.items];
    return out;
  }

  loadQueues(data: Record<string, string[]>): void {
    for (const q of this.queues.values()) {
      q.items = [];
      q.set.clear();
    }
    for (const [name, items] of Object.entries(data)) for (const k of items) this.enqueue(name, k);
  }

  // ---- writes used by controllers (no validation: controllers write well-formed objects) ----

  /** Stamps server-set metadata and stores a new object. */
  createObject<T extends KubeObject>(kind: Kind, obj: T, cause?: Cause, uid?: string): T {
    const meta = obj.metadata!;
    const server = { uid: uid ?? this.rng.uuid(), creationTimestamp: this.iso() };
    const stamped = {
      ...obj,
      apiVersion: API_VERSION[kind],
      kind,
      // withFields, not a spread: a spread adding keys gives every created object's metadata a hidden class of its own
      // (json.ts), which the store then extends with resourceVersion: 94 of 100 Nodes had their own metadata map
      metadata: withFields(meta, kindOf(kind).generation ? { ...server, generation: 1 } : server),
    } as T;
    return this.store.put(kind, stamped, cause, true) as T;
  }

  /**
   * Stores a new version of an existing object. `obj` must be a new top-level object ({ ...stored, … }). Callers that
   * hold the object's store key pass it: a key built again is a new string whose hash the store's maps compute again.
   */
  updateObject<T extends KubeObject>(kind: Kind, obj: T, cause?: Cause, key?: string): T {
    return this.store.put(kind, obj, cause, false, key) as T;
  }

  removeObject(kind: Kind, name: string, namespace: string | undefined, cause?: Cause, key?: string): KubeObject | undefined {
    return this.store.remove(kind, key ?? keyOf(name, namespace), cause);
  }

  get<T extends KubeObject>(kind: Kind, key: string): T | undefined {
    return this.store.get(kind, key) as T | undefined;
  }

  /** Records an Event (see events.ts: dedupe, aggregation, spam filter, TTL). */
  recordEvent(involved: InvolvedObject, type: 'Normal' | 'Warning', reason: string, message: string, component: string, cause: Cause, host?: string): void {
    this.events.record(involved, type, reason, message, component, cause, host);
  }

  /** Rebuilds the event indexes after a restore. */
  reindexEvents(): void {
    this.events.reindex();
  }
}
