import { afterEach, describe, expect, it, vi } from 'vitest';
import type { KubeObject } from '../k8s/types';
import { SNAPSHOT_PART_OBJECTS } from '../cluster/live-protocol';
import { snapshotFrames, withNewestEvents } from './snapshot-frames';
import { concat, MAX_CHUNK_BYTES } from './sse-chunks';

afterEach(() => {
  vi.restoreAllMocks();
});

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

const REST = { namespaces: ['default'], upstream: { ok: true, synced: true } };

/** The whole text of a snapshot, read chunk by chunk as a stream would. */
async function readAll(objects: KubeObject[], rest: object, id: string): Promise<{ text: string; chunks: Uint8Array[]; byteLength: number }> {
  const snapshot = (await snapshotFrames(objects, rest as never, id))!;
  const chunks = [...snapshot.chunks()];
  return { text: new TextDecoder().decode(concat(chunks)), chunks, byteLength: snapshot.byteLength };
}

describe('snapshotFrames', () => {
  it('sends exactly the text JSON.stringify gives for each part (with the snapshot\'s total) and for the last event (objects from the JSON cache)', async () => {
    const objects = Array.from({ length: SNAPSHOT_PART_OBJECTS + 2 }, (_, i) => pod(`p${i}`));
    const rest = { namespaces: ['default'], upstream: { ok: true, synced: true } };
    const { text, byteLength } = await readAll(objects, rest, 'e.9');
    const expected =
      `event: snapshot-part\ndata: ${JSON.stringify({ total: SNAPSHOT_PART_OBJECTS + 2, objects: objects.slice(0, SNAPSHOT_PART_OBJECTS) })}\n\n` +
      `id: e.9\nevent: snapshot\ndata: ${JSON.stringify({ objects: objects.slice(SNAPSHOT_PART_OBJECTS), ...rest })}\n\n`;
    expect(text).toBe(expected);
    expect(byteLength).toBe(new TextEncoder().encode(expected).byteLength);
  });

  it('sends one `snapshot` event for a small or empty cluster, with non-ASCII text intact', async () => {
    const named = { ...pod('a'), metadata: { name: 'a', namespace: 'default', labels: { 앱: '웹' } } } as KubeObject;
    expect((await readAll([named], { namespaces: ['default'] }, 'e.1')).text).toBe(`id: e.1\nevent: snapshot\ndata: ${JSON.stringify({ objects: [named], namespaces: ['default'] })}\n\n`);
    expect((await readAll([], {}, 'e.2')).text).toBe('id: e.2\nevent: snapshot\ndata: {"objects":[]}\n\n');
  });

  it('cuts the frames into chunks of MAX_CHUNK_BYTES (the last one shorter), not one buffer per frame', async () => {
    const big = (i: number) => ({ ...pod(`p${i}`), status: { message: 'x'.repeat(3_000 + i) } }) as KubeObject;
    const { chunks, byteLength } = await readAll(Array.from({ length: 2 * SNAPSHOT_PART_OBJECTS + 5 }, (_, i) => big(i)), {}, 'e.3');
    expect(chunks.slice(0, -1).every((c) => c.byteLength === MAX_CHUNK_BYTES)).toBe(true);
    expect(chunks.at(-1)!.byteLength).toBeLessThanOrEqual(MAX_CHUNK_BYTES);
    expect(chunks.reduce((n, c) => n + c.byteLength, 0)).toBe(byteLength);
  });

  it('encodes no object again for the next browser: a warm snapshot passes only its frame heads through the encoder', async () => {
    const objects = Array.from({ length: 3 * SNAPSHOT_PART_OBJECTS }, (_, i) => pod(`p${i}`));
    await readAll(objects, {}, 'e.4'); // the first browser's snapshot fills the JSON cache
    const encode = vi.spyOn(TextEncoder.prototype, 'encode');
    const stringify = vi.spyOn(JSON, 'stringify');
    const { byteLength } = await readAll(objects, {}, 'e.5');
    const encodedChars = encode.mock.calls.reduce((n, [s]) => n + (s?.length ?? 0), 0);
    // before: the whole text of every part was framed and encoded again for each browser (encodedChars ≈ byteLength)
    expect(encodedChars).toBeLessThan(200 * 3 * 2);
    expect(byteLength).toBeGreaterThan(50 * objects.length);
    expect(stringify.mock.calls.filter(([v]) => objects.includes(v as KubeObject))).toHaveLength(0);
  });

  it('serialises objects not cached yet a slice at a time, other callbacks running in between', async () => {
    const objects = Array.from({ length: 2_000 }, (_, i) => pod(`cold${i}`));
    let turns = 0;
    let ticking = true;
    const tick = () => {
      turns++;
      if (ticking) setImmediate(tick);
    };
    setImmediate(tick);
    await snapshotFrames(objects, REST, 'e.6');
    ticking = false;
    // 2,000 objects to serialise: at least 3 turns of the event loop in between (one per 500)
    expect(turns).toBeGreaterThanOrEqual(3);
  });

  it('abandons the build when the client has gone', async () => {
    const objects = Array.from({ length: 2_000 }, (_, i) => pod(`gone${i}`));
    expect(await snapshotFrames(objects, REST, 'e.7', () => true)).toBeNull();
  });
});
