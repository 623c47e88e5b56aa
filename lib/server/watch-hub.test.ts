import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeUpstreams } from './fake-upstream';
import { feedsFor } from './runtime';
import { WatchHub, type HubEvent } from './watch-hub';

const flush = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};
const listener = (events: HubEvent[] = []) => ({ onEvent: (e: HubEvent) => events.push(e), onHealth: () => {} });

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('WatchHub', () => {
  it('shares one upstream watch per (kind, namespace) among any number of subscribers', async () => {
    const { factory, collections, created } = fakeUpstreams();
    const hub = new WatchHub({ factory });
    const feeds = feedsFor(['default', 'demo']);
    const unsubs = Array.from({ length: 50 }, () => hub.subscribe(feeds, listener()));
    await flush();
    expect(hub.upstreamWatchCount()).toBe(1 + 6 * 2);
    expect(created).toHaveLength(13);
    for (const c of collections.values()) expect(c.openWatches).toBe(1);
    unsubs.forEach((u) => u());
    hub.close();
  });

  it('keeps encoded frames only for the newest 500 events; older ones keep their object for replay', async () => {
    const { factory, collections } = fakeUpstreams();
    const hub = new WatchHub({ factory });
    const feeds = feedsFor(['default']);
    const events: HubEvent[] = [];
    hub.subscribe(feeds, { onEvent: (e) => (events.push(e), (e.frame = new Uint8Array(1_000))), onHealth: () => {} });
    await flush();
    for (let i = 0; i < 700; i++) collections.get('Pod|default')!.put(`p${i}`);
    expect(events).toHaveLength(700);
    expect(events.slice(0, 199).every((e) => e.frame === undefined)).toBe(true);
    expect(events.slice(-500).every((e) => e.frame !== undefined)).toBe(true);
    expect(hub.replay(feeds, events[0].seq - 1)).toHaveLength(700); // still replayable
    hub.close();
  });

  it('delivers each change to every subscriber of that feed only', async () => {
    const { factory, collections } = fakeUpstreams();
    const hub = new WatchHub({ factory });
    const a: HubEvent[] = [];
    const b: HubEvent[] = [];
    hub.subscribe(feedsFor(['default']), listener(a));
    hub.subscribe([{ kind: 'Node', namespace: null }], listener(b));
    await flush();
    collections.get('Pod|default')!.put('web-1');
    collections.get('Node|')!.put('worker-1');
    expect(a.map((e) => e.key)).toEqual(['Pod/default/web-1', 'Node//worker-1']);
    expect(b.map((e) => e.key)).toEqual(['Node//worker-1']);
    expect(a[1]).toBe(b[0]); // the same event object (and so the same encoded frame) for everyone
    hub.close();
  });

  it('stops a feed only after the linger time following its last subscriber', async () => {
    const { factory, collections } = fakeUpstreams();
    const hub = new WatchHub({ factory, lingerMs: 10_000 });
    const feeds = [{ kind: 'Pod' as const, namespace: 'default' }];
    const u1 = hub.subscribe(feeds, listener());
    await flush();
    u1();
    await vi.advanceTimersByTimeAsync(9_000);
    const u2 = hub.subscribe(feeds, listener()); // a page reload: same watch, no relist
    await vi.advanceTimersByTimeAsync(60_000);
    expect(hub.upstreamWatchCount()).toBe(1);
    expect(collections.get('Pod|default')!.listCalls).toBe(1);
    u2();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(hub.upstreamWatchCount()).toBe(0);
    expect(collections.get('Pod|default')!.openWatches).toBe(0);
  });

  it('replays missed events, or refuses when it cannot be exact', async () => {
    const { factory, collections } = fakeUpstreams();
    const hub = new WatchHub({ factory, historySize: 4 });
    const feeds = [{ kind: 'Pod' as const, namespace: 'default' }];
    hub.subscribe(feeds, listener());
    await flush();
    const pods = collections.get('Pod|default')!;
    pods.put('a');
    const after = hub.currentSeq();
    pods.put('b');
    pods.put('c');
    expect(hub.replay(feeds, after)?.map((e) => e.key)).toEqual(['Pod/default/b', 'Pod/default/c']);
    for (let i = 0; i < 10; i++) pods.put(`x${i}`);
    expect(hub.replay(feeds, after)).toBeNull(); // history trimmed past it
    expect(hub.replay(feeds, hub.currentSeq() + 5)).toBeNull(); // from the future
    // a feed started after the id never saw what happened before it
    expect(hub.replay([{ kind: 'Service', namespace: 'default' }], after)).toBeNull();
    hub.close();
  });

  it('waits for cold feeds to list before reporting synced', async () => {
    const { factory, collections } = fakeUpstreams();
    const hub = new WatchHub({ factory });
    const feeds = [{ kind: 'Pod' as const, namespace: 'default' }];
    factory('Pod', 'default');
    collections.get('Pod|default')!.listErrors = [new Error('down')];
    hub.subscribe(feeds, listener());
    let resolved = false;
    void hub.whenSynced(feeds, 60_000).then(() => (resolved = true));
    await flush();
    expect(hub.health(feeds)).toMatchObject({ ok: false, synced: false });
    expect(resolved).toBe(false);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(resolved).toBe(true);
    expect(hub.health(feeds)).toMatchObject({ ok: true, synced: true });
    hub.close();
  });
});
