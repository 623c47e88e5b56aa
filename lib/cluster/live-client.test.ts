import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { KubeObject } from '../k8s/types';
import { LiveClient, type EventSourceLike } from './live-client';
import type { ClusterChange, ConnectionState } from './types';
import { EVENTS_HELD_BY_PAGE, EVENTS_SHOWN } from './page-event';

class FakeEventSource implements EventSourceLike {
  readyState = 1;
  onerror: ((ev: unknown) => void) | null = null;
  closed = false;
  private readonly handlers = new Map<string, ((ev: { data: string; lastEventId?: string }) => void)[]>();
  constructor(readonly url: string) {}
  addEventListener(type: string, cb: (ev: { data: string; lastEventId?: string }) => void) {
    this.handlers.set(type, [...(this.handlers.get(type) ?? []), cb]);
  }
  emit(type: string, data: unknown, id?: string) {
    for (const cb of this.handlers.get(type) ?? []) cb({ data: JSON.stringify(data), lastEventId: id });
  }
  close() {
    this.closed = true;
    this.readyState = 2;
  }
}

const pod = (name: string, rv = '1', uid = `u-${name}`): KubeObject =>
  ({ kind: 'Pod', apiVersion: 'v1', metadata: { name, namespace: 'default', resourceVersion: rv, uid, labels: { app: name.split('-')[0] } } }) as KubeObject;
const node = (name: string): KubeObject => ({ kind: 'Node', apiVersion: 'v1', metadata: { name, resourceVersion: '1', uid: name } }) as KubeObject;
const snapshot = (objects: KubeObject[], ok = true) => ({ objects, namespaces: ['default'], upstream: { ok, synced: true, reason: ok ? undefined : '끊김' } });

