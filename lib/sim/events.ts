/**
 * Event recording as client-go's EventCorrelator does it: identical events bump count; more than
 * 10 similar messages per object+reason merge into "(combined from similar events)"; each
 * source+object may emit 25 events in a burst then one per 5 minutes. Events expire after an hour
 * and at most EVENT_LIMIT are kept. Every write carries the Korean cause of the action.
 */
import type { CoreV1Event } from '../k8s/types';
import { API_VERSION } from '../k8s/types';
import type { Cause } from './types';
import type { Engine, EngineState, InvolvedObject } from './engine';
import { keyOf } from './store';
import { EVENT_LIMIT, EVENT_TTL_MS, toIso } from './timings';
import { hexOf, spamBuckets, type SpamBucket, type SpamBuckets } from './event-spam';

const SIMILAR_LIMIT = 10;
const SPAM_BURST = 25;
const SPAM_REFILL_MS = 300_000;
const SIMILAR_WINDOW_MS = 10 * 60_000;
const COMBINED = '(combined from similar events): ';

/**
 * Per involved object: its events by reason and message, and per event source the spam filter's slot and the
 * aggregator's counters. A pod hears from two sources (the scheduler, its node's kubelet) with a handful of reasons,
 * so both are short arrays scanned by identity: an event looks nothing up in a Map for them, builds no key string,
 * and a new pod allocates no Maps for them.
 */
interface ObjectEvents {
  /** reason → message → Event key (dedupe) */
  byReason: Map<string, ByMessage>;
  /** per source that recorded for this object */
  sources: SourceState[];
  /** live events of this object */
  count: number;
  /**
   * Shared (immutable) involvedObject values (those without a resourceVersion): the last one used, and the others by
   * fieldPath. An object's events nearly always name one fieldPath (a pod's container), so comparing with the last one
   * spares hashing the fieldPath string the caller has just built.
   */
  lastRef?: CoreV1Event['involvedObject'];
  refs?: Map<string, CoreV1Event['involvedObject']>;
}

/** One source's state for one object: its spam-filter slot and its aggregation records. */
interface SourceState {
  src: EventSource;
  spam: SpamSlot;
  /** per type and reason: distinct messages in the window, and the combined event's key (EventAggregator) */
  similar: SimilarRecord[];
}

interface SimilarRecord {
  type: string;
  reason: string;
  since: number;
  n: number;
  combined?: string;
}

/**
 * An object+source's spam-filter bucket: its key in the engine state's bucket Map and, while valid, the bucket itself,
 * so an event does not look its bucket up in a Map holding one entry per object and source in the cluster. Valid while
 * `buckets` is still the state's Map and no sweep has dropped buckets since `sweeps` was read.
 */
interface SpamSlot {
  key: string;
  bucket?: SpamBucket;
  buckets?: SpamBuckets;
  sweeps: number;
}

/** One event source (component + host): its shared `source` value and interned key strings. */
interface EventSource {
  component: string;
  host?: string;
  ref: CoreV1Event['source'];
  /** `component|host` */
  key: string;
}

const objectIdOf = (uid: string | undefined, kind: string | undefined, name: string | undefined) => uid ?? `${kind}/${name}`;
/**
 * message → Event key for one reason. Almost every reason of an object has one message (a pod's
 * Scheduled, Pulling, Started …), so that case is a [message, key] pair instead of a Map: thousands
 * of pods keep this index alive, and five Maps per pod were a large share of the heap.
 */
type ByMessage = readonly [message: string, key: string] | Map<string, string>;

function keyFor(byMessage: ByMessage | undefined, message: string): string | undefined {
  if (byMessage === undefined) return undefined;
  if (byMessage instanceof Map) return byMessage.get(message);
  return byMessage[0] === message ? byMessage[1] : undefined;
}

function involvedRefOf(involved: InvolvedObject): CoreV1Event['involvedObject'] {
  const ref: CoreV1Event['involvedObject'] = { kind: involved.kind, namespace: involved.namespace, name: involved.name, uid: involved.uid, apiVersion: API_VERSION[involved.kind] };
  // assigned, not spread from conditional literals (one per scheduled pod); the key order stays the one snapshots hold
  if (involved.resourceVersion) ref.resourceVersion = involved.resourceVersion;
  if (involved.fieldPath) ref.fieldPath = involved.fieldPath;
  return ref;
}

