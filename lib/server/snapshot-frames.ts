/**
 * The snapshot as SSE frames: `snapshot-part` events of SNAPSHOT_PART_OBJECTS objects, then the `snapshot` event
 * with the rest, the namespaces, the upstream status and the id a browser resumes from. A small snapshot is the
 * single `snapshot` event it always was. Serialising part by part also keeps the server from building one
 * string of tens of MB. Cost: O(size of the objects).
 */
import { SNAPSHOT_PART_OBJECTS, type SnapshotPayload } from '../cluster/live-protocol';
import type { KubeObject } from '../k8s/types';
import { objectsJson } from './object-json';
import { encodeSse, formatSse } from './sse';

/**
 * Events a snapshot carries at most. A 20,000-pod cluster holds ~50,000 Events (Scheduled, Pulled, Created,
 * Started … per pod): 70 % of the snapshot's objects, for an event list that shows the latest. Newer events
 * still stream as they happen; `kubectl get events` on the cluster itself sees all of them.
 */
export const SNAPSHOT_MAX_EVENTS = 1_000;

const eventTime = (o: KubeObject): string => {
  const e = o as { lastTimestamp?: string; eventTime?: string; metadata?: { creationTimestamp?: string } };
  return e.lastTimestamp ?? e.eventTime ?? e.metadata?.creationTimestamp ?? '';
};

/** Every object except the Events older than the newest `max`. O(n + e log e) for e Events. */
export function withNewestEvents(objects: KubeObject[], max = SNAPSHOT_MAX_EVENTS): KubeObject[] {
  const events = objects.filter((o) => o.kind === 'Event');
  if (events.length <= max) return objects;
  // RFC 3339 timestamps of one cluster sort as strings
  const kept = new Set(events.sort((a, b) => (eventTime(a) < eventTime(b) ? 1 : eventTime(a) > eventTime(b) ? -1 : 0)).slice(0, max));
  return objects.filter((o) => o.kind !== 'Event' || kept.has(o));
}

/**
 * `JSON.stringify({ objects, ...rest })`, with each object's JSON taken from the cache (object-json.ts): the
 * 2nd..Nth browser's snapshot serialises only what changed since the last one.
 */
function payloadJson(objects: readonly KubeObject[], rest: object = {}): string {
  const restJson = JSON.stringify(rest);
  return `{"objects":${objectsJson(objects)}${restJson === '{}' ? '}' : `,${restJson.slice(1)}`}`;
}

/** One turn of the event loop: I/O callbacks (other requests, other streams' writes) run before we go on. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The frames of a snapshot, built one part at a time with a turn of the event loop between parts: a 20,000-pod
 * snapshot is ~70 parts of ~10 ms of JSON.stringify each, and built in one go it held the whole server (every
 * other request and stream) for the better part of a second. The caller must not mutate `objects` meanwhile
 * (the hub's snapshot is an array of its own; the objects in it are replaced on change, never edited).
 * `stop()` true abandons the build (the client went away). Cost: O(size of the objects), in slices.
 */
export async function snapshotFrames(objects: KubeObject[], rest: Omit<SnapshotPayload, 'objects'>, id: string, stop: () => boolean = () => false): Promise<Uint8Array[] | null> {
  const frames: Uint8Array[] = [];
  let at = 0;
  for (; objects.length - at > SNAPSHOT_PART_OBJECTS; at += SNAPSHOT_PART_OBJECTS) {
    frames.push(encodeSse(formatSse({ event: 'snapshot-part', data: payloadJson(objects.slice(at, at + SNAPSHOT_PART_OBJECTS)) })));
    await nextTurn();
    if (stop()) return null;
  }
  frames.push(encodeSse(formatSse({ event: 'snapshot', id, data: payloadJson(objects.slice(at), rest) })));
  return frames;
}
