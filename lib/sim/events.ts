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
 * Per involved object: its events by reason and message, per event source the spam filter's bucket, and per source,
 * type and reason the aggregator's counters. A pod hears from two sources (the scheduler, its node's kubelet) with a
 * handful of reasons, each with one message, so all three are short lists scanned by identity: an event looks nothing up
 * in a Map for them and builds no key string, and a new pod's state is a few small arrays rather than Maps (thousands of
 * pods keep it alive for as long as they live, so every object here is one the garbage collector copies and promotes).
 */
interface ObjectEvents {
  /** dedupe: reason → message → Event key, as flat [reason, message, key] triples while few, a Map past DEDUPE_FLAT */
  keys: string[] | Map<string, ByMessage>;
  /** per source that recorded for this object */
  sources: SourceState[];
  /** per source, type and reason: distinct messages in the window, and the combined event's key (EventAggregator) */
  similar: SimilarRecord[];
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

/** Triples kept flat per object before its dedupe index becomes a Map (a Deployment's scaling messages are many). */
const DEDUPE_FLAT = 8;

/**
 * One source's spam-filter bucket for one object, held while valid: `buckets` is still the state's (a restore replaces
 * them) and the bucket is live (no sweep dropped it).
 */
interface SourceState {
  src: EventSource;
  bucket?: SpamBucket;
  buckets?: SpamBuckets;
}

interface SimilarRecord {
  src: EventSource;
  type: string;
  reason: string;
  since: number;
  n: number;
  combined?: string;
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
/** message → Event key for one reason (in the Map form of the dedupe index): a [message, key] pair or a Map. */
type ByMessage = readonly [message: string, key: string] | Map<string, string>;

function keyFor(obj: ObjectEvents, reason: string, message: string): string | undefined {
  const keys = obj.keys;
  if (keys instanceof Map) {
    const byMessage = keys.get(reason);
    if (byMessage === undefined) return undefined;
    if (byMessage instanceof Map) return byMessage.get(message);
    return byMessage[0] === message ? byMessage[1] : undefined;
  }
  for (let i = 0; i < keys.length; i += 3) if (keys[i] === reason && keys[i + 1] === message) return keys[i + 2];
  return undefined;
}

/** Points (reason, message) at an Event key. */
function setKey(obj: ObjectEvents, reason: string, message: string, key: string): void {
  let keys = obj.keys;
  if (!(keys instanceof Map)) {
    for (let i = 0; i < keys.length; i += 3)
      if (keys[i] === reason && keys[i + 1] === message) {
        keys[i + 2] = key;
        return;
      }
    if (keys.length < DEDUPE_FLAT * 3) {
      keys.push(reason, message, key);
      return;
    }
    const flat = keys;
    obj.keys = keys = new Map();
    for (let i = 0; i < flat.length; i += 3) setInMap(keys, flat[i], flat[i + 1], flat[i + 2]);
  }
  setInMap(keys, reason, message, key);
}

function setInMap(keys: Map<string, ByMessage>, reason: string, message: string, key: string): void {
  const byMessage = keys.get(reason);
  if (byMessage instanceof Map) byMessage.set(message, key);
  else if (byMessage === undefined || byMessage[0] === message) keys.set(reason, [message, key]);
  else keys.set(reason, new Map([byMessage, [message, key]]));
}

/** Forgets (reason, message) if it still points at `key`. */
function dropKey(obj: ObjectEvents, reason: string, message: string, key: string): void {
  const keys = obj.keys;
  if (keys instanceof Map) {
    const byMessage = keys.get(reason);
    if (byMessage instanceof Map) {
      if (byMessage.get(message) === key) byMessage.delete(message);
    } else if (byMessage !== undefined && byMessage[0] === message && byMessage[1] === key) keys.delete(reason);
    return;
  }
  for (let i = 0; i < keys.length; i += 3)
    if (keys[i] === reason && keys[i + 1] === message) {
      if (keys[i + 2] === key) keys.splice(i, 3);
      return;
    }
}

function involvedRefOf(involved: InvolvedObject): CoreV1Event['involvedObject'] {
  const ref: CoreV1Event['involvedObject'] = { kind: involved.kind, namespace: involved.namespace, name: involved.name, uid: involved.uid, apiVersion: API_VERSION[involved.kind] };
  // assigned, not spread from conditional literals (one per scheduled pod); the key order stays the one snapshots hold
  if (involved.resourceVersion) ref.resourceVersion = involved.resourceVersion;
  if (involved.fieldPath) ref.fieldPath = involved.fieldPath;
  return ref;
}

const newObjectEvents = (): ObjectEvents => ({ keys: [], sources: [], similar: [], count: 0 });

/** Whether any aggregation window of the object is still open (its counters must outlive its events). */
function windowOpen(obj: ObjectEvents, now: number): boolean {
  for (const rec of obj.similar) if (rec.since + SIMILAR_WINDOW_MS >= now) return true;
  return false;
}

/** The record for one source, type and reason, made on first use. */
function similarOf(obj: ObjectEvents, src: EventSource, type: string, reason: string, since: number): SimilarRecord {
  const list = obj.similar;
  for (let i = 0; i < list.length; i++) if (list[i].reason === reason && list[i].src === src && list[i].type === type) return list[i];
  const rec: SimilarRecord = { src, type, reason, since, n: 0 };
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
    const st = this.sourceState(obj, component, host);
    const source = st.src;
    let existingKey = keyFor(obj, reason, message);
    let combinedOf: { combined?: string } | undefined;
    if (!existingKey) {
      const rec = similarOf(obj, source, type, reason, this.e.time);
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
    if (!this.takeSpamToken(st, objectId)) return;
    const existing = existingKey ? this.e.get<CoreV1Event>('Event', existingKey) : undefined;
    if (existing) {
      this.e.updateObject('Event', { ...existing, message, count: (existing.count ?? 1) + 1, lastTimestamp: this.e.iso() }, cause);
      return;
    }
    if (this.objects.size > this.sweepAt) this.sweep();
    this.e.state.eventSeq++;
    // the key first, then the name as a slice of it: hashing the key flattens it once, and the name shares its
    // characters (a slice of a flat string) instead of keeping a tree of the pieces alive for the Event's hour
    const suffix = hexOf(this.e.time * 1000 + this.e.state.eventSeq);
    const key = ns ? `${ns}/${involved.name}.${suffix}` : `${involved.name}.${suffix}`;
    const name = ns ? key.slice(ns.length + 1) : key;
    const now = this.e.iso();
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
  private takeSpamToken(slot: SourceState, objectId: string): boolean {
    const spam = spamBuckets(this.e.state);
    const held = slot.bucket;
    const b = held !== undefined && held.live && slot.buckets === spam ? held : spam.get(slot.src.key, objectId);
    const tokens = b ? Math.min(SPAM_BURST, b.tokens + (this.e.time - b.refilledAt) / SPAM_REFILL_MS) : SPAM_BURST;
    if (tokens < 1) return false;
    if (b) {
      // the bucket keeps its place (as an object's property does when reassigned): snapshots list buckets in order
      b.tokens = tokens - 1;
      b.refilledAt = this.e.time;
      slot.bucket = b;
    } else slot.bucket = spam.add(slot.src.key, objectId, tokens - 1, this.e.time);
    slot.buckets = spam;
    if (this.e.state.eventSeq >= this.e.state.spamSweepSeq) {
      // drop buckets that have refilled completely (they behave exactly like absent ones);
      // scheduled by state so a restored simulator sweeps at the same moments
      this.e.state.spamSweepSeq = this.e.state.eventSeq + 5_000;
      const now = this.e.time;
      spam.sweep((v) => v.tokens + (now - v.refilledAt) / SPAM_REFILL_MS >= SPAM_BURST);
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
  private sourceState(obj: ObjectEvents, component: string, host?: string): SourceState {
    const list = obj.sources;
    const h = host ?? '';
    for (let i = 0; i < list.length; i++) {
      const src = list[i].src;
      if (src.component === component && (src.host ?? '') === h) return list[i];
    }
    const st: SourceState = { src: this.source(component, host) };
    list.push(st);
    return st;
  }

  private index(obj: ObjectEvents, ev: CoreV1Event, key: string, combinedOf?: { combined?: string }): void {
    obj.count++;
    if (combinedOf) {
      combinedOf.combined = key;
      return;
    }
    setKey(obj, ev.reason!, ev.message!, key);
  }

  private unindex(ev: CoreV1Event, key: string): void {
    const io = ev.involvedObject;
    const objectId = objectIdOf(io.uid, io.kind, io.name);
    const obj = this.objects.get(objectId);
    if (!obj) return;
    obj.count--;
    dropKey(obj, ev.reason!, ev.message!, key);
    for (const rec of obj.similar) if (rec.combined === key) rec.combined = undefined;
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
      const src = this.sourceState(obj, ev.source?.component ?? '', ev.source?.host).src;
      const type = ev.type ?? '';
      const reason = ev.reason ?? '';
      const first = Date.parse(String(ev.firstTimestamp));
      const combined = ev.message?.startsWith(COMBINED);
      let rec = obj.similar.find((r) => r.src === src && r.type === type && r.reason === reason);
      if (first + SIMILAR_WINDOW_MS >= this.e.time) {
        rec ??= similarOf(obj, src, type, reason, first);
        rec.n += combined ? SIMILAR_LIMIT : 1;
      }
      if (combined) rec ??= similarOf(obj, src, type, reason, first);
      this.index(obj, ev, keyOf(ev.metadata!.name!, ev.metadata!.namespace), combined ? rec : undefined);
    }
  }
}
