/**
 * The stream session over the JSON cache (object-json.ts): the 2nd browser's snapshot and every delta reuse the
 * objects' JSON, a changed object is never sent stale, and what the projection strips stays stripped.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeUpstreams } from './fake-upstream';
import { hasObjectJson } from './object-json';
import { LAST_APPLIED_ANNOTATION } from './projection';
import { feedsFor } from './runtime';
import { flushFakeTimers, reader } from './sse-test-reader';
import { createStreamSession } from './stream-session';
import { WatchHub } from './watch-hub';

const flush = flushFakeTimers;

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

function setup() {
  const up = fakeUpstreams();
  const hub = new WatchHub({ factory: up.factory });
  const open = (lastEventId: string | null = null) => reader(createStreamSession({ hub, feeds: feedsFor(['default']), namespaces: ['default'], lastEventId }));
  // open() subscribes to every feed, so the collection exists from then on
  const pods = () => up.collections.get('Pod|default')!;
  return { hub, open, pods };
}

/** A pod carrying everything the projection must strip (projection.ts) and a label that changes. */
const secretive = (version: string) => ({
  metadata: { labels: { version }, annotations: { [LAST_APPLIED_ANNOTATION]: '{"env":"PASSWORD=hunter2"}' }, managedFields: [{ manager: 'kubectl' }] },
  spec: { containers: [{ name: 'web', image: 'nginx', env: [{ name: 'PASSWORD', value: 'hunter2' }] }] },
});
const put = (pods: ReturnType<ReturnType<typeof setup>['pods']>, name: string, version: string) => pods.put(name, secretive(version));

/** Calls of JSON.stringify that serialised an object or a snapshot payload (not a short status or id). */
const objectStringifies = (spy: { mock: { calls: unknown[][] } }) =>
  spy.mock.calls.filter(([v]) => typeof v === 'object' && v !== null && ('metadata' in v || 'objects' in v || 'object' in v)).length;

describe('stream session with the JSON cache', () => {
  it('serialises no object for the second browser’s snapshot', async () => {
    const { hub, open, pods } = setup();
    const first = open();
    await flush();
    for (let i = 0; i < 30; i++) pods().put(`p${i}`, { spec: { nodeName: 'worker-1' } });
    await flush();
    const stringify = vi.spyOn(JSON, 'stringify');
    const second = open();
    await flush();
    expect(second.events.map((e) => e.event)).toEqual(['retry', 'snapshot']);
    expect((second.events[1].data as { objects: unknown[] }).objects).toHaveLength(30);
    // the deltas the first browser got already serialised every pod once
    expect(objectStringifies(stringify)).toBe(0);
    first.stop();
    second.stop();
    hub.close();
  });

  it('sends a changed object’s new JSON in its delta and the next snapshot, redacted, and serialises it once', async () => {
    const { hub, open, pods } = setup();
    const watching = open();
    await flush();
    put(pods(), 'web', 'v1');
    await flush();
    const before = open();
    await flush();
    const stringify = vi.spyOn(JSON, 'stringify');
    put(pods(), 'web', 'v2');
    await flush();
    const after = open();
    await flush();
    // one serialisation of the projected new version (it has its kind set; the fake upstream's and the
    // projection's own copies have not), shared by the delta to two browsers and the next snapshot
    const projectedV2 = (v: unknown) => (v as { kind?: string; metadata?: { labels?: { version?: string } } } | null)?.kind === 'Pod' && (v as { metadata: { labels?: { version?: string } } }).metadata.labels?.version === 'v2';
    expect(stringify.mock.calls.filter(([v]) => projectedV2(v))).toHaveLength(1);
    const deltas = [watching, before].map((s) => s.events.at(-1)!);
    for (const d of deltas) expect(d).toMatchObject({ event: 'upsert', data: { key: 'Pod/default/web', object: { metadata: { labels: { version: 'v2' } } } } });
    const snapshot = after.events.find((e) => e.event === 'snapshot')!.data as { objects: { metadata: { labels: { version: string } } }[] };
    expect(snapshot.objects.map((o) => o.metadata.labels.version)).toEqual(['v2']);
    for (const text of [JSON.stringify(deltas.map((d) => d.data)), JSON.stringify(snapshot)]) {
      expect(text).not.toContain('hunter2');
      expect(text).not.toContain('managedFields');
      expect(text).not.toContain(LAST_APPLIED_ANNOTATION);
    }
    for (const s of [watching, before, after]) s.stop();
    hub.close();
  });

  it('holds JSON only for current objects: not for a replaced version, a deleted object, or a stopped feed', async () => {
    const { hub, open, pods } = setup();
    const s = open();
    await flush();
    pods().put('a');
    pods().put('b');
    await flush();
    const held = () => hub.snapshot(feedsFor(['default'])).objects;
    const [a1, b] = held();
    expect(hasObjectJson(a1) && hasObjectJson(b)).toBe(true);
    pods().put('a');
    pods().remove('b');
    await flush();
    const [a2] = held();
    expect([hasObjectJson(a1), hasObjectJson(b), hasObjectJson(a2)]).toEqual([false, false, true]);
    // a resume replays the old versions from the history: built for the frame, not cached again
    const resumed = open(s.events[1].id!);
    await flush();
    expect(resumed.events.filter((e) => e.event === 'upsert')).toHaveLength(3);
    expect([hasObjectJson(a1), hasObjectJson(b)]).toEqual([false, false]);
    s.stop();
    resumed.stop();
    hub.close();
    expect(hasObjectJson(a2)).toBe(false);
  });
});
