/**
 * The snapshot as SSE frames: `snapshot-part` events of SNAPSHOT_PART_OBJECTS objects, then the `snapshot` event
 * with the rest, the namespaces, the upstream status and the id a browser resumes from. A small snapshot is the
 * single `snapshot` event it always was. Serialising part by part also keeps the server from building one
 * string of tens of MB. Cost: O(size of the objects).
 */
import { SNAPSHOT_PART_OBJECTS, type SnapshotPartPayload, type SnapshotPayload } from '../cluster/live-protocol';
import type { KubeObject } from '../k8s/types';
import { encodeSse, formatSse } from './sse';

export function snapshotFrames(objects: KubeObject[], rest: Omit<SnapshotPayload, 'objects'>, id: string): Uint8Array[] {
  const frames: Uint8Array[] = [];
  let at = 0;
  for (; objects.length - at > SNAPSHOT_PART_OBJECTS; at += SNAPSHOT_PART_OBJECTS) {
    const part: SnapshotPartPayload = { objects: objects.slice(at, at + SNAPSHOT_PART_OBJECTS) };
    frames.push(encodeSse(formatSse({ event: 'snapshot-part', data: JSON.stringify(part) })));
  }
  const last: SnapshotPayload = { objects: objects.slice(at), ...rest };
  frames.push(encodeSse(formatSse({ event: 'snapshot', id, data: JSON.stringify(last) })));
  return frames;
}
