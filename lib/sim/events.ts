/**
 * Event recording as client-go's EventCorrelator does it: identical events bump count; more than
 * 10 similar messages per object+reason merge into "(combined from similar events)"; each
 * source+object may emit 25 events in a burst then one per 5 minutes. Events expire after an hour
 * and at most EVENT_LIMIT are kept. Every write carries the Korean cause of the action.
 */
import type { CoreV1Event } from '../k8s/types';
import { API_VERSION } from '../k8s/types';
import type { Cause } from './types';
import type { Engine, InvolvedObject } from './engine';
import { keyOf } from './store';
import { EVENT_LIMIT, EVENT_TTL_MS, toIso } from './timings';

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

export class EventRecorder {
  /** dedupe: involved uid|reason|message → Event key */
  private eventIndex = new Map<string, string>();
  /** EventAggregator: per source+object+type+reason, distinct messages in the last 10 minutes */
  private similar = new Map<string, { since: number; n: number }>();
  private similarSweepAt = 50_000;

  constructor(private readonly e: Engine) {}

  /**
   * Records an Event like client-go's recorder: repeats of the same (object, reason, message) bump
   * count/lastTimestamp instead of creating a new object. The Korean cause travels on the write.
   */
  record(involved: InvolvedObject, type: 'Normal' | 'Warning', reason: string, message: string, component: string, cause: Cause, host?: string): void {
    const ns = involved.namespace ?? 'default';
    // the API server refuses new content in a terminating namespace
    if (this.e.store.get('Namespace', ns)?.metadata?.deletionTimestamp) return;
    const objectId = involved.uid ?? involved.kind + '/' + involved.name;
    let dedupe = dedupeKey(involved.uid, involved.kind, involved.name, reason, message);
    let existingKey = this.eventIndex.get(dedupe);
    if (!existingKey) {
      const aggKey = `${component}|${host ?? ''}|${objectId}|${type}|${reason}`;
      let rec = this.similar.get(aggKey);
      if (!rec || rec.since + SIMILAR_WINDOW_MS < this.e.time) this.similar.set(aggKey, (rec = { since: this.e.time, n: 0 }));
      rec.n++;
      if (rec.n > SIMILAR_LIMIT) {
        message = `(combined from similar events): ${message}`;
        dedupe = `${aggKey}|combined`;
        existingKey = this.eventIndex.get(dedupe);
      }
      if (this.similar.size > this.similarSweepAt) {
        for (const [k, r] of this.similar) if (r.since + SIMILAR_WINDOW_MS < this.e.time) this.similar.delete(k);
        this.similarSweepAt = Math.max(50_000, this.similar.size * 2); // amortised O(1) per event
      }
    }
    if (!this.takeSpamToken(`${component}|${host ?? ''}|${objectId}`)) return;
    const existing = existingKey ? this.e.get<CoreV1Event>('Event', existingKey) : undefined;
    if (existing) {
      this.e.updateObject('Event', { ...existing, message, count: (existing.count ?? 1) + 1, lastTimestamp: this.e.iso() as unknown as Date }, cause);
      return;
    }
    this.e.state.eventSeq++;
    const name = `${involved.name}.${(this.e.time * 1000 + this.e.state.eventSeq).toString(16)}`;
    const now = this.e.iso() as unknown as Date;
    const key = keyOf(name, ns);
    // built complete (server metadata included) so the store takes it without another copy
    const ev: CoreV1Event = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace: ns, uid: this.e.rng.uuid(), creationTimestamp: now },
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
      firstTimestamp: now,
      lastTimestamp: now,
      count: 1,
      type,
      reportingComponent: component,
      reportingInstance: host ?? '',
    };
    this.e.store.put('Event', ev, cause, true);
    this.eventIndex.set(dedupe, key);
    this.eventFifo.push(key);
    this.pruneEvents();
  }

  /**
   * EventSourceObjectSpamFilter: each source+object may emit 25 events in a burst, then one per
   * 5 minutes; the rest are dropped (a ReplicaSet creating 5,000 pods does not write 5,000 events).
   */
  private takeSpamToken(key: string): boolean {
    const spam = this.e.state.eventSpam;
    const b = spam[key];
    const tokens = b ? Math.min(SPAM_BURST, b[0] + (this.e.time - b[1]) / SPAM_REFILL_MS) : SPAM_BURST;
    if (tokens < 1) return false;
    spam[key] = [tokens - 1, this.e.time];
    if (this.e.state.eventSeq >= this.e.state.spamSweepSeq) {
      // drop buckets that have refilled completely (they behave exactly like absent ones);
      // scheduled by state so a restored simulator sweeps at the same moments
      this.e.state.spamSweepSeq = this.e.state.eventSeq + 5_000;
      for (const k in spam) if (spam[k][0] + (this.e.time - spam[k][1]) / SPAM_REFILL_MS >= SPAM_BURST) delete spam[k];
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
        this.eventIndex.delete(storedEventKey(ev));
        this.e.store.remove('Event', key);
      }
      this.eventHead++;
    }
    if (this.eventHead > 4096 && this.eventHead * 2 > this.eventFifo.length) {
      this.eventFifo = this.eventFifo.slice(this.eventHead);
      this.eventHead = 0;
    }
  }

  /** Rebuilds the indexes from the stored events after a restore. */
  reindex(): void {
    this.eventIndex.clear();
    this.eventFifo = [...this.e.store.values('Event')].map((ev) => keyOf(ev.metadata!.name!, ev.metadata!.namespace));
    this.eventHead = 0;
    this.similar.clear();
    for (const ev of this.e.store.values('Event') as Iterable<CoreV1Event>) {
      this.eventIndex.set(storedEventKey(ev), keyOf(ev.metadata!.name!, ev.metadata!.namespace));
      const first = Date.parse(String(ev.firstTimestamp));
      if (first + SIMILAR_WINDOW_MS < this.e.time) continue;
      const agg = aggregateKeyOf(ev);
      const rec = this.similar.get(agg) ?? { since: first, n: 0 };
      rec.n += ev.message?.startsWith(COMBINED) ? SIMILAR_LIMIT : 1;
      this.similar.set(agg, rec);
    }
  }
}
