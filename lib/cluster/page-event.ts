/**
 * The part of an Event the page keeps when the engine runs in a worker. Events are about a third of what a rollout
 * sends the page, and the page's own readers — the events panel and the graph's event badges (lib/graph/projection.ts
 * projectEvent), object keys for completion — read only the fields below. kubectl (`get events`, `describe`, `-o
 * yaml`) and exercise checks ask the engine (list/get), so they still see the full Events.
 *
 * Dropped: uids, involvedObject.apiVersion/resourceVersion, reportingInstance, source.host, series/related, and of
 * the time and reporter fields all but the one the panel shows — none of which a page view reads. Fields are copied in one fixed order, so successive versions of one Event differ in
 * their changed fields only and cross as small field patches (a repeated event bumps count and lastTimestamp).
 */
import type { CoreV1Event } from '../k8s/types';
import { eventTimeMs } from '../k8s/kinds/event';

/** How many of the newest Events the page's views show (the store's list: events panel, details, probe results). */
export const EVENTS_SHOWN = 200;
/**
 * Most Events the page's copy of a cluster holds (HeldEvents): the shown ones with room for a few answers' worth of
 * older ones. A simulated cluster keeps up to 50,000 for kubectl (which asks the engine); a real one an hour's worth.
 */
export const EVENTS_HELD_BY_PAGE = 1_000;

/**
 * Which Events a page's copy holds, with the time the panel sorts them by (eventTimeMs). Past EVENTS_HELD_BY_PAGE
 * the oldest are let go, down to three quarters, so the sort runs once per few hundred Events rather than for each.
 * Those are far below the EVENTS_SHOWN newest, so no view loses one it shows.
 */
export class HeldEvents {
  private readonly times = new Map<string, number>();
  hold(key: string, event: CoreV1Event): void {
    this.times.set(key, eventTimeMs(event));
  }
  drop(key: string): void {
    this.times.delete(key);
  }
  clear(): void {
    this.times.clear();
  }
  /** The keys to let go now, oldest first (no longer held); none while within the limit. O(held log held) when over. */
  overflow(): string[] {
    if (this.times.size <= EVENTS_HELD_BY_PAGE) return [];
    const gone = [...this.times].sort((a, b) => a[1] - b[1]).slice(0, this.times.size - Math.floor(EVENTS_HELD_BY_PAGE * 0.75));
    for (const [key] of gone) this.times.delete(key);
    return gone.map(([key]) => key);
  }
}

type Meta = NonNullable<CoreV1Event['metadata']>;

/** `src` with only the given keys that it has, in the order given. */
function pick<T extends object, K extends keyof T>(src: T, keys: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const k of keys) if (src[k] !== undefined) out[k] = src[k];
  return out;
}

const META: readonly (keyof Meta)[] = ['name', 'namespace', 'resourceVersion'];
const INVOLVED = ['kind', 'namespace', 'name', 'fieldPath'] as const;
const TOP = ['reason', 'message', 'count', 'type'] as const;
/** Where the panel reads an Event's time, first present wins (projectEvent's eventTime). */
const TIMES = ['lastTimestamp', 'eventTime', 'firstTimestamp'] as const;

/** What the page keeps of an Event (see above). O(1). */
export function pageEvent(e: CoreV1Event): CoreV1Event {
  const out: CoreV1Event = { apiVersion: e.apiVersion, kind: e.kind, metadata: pick(e.metadata ?? {}, META), involvedObject: pick(e.involvedObject ?? {}, INVOLVED) };
  Object.assign(out, pick(e, TOP));
  const time = TIMES.find((k) => e[k] != null);
  if (time) out[time] = e[time] as never;
  else if (e.metadata?.creationTimestamp !== undefined) out.metadata!.creationTimestamp = e.metadata.creationTimestamp;
  // The panel names who reported it: source.component, else reportingComponent.
  if (e.source?.component !== undefined) out.source = { component: e.source.component };
  else if (e.reportingComponent !== undefined) out.reportingComponent = e.reportingComponent;
  return out;
}
