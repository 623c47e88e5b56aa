/**
 * The snapshot as SSE frames: `snapshot-part` events of SNAPSHOT_PART_OBJECTS objects, then the `snapshot` event
 * with the rest, the namespaces, the upstream status and the id a browser resumes from. A small snapshot is the
 * single `snapshot` event it always was. The frames are never built as text: each object's cached UTF-8 JSON is
 * copied into the stream's chunks as the browser reads them. Cost: O(objects) lookups, one copy of the bytes.
 */
import { SNAPSHOT_PART_OBJECTS, type SnapshotPayload } from '../cluster/live-protocol';
import type { KubeObject } from '../k8s/types';
import { EVENTS_HELD_BY_PAGE } from '../cluster/page-event';
import { hasObjectJson, objectJsonBytes } from './object-json';
import { chunked } from './sse-chunks';

/**
 * Events a snapshot carries at most. A 20,000-pod cluster holds ~50,000 Events (Scheduled, Pulled, Created,
 * Started … per pod): 70 % of the snapshot's objects, for an event list that shows the latest. Newer events
 * still stream as they happen; `kubectl get events` on the cluster itself sees all of them.
 */
export const SNAPSHOT_MAX_EVENTS = EVENTS_HELD_BY_PAGE;

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

/** One turn of the event loop: I/O callbacks (other requests, other streams' writes) run before we go on. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Objects serialised between two turns of the event loop while a snapshot is prepared: only objects not yet in the
 * JSON cache cost anything (~25 µs each for a compact pod), so a warm snapshot takes no turn at all and a cold one
 * holds the loop ~10-20 ms at a time.
 */
const ENCODES_PER_TURN = 500;

/** A snapshot ready to send: its size (checked against the limit before a byte goes out) and its bytes on demand. */
export interface SnapshotBytes {
  byteLength: number;
  /** The frames cut into chunks of at most CHUNK_BYTES, each built when the stream asks for it. */
  chunks(): Generator<Uint8Array>;
}

const encoder = new TextEncoder();
const COMMA = encoder.encode(',');

/**
 * The snapshot's frames as a run of byte pieces: per part the event's head, the cached JSON of each object with
 * commas between, and its tail — the text `formatSse({ event, id, data: JSON.stringify(payload) })` gives, with
 * `{ total, objects }` for a part and `{ objects, ...rest }` for the last event (a JSON text has no raw line break, so
 * its data is one line).
 */
function* framePieces(json: readonly Uint8Array[], rest: object, id: string): Generator<Uint8Array> {
  const restJson = JSON.stringify(rest);
  const lastTail = encoder.encode(`]${restJson === '{}' ? '}' : `,${restJson.slice(1)}`}\n\n`);
  const partTail = encoder.encode(']}\n\n');
  // each part says how many objects the whole snapshot holds, so the page can show how far it is
  const partHead = encoder.encode(`event: snapshot-part\ndata: {"total":${json.length},"objects":[`);
  for (let at = 0; ; at += SNAPSHOT_PART_OBJECTS) {
    const last = json.length - at <= SNAPSHOT_PART_OBJECTS;
    const end = last ? json.length : at + SNAPSHOT_PART_OBJECTS;
    yield last ? encoder.encode(`id: ${id.replace(/[\r\n]/g, '')}\nevent: snapshot\ndata: {"objects":[`) : partHead;
    for (let i = at; i < end; i++) {
      if (i > at) yield COMMA;
      yield json[i];
    }
    yield last ? lastTail : partTail;
    if (last) return;
  }
}

/**
 * The snapshot as SSE frames of SNAPSHOT_PART_OBJECTS objects each, from the JSON cache (object-json.ts). Objects
 * not cached yet are serialised ENCODES_PER_TURN per turn of the event loop (other requests and streams are served
 * meanwhile); cached ones cost a lookup. Nothing is joined here: `chunks()` copies the cached bytes into the
 * stream's chunks as the client reads, so a browser's snapshot costs its server one copy of its bytes, in slices,
 * and holds no text or frame of its own while it waits (20,000 pods: 36 MB built per browser before).
 * The caller must not mutate `objects` meanwhile (the hub's snapshot is an array of its own; the objects in it are
 * replaced on change, never edited). `stop()` true abandons the build (the client went away).
 */
export async function snapshotFrames(objects: readonly KubeObject[], rest: Omit<SnapshotPayload, 'objects'>, id: string, stop: () => boolean = () => false): Promise<SnapshotBytes | null> {
  const json: Uint8Array[] = new Array(objects.length);
  let encoded = 0;
  for (let i = 0; i < objects.length; i++) {
    if (!hasObjectJson(objects[i]) && ++encoded % ENCODES_PER_TURN === 0) {
      await nextTurn();
      if (stop()) return null;
    }
    json[i] = objectJsonBytes(objects[i]);
  }
  let byteLength = 0;
  for (const piece of framePieces(json, rest, id)) byteLength += piece.byteLength;
  return { byteLength, chunks: () => chunked(framePieces(json, rest, id)) };
}
