/**
 * The control-plane runtime: object store + clock + seeded rng + work queues + a timer heap.
 * Controllers are reconcile functions fed by queues: store changes enqueue keys (like informers),
 * timers enqueue keys later (like workqueue.AddAfter). `advance()` drains queues, then jumps to the
 * next due timer — so the work per tick is proportional to what changed, never to cluster size.
 */
import type { Kind, KubeObject, CoreV1Event } from '../k8s/types';
import { API_VERSION } from '../k8s/types';
import type { Cause, Timings } from './types';
import { Rng } from './rng';
import { Store, keyOf, type StoreChange } from './store';
import { TimerQueue } from './timer-queue';
import { EVENT_LIMIT, EVENT_TTL_MS } from './timings';

/** A reconcile loop. `onChange` maps store changes to keys (cheaply); `reconcile` converges one key. */
export interface Controller {
  readonly name: string;
  onChange?(c: StoreChange, e: Engine): void;
  reconcile(key: string, e: Engine): void;
}

/** Per-pod runtime state the kubelet keeps (serialisable, part of snapshots). */
export interface PodRuntime {
  uid: string;
  stage: 'pulling' | 'errImagePull' | 'imagePullBackOff' | 'starting' | 'running' | 'exited' | 'crashBackOff' | 'terminating' | 'done';
  /** when the current stage ends */
  due: number;
  pullFailures: number;
  crashes: number;
  /** container start times in epoch ms (status timestamps only keep seconds) */
  started?: Record<string, number>;
  /** containers being restarted because their image changed */
  restart?: string[];
  /** containers whose image pull is in flight (they get a Pulled event when it ends) */
  pulling?: string[];
}

export interface NodeRuntime {
  /** kubelet stopped heartbeating at this time (failNode); undefined when healthy */
  downSince?: number;
  /** rotating cursor for host-local style IP allocation */
  ipCursor: number;
  /** images present on the node (canonical refs) */
  images: string[];
}

/** Everything besides the store that a snapshot must carry. Plain JSON. */
export interface EngineState {
  kubelet: Record<string, PodRuntime>;
  nodes: Record<string, NodeRuntime>;
  eventSeq: number;
  /** client-go's event spam filter: [tokens, last refill ms] per source + involved object */
  eventSpam: Record<string, [number, number]>;
  spamSweepSeq: number;
}

export interface InvolvedObject {
  kind: Kind;
  name: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  fieldPath?: string;
}

const dedupeKey = (uid: string | undefined, kind: string, name: string, reason: string, message: string) => `${uid ?? kind + '/' + name}|${reason}|${message}`;
const eventDedupeKey = (ev: CoreV1Event) => dedupeKey(ev.involvedObject.uid, ev.involvedObject.kind ?? '', ev.involvedObject.name ?? '', ev.reason ?? '', ev.message ?? '');

const SIMILAR_LIMIT = 10;
const SPAM_BURST = 25;
const SPAM_REFILL_MS = 300_000;
const SIMILAR_WINDOW_MS = 10 * 60_000;
const COMBINED = '(combined from similar events): ';
const aggregateKeyOf = (ev: CoreV1Event) =>
  `${ev.source?.component ?? ''}|${ev.source?.host ?? ''}|${ev.involvedObject.uid ?? ev.involvedObject.kind + '/' + ev.involvedObject.name}|${ev.type}|${ev.reason}`;
/** Index key of a stored event: combined events are found by their aggregate key, others by message. */
const storedEventKey = (ev: CoreV1Event) => (ev.message?.startsWith(COMBINED) ? `${aggregateKeyOf(ev)}|combined` : eventDedupeKey(ev));

const toIso = (t: number) => new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z');

export class Engine {
  readonly store = new Store();
  readonly timers = new TimerQueue();
  rng: Rng;
  time: number;
  state: EngineState = { kubelet: {}, nodes: {}, eventSeq: 0, eventSpam: {}, spamSweepSeq: 5_000 };
  private controllers: Controller[] = [];
  private queues = new Map<string, { items: string[]; set: Set<string> }>();
  /** event aggregation: involved uid|reason|message → Event key */
  private eventIndex = new Map<string, string>();
  /**
   * EventAggregator (client-go): per source+object+type+reason, the number of distinct messages in
   * the last 10 minutes. From the 10th on, events merge into one "(combined from similar events)".
   */
  private similar = new Map<string, { since: number; n: number }>();
  private similarSweepAt = 50_000;