function setup(info: Record<string, unknown> = { mode: 'live', writable: true, reachable: true, upstreamWatches: 7, streams: 1 }) {
  const sources: FakeEventSource[] = [];
  const requests: { url: string; init?: RequestInit }[] = [];
  const fetchImpl = vi.fn<typeof fetch>(async (url, init) => {
    requests.push({ url: String(url), init });
    if (String(url).endsWith('/info')) return Response.json(info);
    return Response.json({ ok: true, message: 'deployment.apps/web scaled' });
  });
  const client = new LiveClient({ eventSource: (url) => sources.at(-1 + sources.push(new FakeEventSource(url)))!, fetch: fetchImpl });
  const batches: ClusterChange[][] = [];
  client.subscribe((b) => batches.push(b));
  const states: [ConnectionState, string | undefined][] = [];
  client.onConnection((s, r) => states.push([s, r]));
  return { client, sources, requests, batches, states };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('LiveClient', () => {
  it('fills its cache from the snapshot and deltas, batching changes', async () => {
    const { client, sources, batches } = setup();
    sources[0].emit('snapshot', snapshot([node('worker-1'), pod('web-1')]), 'e.5');
    sources[0].emit('upsert', { kind: 'Pod', key: 'Pod/default/web-2', object: pod('web-2') }, 'e.6');
    sources[0].emit('delete', { kind: 'Pod', key: 'Pod/default/web-1', object: pod('web-1') }, 'e.7');
    await vi.advanceTimersByTimeAsync(20);
    // the snapshot's changes are handed over as it completes (test below), the deltas after it in one batch
    expect(batches.map((b) => b.length)).toEqual([3, 2]);
    expect([...client.cached().keys()].sort()).toEqual(['Namespace//default', 'Node//worker-1', 'Pod/default/web-2']);
    expect((await client.list('Pod', 'default', { labelSelector: 'app=web' })).map((p) => p.metadata?.name)).toEqual(['web-2']);
    await expect(client.get('Pod', 'web-1', 'default')).rejects.toMatchObject({ code: 404 });
    expect((await client.list('Node', 'default')).map((n) => n.metadata?.name)).toEqual(['worker-1']);
    expect((await client.get('Node', 'worker-1', 'default')).metadata?.name).toBe('worker-1');
    expect(client.connection()).toBe('connected');
    client.dispose();
  });

  it('shows a snapshot sent in parts as the parts arrive, and one of a stream that broke off is completed by the next', async () => {
    const { client, sources, batches } = setup();
    sources[0].emit('snapshot-part', { objects: [pod('a'), pod('b')] });
    await vi.advanceTimersByTimeAsync(20);
    // the first part is shown (and reported) before the rest of the snapshot has arrived
    expect([...client.cached().keys()].sort()).toEqual(['Pod/default/a', 'Pod/default/b']);
    expect(batches.flat().map((c) => `${c.type} ${c.key}`)).toEqual(['upsert Pod/default/a', 'upsert Pod/default/b']);
    sources[0].emit('snapshot-part', { objects: [pod('c')] });
    sources[0].emit('snapshot', snapshot([node('worker-1')]), 'e.9');
    await vi.advanceTimersByTimeAsync(20);
    expect([...client.cached().keys()].sort()).toEqual(['Namespace//default', 'Node//worker-1', 'Pod/default/a', 'Pod/default/b', 'Pod/default/c']);

    sources[0].emit('snapshot-part', { objects: [pod('stale')] });
    sources[0].onerror?.({} as Event); // EventSource reconnects by itself with a whole new snapshot
    sources[0].emit('snapshot', snapshot([pod('a')]), 'e.12');
    await vi.advanceTimersByTimeAsync(20);
    expect([...client.cached().keys()].sort()).toEqual(['Namespace//default', 'Pod/default/a']);
    client.dispose();
  });

  it('hands a snapshot\'s changes over before it reports the snapshot complete (the page takes that to mean "all in")', async () => {
    const { client, sources, batches } = setup();
    const handedOver: string[][] = [];
    client.onSnapshotProgress((p) => p === null && handedOver.push(batches.flat().map((c) => c.key)));
    sources[0].emit('snapshot-part', { total: 3, objects: [pod('a')] });
    sources[0].emit('snapshot', snapshot([pod('b')]), 'e.3');
    // at once, not after the 16 ms batching timer
    expect(handedOver.at(-1)).toEqual(['Pod/default/a', 'Namespace//default', 'Pod/default/b']);
    client.dispose();
  });

  it('reports how far a snapshot sent in parts is, part by part, and nothing once it is complete or broke off', async () => {
    const { client, sources } = setup();
    const seen: (string | null)[] = [];
    const stop = client.onSnapshotProgress((p) => seen.push(p && `${p.done}/${p.total}`));
    sources[0].emit('snapshot-part', { total: 5, objects: [pod('a'), pod('b')] });
    sources[0].emit('snapshot-part', { total: 5, objects: [pod('c'), pod('d')] });
    sources[0].emit('snapshot', snapshot([pod('e')]), 'e.9');
    // a server without totals (an older one) still shows a count; a broken stream's progress is dropped
    sources[0].emit('snapshot-part', { objects: [pod('f')] });
    sources[0].onerror?.({} as Event);
    expect(seen).toEqual([null, '2/5', '4/5', null, '1/1', null]);
    stop();
    sources[0].emit('snapshot-part', { total: 9, objects: [pod('g')] });
    expect(seen).toHaveLength(6);
    client.dispose();
  });

  it('marks where a snapshot\'s time goes: its first part, and its completion with parts, size, parse and apply time', async () => {
    vi.useRealTimers(); // fake timers fake `performance` too
    performance.clearMarks();
    const { client, sources } = setup();
    sources[0].emit('snapshot-part', { objects: [pod('a'), pod('b')] });
    expect(performance.getEntriesByName('live:snapshot-first-part')).toHaveLength(1);
    expect(performance.getEntriesByName('live:snapshot-complete')).toHaveLength(0);
    sources[0].emit('snapshot', snapshot([node('worker-1')]), 'e.9');
    const [complete] = performance.getEntriesByName('live:snapshot-complete') as PerformanceMark[];
    const chars = JSON.stringify({ objects: [pod('a'), pod('b')] }).length + JSON.stringify(snapshot([node('worker-1')])).length;
    expect(complete.detail).toMatchObject({ parts: 2, chars });
    expect(complete.detail.parseMs).toBeGreaterThanOrEqual(0);
    expect(complete.detail.applyMs).toBeGreaterThanOrEqual(0);
    client.dispose();
  });

  it('a re-snapshot removes ghosts and only reports what changed', async () => {
    const { client, sources, batches } = setup();
    sources[0].emit('snapshot', snapshot([pod('a'), pod('b'), pod('c')]));
    await vi.advanceTimersByTimeAsync(20);
    batches.length = 0;
    sources[0].emit('snapshot', snapshot([pod('a'), pod('b', '2'), pod('d')]));
    await vi.advanceTimersByTimeAsync(20);
    const summary = batches.flat().map((c) => `${c.type} ${c.key}`).sort();
    expect(summary).toEqual(['delete Pod/default/c', 'upsert Pod/default/b', 'upsert Pod/default/d']);
    expect([...client.cached().keys()].filter((k) => k.startsWith('Pod')).sort()).toEqual(['Pod/default/a', 'Pod/default/b', 'Pod/default/d']);
    client.dispose();
  });

  it('holds the newest Events of a busy cluster, as many as its first snapshot, and reports the ones it lets go', async () => {
    const { client, sources, batches } = setup();
    const event = (i: number): KubeObject =>
      ({ kind: 'Event', apiVersion: 'v1', metadata: { name: `web.${i}`, namespace: 'default', resourceVersion: String(i) }, reason: 'Pulled', lastTimestamp: new Date(Date.UTC(2025, 0, 15, 0, 0, 0, i)).toISOString() }) as KubeObject;
    sources[0].emit('snapshot', snapshot([event(0)]), 'e.1');
    for (let i = 1; i <= 2_500; i++) sources[0].emit('upsert', { kind: 'Event', key: `Event/default/web.${i}`, object: event(i) }, `e.${i + 1}`);
    await vi.advanceTimersByTimeAsync(20);
    const held = [...client.cached().keys()].filter((k) => k.startsWith('Event/'));
    expect(held.length).toBeGreaterThanOrEqual(EVENTS_SHOWN);
    expect(held.length).toBeLessThanOrEqual(EVENTS_HELD_BY_PAGE);
    // the newest are kept, the oldest went, and whoever follows the stream was told (the cache and the changes agree)
    expect(client.cached().has('Event/default/web.2500')).toBe(true);
    expect(client.cached().has('Event/default/web.0')).toBe(false);
    const gone = new Set(batches.flat().filter((c) => c.type === 'delete').map((c) => c.key));
    for (let i = 0; i <= 2_500; i++) expect(client.cached().has(`Event/default/web.${i}`) || gone.has(`Event/default/web.${i}`)).toBe(true);
    expect((await client.list('Event', 'default')).length).toBe(held.length);
    client.dispose();
  });

  it('shows 재연결 중 with the reason while the server has lost the cluster, then 연결됨', async () => {
    const { client, sources, states } = setup();
    sources[0].emit('snapshot', snapshot([]));
    sources[0].emit('status', { ok: false, synced: true, reason: '클러스터 API 서버에 연결할 수 없습니다' });
    expect(client.connection()).toBe('reconnecting');
    expect(client.connectionReason()).toMatch(/연결할 수 없습니다/);
    await vi.advanceTimersByTimeAsync(31_000);
    expect(client.connection()).toBe('disconnected');
    sources[0].emit('status', { ok: true, synced: true });
    expect(states.map(([s]) => s)).toEqual(['connected', 'reconnecting', 'disconnected', 'connected']);
    client.dispose();
  });

  it('says 연결됨 only once the server has listed the whole cluster (an empty, unsynced snapshot is still 연결 중)', async () => {
    const { client, sources, states } = setup();
    await vi.advanceTimersByTimeAsync(0);
    // the server gave up waiting for its lists and sent what it had: nothing, not synced, no watch failed (yet)
    sources[0].emit('snapshot', { objects: [], namespaces: ['default'], upstream: { ok: true, synced: false } });
    expect(client.connection()).toBe('connecting');
    expect(client.connectionReason()).toMatch(/목록을 받는 중/);
    sources[0].emit('status', { ok: true, synced: true });
    expect(client.connection()).toBe('connected');
    expect(states.map(([s]) => s)).toEqual(['connecting', 'connected']);
    client.dispose();
  });

  it('a stalled API server (its lists neither come nor fail for a minute) shows /api/cluster/info\'s reason at once', async () => {
    const reason = '클러스터 API 서버가 응답하지 않습니다 (시간 초과).';
    const { client, sources } = setup({ mode: 'live', writable: false, reachable: false, reason, upstreamWatches: 7, streams: 0 });
    sources[0].emit('snapshot', { objects: [], namespaces: ['default'], upstream: { ok: true, synced: false } });
    await vi.advanceTimersByTimeAsync(0);
    // never up, so not 재연결 중: still 연결 중, with the reason
    expect(client.connection()).toBe('connecting');
    expect(client.connectionReason()).toBe(reason);
    // it answers after all: the lists come in and the badge follows the stream
    sources[0].emit('status', { ok: true, synced: true });
    expect(client.connection()).toBe('connected');
    client.dispose();
  });

  it('a cluster that never answers turns from 연결 중 into 연결 안 됨 (not 연결 끊김) after the same 30 s, with no new error', async () => {
    const reason = '클러스터 API 서버가 응답하지 않습니다 (시간 초과).';
    const { client, sources, states } = setup({ mode: 'live', writable: false, reachable: false, reason, upstreamWatches: 7, streams: 0 });
    sources[0].emit('snapshot', { objects: [], namespaces: ['default'], upstream: { ok: true, synced: false } });
    await vi.advanceTimersByTimeAsync(29_000);
    expect(client.connection()).toBe('connecting');
    await vi.advanceTimersByTimeAsync(2_000);
    expect(client.connection()).toBe('unreachable');
    expect(client.connectionReason()).toBe(reason);
    // once up, a later break is a reconnect again
    sources[0].emit('status', { ok: true, synced: true });
    sources[0].emit('status', { ok: false, synced: true, reason: '클러스터 API 서버에 연결할 수 없습니다' });
    expect(client.connection()).toBe('reconnecting');
    // (a state is announced again when only its reason changes: the badge's first 연결 중 had none)
    expect(states.map(([s]) => s).filter((s, i, all) => s !== all[i - 1])).toEqual(['connecting', 'unreachable', 'connected', 'reconnecting']);
    client.dispose();
  });

  it('a broken stream stays 재연결 중 when the info is read again (what it said of the cluster no longer holds)', async () => {
    const { client, sources } = setup();
    sources[0].emit('snapshot', snapshot([]));
    expect(client.connection()).toBe('connected');
    sources[0].onerror?.({});
    await client.refreshInfo();
    expect(client.connection()).toBe('reconnecting');
    client.dispose();
  });

  it('reopens a closed stream with the last event id', async () => {
    const { client, sources } = setup();
    sources[0].emit('snapshot', snapshot([]), 'abc.9');
    sources[0].readyState = 2;
    sources[0].onerror?.({});
    expect(client.connection()).toBe('reconnecting');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(sources).toHaveLength(2);
    expect(sources[1].url).toContain('lastEventId=abc.9');
    client.dispose();
  });

  it('refuses writes until unlocked, then sends the token and a mapped action', async () => {
    const { client, requests } = setup();
    await expect(client.patch('Deployment', 'web', 'default', { spec: { replicas: 3 } }, 'merge')).rejects.toMatchObject({ code: 403 });
    expect(requests.filter((r) => r.url.includes('actions'))).toHaveLength(0);
    client.unlockWrites('s3cret');
    await client.patch('Deployment', 'web', 'default', { spec: { replicas: 3 } }, 'merge').catch(() => {});
    const sent = requests.find((r) => r.url.endsWith('/api/cluster/actions'))!;
    expect((sent.init?.headers as Record<string, string>)['x-cluster-write-token']).toBe('s3cret');
    expect(JSON.parse(String(sent.init?.body))).toEqual({ action: 'scale', kind: 'Deployment', namespace: 'default', name: 'web', replicas: 3 });
    await expect(client.delete('Deployment', 'web', 'default')).rejects.toMatchObject({ code: 403 });
    await expect(client.create({ kind: 'Namespace', apiVersion: 'v1', metadata: { name: 'x' } } as KubeObject)).rejects.toMatchObject({ code: 403 });
    client.dispose();
  });
});
