import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../k8s/types';
import { SNAPSHOT_PART_OBJECTS } from '../cluster/live-protocol';
import { snapshotFrames, withNewestEvents } from './snapshot-frames';

const event = (name: string, lastTimestamp: string) => ({ kind: 'Event', apiVersion: 'v1', metadata: { name, namespace: 'default' }, lastTimestamp }) as KubeObject;
const pod = (name: string) => ({ kind: 'Pod', apiVersion: 'v1', metadata: { name, namespace: 'default' } }) as KubeObject;

describe('withNewestEvents', () => {
  it('keeps every other object and only the newest Events', () => {
    const objects = [pod('a'), event('old', '2026-11-30T10:00:00Z'), event('new', '2026-11-30T12:00:00Z'), pod('b'), event('mid', '2026-11-30T11:00:00Z')];
    const out = withNewestEvents(objects, 2);
    expect(out.map((o) => o.metadata?.name)).toEqual(['a', 'new', 'b', 'mid']);
  });

  it('returns the same list when there are few Events', () => {
    const objects = [pod('a'), event('e', '2026-11-30T10:00:00Z')];
    expect(withNewestEvents(objects, 2)).toBe(objects);
  });
});

describe('snapshotFrames', () => {
  it('sends exactly the text JSON.stringify gives for each part and for the last event (objects from the JSON cache)', async () => {
    const objects = Array.from({ length: SNAPSHOT_PART_OBJECTS + 2 }, (_, i) => pod(`p${i}`));
    const rest = { namespaces: ['default'], upstream: { ok: true, synced: true } };
    const frames = (await snapshotFrames(objects, rest, 'e.9'))!.map((f) => new TextDecoder().decode(f));
    expect(frames).toEqual([
      `event: snapshot-part\ndata: ${JSON.stringify({ objects: objects.slice(0, SNAPSHOT_PART_OBJECTS) })}\n\n`,
      `id: e.9\nevent: snapshot\ndata: ${JSON.stringify({ objects: objects.slice(SNAPSHOT_PART_OBJECTS), ...rest })}\n\n`,
    ]);
  });
});