  constructor(
    seed: number,
    startTime: number,
    readonly timings: Timings,
  ) {
    this.rng = new Rng(seed);
    this.time = startTime;
    this.store.onChange((c) => {
      for (const ctl of this.controllers) ctl.onChange?.(c, this);
    });
  }

  register(c: Controller): void {
    this.controllers.push(c);
    this.queues.set(c.name, { items: [], set: new Set() });
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

  /** Re-run a reconcile at `due` (epoch ms); earlier pending wake-ups make this a no-op. */
  enqueueAt(controller: string, key: string, due: number): void {
    if (due <= this.time) this.enqueue(controller, key);
    else this.timers.add(controller, key, due);
  }

  /** Drains every queue in controller order until all are empty. */
  runQueues(): void {
    for (let pass = 0; ; pass++) {
      let worked = false;
      for (const c of this.controllers) {
        const q = this.queues.get(c.name)!;
        if (q.items.length === 0) continue;
        worked = true;
        const items = q.items;
        q.items = [];
        q.set.clear();
        for (const key of items) c.reconcile(key, this);
      }
      if (!worked) return;
      if (pass > 100_000) throw new Error('simulator controllers did not settle');
    }
  }

  /** Moves simulated time forward by ms, firing timers in due order. */
  advance(ms: number): void {
    const target = this.time + Math.max(0, ms);
    this.runQueues();
    for (;;) {
      const due = this.timers.peekDue();
      if (due === undefined || due > target) break;
      if (due > this.time) this.time = due;
      while ((this.timers.peekDue() ?? Infinity) <= this.time) {
        const t = this.timers.pop()!;
        this.enqueue(t.controller, t.key);
      }
      this.runQueues();
    }
    this.time = target;
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
  createObject<T extends KubeObject>(kind: Kind, obj: T, cause?: Cause): T {
    const meta = obj.metadata!;
    const stamped = {
      ...obj,
      apiVersion: API_VERSION[kind],
      kind,
      metadata: {
        ...meta,
        uid: this.rng.uuid(),
        creationTimestamp: this.iso() as unknown as Date,
        ...(kind === 'Deployment' || kind === 'ReplicaSet' ? { generation: 1 } : {}),
      },
    } as T;
    return this.store.put(kind, stamped, cause, true) as T;
  }

  /** Stores a new version of an existing object. `obj` must be a new top-level object ({ ...stored, … }). */
  updateObject<T extends KubeObject>(kind: Kind, obj: T, cause?: Cause): T {
    return this.store.put(kind, obj, cause) as T;
  }

  removeObject(kind: Kind, name: string, namespace: string | undefined, cause?: Cause): KubeObject | undefined {
    return this.store.remove(kind, keyOf(name, namespace), cause);
  }

  get<T extends KubeObject>(kind: Kind, key: string): T | undefined {
    return this.store.get(kind, key) as T | undefined;
  }

  /**
   * Records an Event like client-go's recorder: repeats of the same (object, reason, message) bump
   * count/lastTimestamp instead of creating a new object. The Korean cause travels on the write.
   */
  recordEvent(involved: InvolvedObject, type: 'Normal' | 'Warning', reason: string, message: string, component: string, cause: Cause, host?: string): void {
    const ns = involved.namespace ?? 'default';
    // the API server refuses new content in a terminating namespace
    if (this.store.get('Namespace', ns)?.metadata?.deletionTimestamp) return;
    const objectId = involved.uid ?? involved.kind + '/' + involved.name;
    let dedupe = dedupeKey(involved.uid, involved.kind, involved.name, reason, message);
    let existingKey = this.eventIndex.get(dedupe);
    if (!existingKey) {
      const aggKey = `${component}|${host ?? ''}|${objectId}|${type}|${reason}`;
      let rec = this.similar.get(aggKey);
      if (!rec || rec.since + SIMILAR_WINDOW_MS < this.time) this.similar.set(aggKey, (rec = { since: this.time, n: 0 }));
      rec.n++;
      if (rec.n > SIMILAR_LIMIT) {
        message = `(combined from similar events): ${message}`;
        dedupe = `${aggKey}|combined`;
        existingKey = this.eventIndex.get(dedupe);
      }
      if (this.similar.size > this.similarSweepAt) {
        for (const [k, r] of this.similar) if (r.since + SIMILAR_WINDOW_MS < this.time) this.similar.delete(k);
        this.similarSweepAt = Math.max(50_000, this.similar.size * 2); // amortised O(1) per event
      }
    }
    if (!this.takeSpamToken(`${component}|${host ?? ''}|${objectId}`)) return;
    const existing = existingKey ? this.get<CoreV1Event>('Event', existingKey) : undefined;
    if (existing) {
      this.updateObject('Event', { ...existing, message, count: (existing.count ?? 1) + 1, lastTimestamp: this.iso() as unknown as Date }, cause);
      return;
    }
    this.state.eventSeq++;
    const name = `${involved.name}.${(this.time * 1000 + this.state.eventSeq).toString(16)}`;
    const ev: CoreV1Event = {
      metadata: { name, namespace: ns },
      involvedObject: {
        kind: involved.kind,
        namespace: involved.namespace,
        name: involved.name,
        uid: involved.uid,
        apiVersion: API_VERSION[involved.kind],
        ...(involved.resourceVersion ? { resourceVersion: involved.resourceVersion } : {}),
        ...(involved.fieldPath ? { fieldPath: involved.fieldPath } : {}),
      },
      reason,
      message,
      source: host ? { component, host } : { component },
      firstTimestamp: this.iso() as unknown as Date,
      lastTimestamp: this.iso() as unknown as Date,
      count: 1,
      type,
      reportingComponent: component,
      reportingInstance: host ?? '',
    };
    this.createObject('Event', ev, cause);
    this.eventIndex.set(message.startsWith(COMBINED) ? dedupe : eventDedupeKey(ev), keyOf(name, ns));
    this.eventFifo.push(keyOf(name, ns));
    this.pruneEvents();
  }

  /**
   * EventSourceObjectSpamFilter: each source+object may emit 25 events in a burst, then one per
   * 5 minutes; the rest are dropped (a ReplicaSet creating 5,000 pods does not write 5,000 events).
   */
  private takeSpamToken(key: string): boolean {
    const spam = this.state.eventSpam;
    const b = spam[key];
    const tokens = b ? Math.min(SPAM_BURST, b[0] + (this.time - b[1]) / SPAM_REFILL_MS) : SPAM_BURST;
    if (tokens < 1) return false;
    spam[key] = [tokens - 1, this.time];
    if (this.state.eventSeq >= this.state.spamSweepSeq) {
      // drop buckets that have refilled completely (they behave exactly like absent ones);
      // scheduled by state so a restored simulator sweeps at the same moments
      this.state.spamSweepSeq = this.state.eventSeq + 5_000;
      for (const k in spam) if (spam[k][0] + (this.time - spam[k][1]) / SPAM_REFILL_MS >= SPAM_BURST) delete spam[k];
    }
    return true;
  }

  /** Event keys in creation order (FIFO) for TTL/limit pruning without scanning the store. */
  private eventFifo: string[] = [];
  private cutoffT = NaN;
  private cutoff = '';
  private eventHead = 0;

  /** Keeps Events bounded: drops those past the TTL and the oldest beyond EVENT_LIMIT. O(removed). */
  private pruneEvents(): void {
    if (this.cutoffT !== this.time) {
      this.cutoffT = this.time;
      this.cutoff = toIso(this.time - EVENT_TTL_MS);
    }
    const cutoff = this.cutoff;
    while (this.eventHead < this.eventFifo.length) {
      const key = this.eventFifo[this.eventHead];
      const ev = this.get<CoreV1Event>('Event', key);
      if (ev) {
        const stale = String(ev.lastTimestamp) < cutoff;
        if (!stale && this.store.count('Event') <= EVENT_LIMIT) break;
        this.eventIndex.delete(storedEventKey(ev));
        this.store.remove('Event', key);
      }
      this.eventHead++;
    }
    if (this.eventHead > 4096 && this.eventHead * 2 > this.eventFifo.length) {
      this.eventFifo = this.eventFifo.slice(this.eventHead);
      this.eventHead = 0;
    }
  }

  /** Rebuilds the event aggregation index after a restore. */
  reindexEvents(): void {
    this.eventIndex.clear();
    this.eventFifo = [...this.store.values('Event')].map((ev) => keyOf(ev.metadata!.name!, ev.metadata!.namespace));
    this.eventHead = 0;
    this.similar.clear();
    for (const ev of this.store.values('Event') as Iterable<CoreV1Event>) {
      this.eventIndex.set(storedEventKey(ev), keyOf(ev.metadata!.name!, ev.metadata!.namespace));
      const first = Date.parse(String(ev.firstTimestamp));
      if (first + SIMILAR_WINDOW_MS < this.time) continue;
      const agg = aggregateKeyOf(ev);
      const rec = this.similar.get(agg) ?? { since: first, n: 0 };
      rec.n += ev.message?.startsWith(COMBINED) ? SIMILAR_LIMIT : 1;
      this.similar.set(agg, rec);
    }
  }
}