const newObjectEvents = (): ObjectEvents => ({ byReason: new Map(), sources: [], count: 0 });

/** Whether any aggregation window of the object is still open (its counters must outlive its events). */
function windowOpen(obj: ObjectEvents, now: number): boolean {
  for (const st of obj.sources) for (const rec of st.similar) if (rec.since + SIMILAR_WINDOW_MS >= now) return true;
  return false;
}

/** The record for one type and reason, made on first use. */
function similarOf(st: SourceState, type: string, reason: string, since: number): SimilarRecord {
  const list = st.similar;
  for (let i = 0; i < list.length; i++) if (list[i].reason === reason && list[i].type === type) return list[i];
  const rec: SimilarRecord = { type, reason, since, n: 0 };
  list.push(rec);
  return rec;
}

export class EventRecorder {
  /** dedupe and aggregation state per involved object (keyed by uid: a flat string with a cached hash) */
  private objects = new Map<string, ObjectEvents>();
  private sweepAt = 50_000;

  constructor(private readonly e: Engine) {}

  /**
   * Records an Event like client-go's recorder: repeats of the same (object, reason, message) bump
   * count/lastTimestamp instead of creating a new object. The Korean cause travels on the write.
   */
  record(involved: InvolvedObject, type: 'Normal' | 'Warning', reason: string, message: string, component: string, cause: Cause, host?: string): void {
    const ns = involved.namespace ?? 'default';
    // the API server refuses new content in a terminating namespace
    if (this.e.store.get('Namespace', ns)?.metadata?.deletionTimestamp) return;
    const objectId = objectIdOf(involved.uid, involved.kind, involved.name);
    let obj = this.objects.get(objectId);
    if (!obj) this.objects.set(objectId, (obj = newObjectEvents()));
    const st = this.sourceState(obj, objectId, component, host);
    const source = st.src;
    let existingKey = keyFor(obj.byReason.get(reason), message);
    let combinedOf: { combined?: string } | undefined;
    if (!existingKey) {
      const rec = similarOf(st, type, reason, this.e.time);
      // a window that has passed starts over (the combined event's key stays: later repeats update it)
      if (rec.since + SIMILAR_WINDOW_MS < this.e.time) {
        rec.since = this.e.time;
        rec.n = 0;
      }
      rec.n++;
      if (rec.n > SIMILAR_LIMIT) {
        message = `${COMBINED}${message}`;
        combinedOf = rec;
        existingKey = rec.combined;
      }
    }
    if (!this.takeSpamToken(st.spam)) return;
    const existing = existingKey ? this.e.get<CoreV1Event>('Event', existingKey) : undefined;
    if (existing) {
      this.e.updateObject('Event', { ...existing, message, count: (existing.count ?? 1) + 1, lastTimestamp: this.e.iso() }, cause);
      return;
    }
    if (this.objects.size > this.sweepAt) this.sweep();
    this.e.state.eventSeq++;
    const name = `${involved.name}.${hexOf(this.e.time * 1000 + this.e.state.eventSeq)}`;
    const now = this.e.iso();
    const key = keyOf(name, ns);
    // built complete (server metadata included) so the store takes it without another copy
    const ev: CoreV1Event = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace: ns, uid: this.e.rng.uuid(), creationTimestamp: now },
      involvedObject: this.involvedRef(obj, involved),
      reason,
      message,
      source: source.ref,
      firstTimestamp: now,
      lastTimestamp: now,
      count: 1,
      type,
      reportingComponent: component,
      reportingInstance: host ?? '',
    };
    this.e.store.put('Event', ev, cause, true, key);
    this.index(obj, ev, key, combinedOf);
    this.eventFifo.push(key);
    this.pruneEvents();
  }

  /**
   * EventSourceObjectSpamFilter: each source+object may emit 25 events in a burst, then one per
   * 5 minutes; the rest are dropped (a ReplicaSet creating 5,000 pods does not write 5,000 events).
   */
  private takeSpamToken(slot: SpamSlot): boolean {
    const spam = spamBuckets(this.e.state);
    const b = slot.buckets === spam && slot.sweeps === this.spamSweeps ? slot.bucket : spam.get(slot.key);
    const tokens = b ? Math.min(SPAM_BURST, b[0] + (this.e.time - b[1]) / SPAM_REFILL_MS) : SPAM_BURST;
    if (tokens < 1) return false;
    if (b) {
      // the bucket keeps its place (as an object's property does when reassigned): snapshots list buckets in order
      b[0] = tokens - 1;
      b[1] = this.e.time;
      slot.bucket = b;
    } else spam.set(slot.key, (slot.bucket = [tokens - 1, this.e.time]));
    slot.buckets = spam;
    slot.sweeps = this.spamSweeps;
    if (this.e.state.eventSeq >= this.e.state.spamSweepSeq) {
      // drop buckets that have refilled completely (they behave exactly like absent ones);
      // scheduled by state so a restored simulator sweeps at the same moments
      this.e.state.spamSweepSeq = this.e.state.eventSeq + 5_000;
      const before = spam.size;
      for (const [k, v] of spam) if (v[0] + (this.e.time - v[1]) / SPAM_REFILL_MS >= SPAM_BURST) spam.delete(k);
      if (spam.size !== before) this.spamSweeps++;
    }
    return true;
  }
  /** sweeps that dropped buckets so far: a slot's bucket read before the last such sweep may be gone from the Map */
  private spamSweeps = 0;

  /** Event keys in creation order (FIFO) for TTL/limit pruning without scanning the store. */
  private eventFifo: string[] = [];
  private cutoffT = NaN;
  private cutoff = '';
  private eventHead = 0;

  /** Keeps Events bounded: drops those past the TTL and the oldest beyond EVENT_LIMIT. O(removed). */
  private pruneEvents(): void {
    if (this.cutoffT !== this.e.time) {
      this.cutoffT = this.e.time;
      this.cutoff = toIso(this.e.time - EVENT_TTL_MS);
    }
    const cutoff = this.cutoff;
    while (this.eventHead < this.eventFifo.length) {
      const key = this.eventFifo[this.eventHead];
      const ev = this.e.get<CoreV1Event>('Event', key);
      if (ev) {
        const stale = String(ev.lastTimestamp) < cutoff;
        if (!stale && this.e.store.count('Event') <= EVENT_LIMIT) break;
        this.unindex(ev, key);
        this.e.store.remove('Event', key);
      }
      this.eventHead++;
    }
    if (this.eventHead > 4096 && this.eventHead * 2 > this.eventFifo.length) {
      this.eventFifo = this.eventFifo.slice(this.eventHead);
      this.eventHead = 0;
    }
  }

  /**
   * Shared (immutable) involvedObject per object + fieldPath: the events of a pod point at one object. A reference
   * that names a resourceVersion (the scheduler's, once per pod) is not worth keeping.
   */
  private involvedRef(obj: ObjectEvents, involved: InvolvedObject): CoreV1Event['involvedObject'] {
    if (involved.resourceVersion) return involvedRefOf(involved);
    const last = obj.lastRef;
    if (last && last.fieldPath === involved.fieldPath) return last;
    // a second fieldPath: from now on the object keeps them by fieldPath
    if (last) obj.refs ??= new Map([[last.fieldPath ?? '', last]]);
    let ref = obj.refs?.get(involved.fieldPath ?? '');
    if (!ref) {
      ref = involvedRefOf(involved);
      obj.refs?.set(involved.fieldPath ?? '', ref);
    }
    return (obj.lastRef = ref);
  }

  /** component → host ('' for none) → source */
  private sources = new Map<string, Map<string, EventSource>>();
  private source(component: string, host?: string): EventSource {
    let byHost = this.sources.get(component);
    if (!byHost) this.sources.set(component, (byHost = new Map()));
    let src = byHost.get(host ?? '');
    if (!src) byHost.set(host ?? '', (src = { component, host, ref: host ? { component, host } : { component }, key: `${component}|${host ?? ''}` }));
    return src;
  }

  /** The object's state for one source (component + host, no host and '' being one source), made on first use. */
  private sourceState(obj: ObjectEvents, objectId: string, component: string, host?: string): SourceState {
    const list = obj.sources;
    const h = host ?? '';
    for (let i = 0; i < list.length; i++) {
      const src = list[i].src;
      if (src.component === component && (src.host ?? '') === h) return list[i];
    }
    const src = this.source(component, host);
    // the spam bucket's key is built once per source and object
    const st: SourceState = { src, spam: { key: `${src.key}|${objectId}`, sweeps: 0 }, similar: [] };
    list.push(st);
    return st;
  }

  private index(obj: ObjectEvents, ev: CoreV1Event, key: string, combinedOf?: { combined?: string }): void {
    obj.count++;
    if (combinedOf) {
      combinedOf.combined = key;
      return;
    }
    const reason = ev.reason!;
    const message = ev.message!;
    const byMessage = obj.byReason.get(reason);
    if (byMessage instanceof Map) byMessage.set(message, key);
    else if (byMessage === undefined || byMessage[0] === message) obj.byReason.set(reason, [message, key]);
    else obj.byReason.set(reason, new Map([byMessage, [message, key]]));
  }

  private unindex(ev: CoreV1Event, key: string): void {
    const io = ev.involvedObject;
    const objectId = objectIdOf(io.uid, io.kind, io.name);
    const obj = this.objects.get(objectId);
    if (!obj) return;
    obj.count--;
    const byMessage = obj.byReason.get(ev.reason!);
    if (keyFor(byMessage, ev.message!) === key) {
      if (byMessage instanceof Map) byMessage.delete(ev.message!);
      else obj.byReason.delete(ev.reason!);
    }
    for (const st of obj.sources) for (const rec of st.similar) if (rec.combined === key) rec.combined = undefined;
    if (obj.count <= 0 && !windowOpen(obj, this.e.time)) this.objects.delete(objectId);
  }

  /** Drops objects with no live events whose aggregation window has passed. Amortised O(1). */
  private sweep(): void {
    for (const [id, obj] of this.objects) if (obj.count <= 0 && !windowOpen(obj, this.e.time)) this.objects.delete(id);
    this.sweepAt = Math.max(50_000, this.objects.size * 2);
  }

  /**
   * Drops what the recorder keeps for a pod that is gone (its dedupe keys, aggregation counters, spam-slot cache): a
   * removed pod gets no more events, and thousands of pods come and go in a rollout while their Events live on for an
   * hour. Pruning one of those Events later finds no state and leaves it at that. The spam buckets themselves are
   * engine state (snapshots hold them) and expire as before.
   */
  forgetPod(uid: string | undefined): void {
    if (uid !== undefined) this.objects.delete(uid);
  }

  /** Rebuilds the indexes from the stored events after a restore. */
  reindex(): void {
    this.objects.clear();
    this.eventFifo = [...this.e.store.values('Event')].map((ev) => keyOf(ev.metadata!.name!, ev.metadata!.namespace));
    this.eventHead = 0;
    for (const ev of this.e.store.values('Event') as Iterable<CoreV1Event>) {
      const io = ev.involvedObject;
      const objectId = objectIdOf(io.uid, io.kind, io.name);
      let obj = this.objects.get(objectId);
      if (!obj) this.objects.set(objectId, (obj = newObjectEvents()));
      const st = this.sourceState(obj, objectId, ev.source?.component ?? '', ev.source?.host);
      const type = ev.type ?? '';
      const reason = ev.reason ?? '';
      const first = Date.parse(String(ev.firstTimestamp));
      const combined = ev.message?.startsWith(COMBINED);
      let rec = st.similar.find((r) => r.type === type && r.reason === reason);
      if (first + SIMILAR_WINDOW_MS >= this.e.time) {
        rec ??= similarOf(st, type, reason, first);
        rec.n += combined ? SIMILAR_LIMIT : 1;
      }
      if (combined) rec ??= similarOf(st, type, reason, first);
      this.index(obj, ev, keyOf(ev.metadata!.name!, ev.metadata!.namespace), combined ? rec : undefined);
    }
  }
}
