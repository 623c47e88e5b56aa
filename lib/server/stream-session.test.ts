import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeCollection, fakeUpstreams } from './fake-upstream';
import { feedsFor } from './runtime';
import { createStreamSession } from './stream-session';
import { WatchHub } from './watch-hub';
import { flushFakeTimers, reader } from './sse-test-reader';

const flush = flushFakeTimers;

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function setup() {
  const up = fakeUpstreams();
  const hub = new WatchHub({ factory: up.factory });
  const feeds = feedsFor(['default']);
  const open = (lastEventId: string | null = null, extra: { maxQueueBytes?: number; maxSnapshotBytes?: number; onClose?: (r: string) => void } = {}) =>
    createStreamSession({ hub, feeds, namespaces: ['default'], lastEventId, ...extra });
  const pods = () => up.collections.get('Pod|default')!;
  return { hub, up, open, pods };
}

describe('stream session', () => {
  it('sends the snapshot first, then upserts and deletes with increasing ids', async () => {
    const { hub, open, pods, up } = setup();
    (up.factory('Pod', 'default') as FakeCollection).put('web-1');
    const s = reader(open());
    await flush();
    pods().put('web-2');
    pods().remove('web-1');
    await flush();
    const kinds = s.events.map((e) => e.event);
    expect(kinds).toEqual(['retry', 'snapshot', 'upsert', 'delete']);
    const snap = s.events[1].data as { objects: { metadata: { name: string } }[]; namespaces: string[]; upstream: { ok: boolean } };
    expect(snap.objects.map((o) => o.metadata.name)).toEqual(['web-1']);
    expect(snap.namespaces).toEqual(['default']);
    expect(snap.upstream.ok).toBe(true);
    const seqs = s.events.slice(1).map((e) => Number(e.id!.split('.')[1]));
    expect(seqs[1]).toBeGreaterThan(seqs[0]);
    expect(seqs[2]).toBeGreaterThan(seqs[1]);
    expect(s.events[2].data).toMatchObject({ kind: 'Pod', key: 'Pod/default/web-2' });
    s.stop();
    hub.close();
  });

  it('resumes from Last-Event-ID with just the missed events, and re-snapshots an unknown id', async () => {
    const { hub, open, pods } = setup();
    const first = reader(open());
    await flush();
    pods().put('a');
    await flush();
    const lastId = first.events.at(-1)!.id!;
    first.stop();
    pods().put('b');
    pods().put('c');
    const resumed = reader(open(lastId));
    await flush();
    expect(resumed.events.map((e) => e.event)).toEqual(['retry', 'status', 'upsert', 'upsert']);
    expect(resumed.events.slice(2).map((e) => (e.data as { key: string }).key)).toEqual(['Pod/default/b', 'Pod/default/c']);
    const fresh = reader(open('some-other-epoch.3'));
    await flush();
    expect(fresh.events.map((e) => e.event)).toEqual(['retry', 'snapshot']);
    expect((fresh.events[1].data as { objects: unknown[] }).objects).toHaveLength(3);
    resumed.stop();
    fresh.stop();
    hub.close();
  });

  it('drops a client whose queue fills up, without affecting the others', async () => {
    const { hub, open, pods } = setup();
    const closed: string[] = [];
    const slow = open(null, { maxQueueBytes: 4_000, onClose: (r) => closed.push(r) }); // never read
    const fast = reader(open());
    await flush();
    // Separate bursts (each flushed as one chunk) until the unread queue passes its byte limit.
    for (let i = 0; i < 20; i++) {
      pods().put(`p${i}`, { spec: { padding: 'x'.repeat(500) } });
      await vi.advanceTimersByTimeAsync(0);
    }
    await flush();
    expect(closed).toEqual(['dropped']);
    await expect(slow.getReader().read()).rejects.toThrow(/slow client/);
    expect(fast.events.filter((e) => e.event === 'upsert')).toHaveLength(20);
    fast.stop();
    hub.close();
  });

  it('queues shared frames, not per-client copies, for clients with a backlog', async () => {
    const { hub, open, pods } = setup();
    const a = open();
    const b = open();
    await flush();
    for (let burst = 0; burst < 3; burst++) {
      pods().put(`x${burst}`, { spec: { padding: 'x'.repeat(1_000) } });
      pods().put(`y${burst}`, { spec: { padding: 'y'.repeat(1_000) } });
      await flush();
    }
    const drain = async (s: ReadableStream<Uint8Array>) => {
      const r = s.getReader();
      const chunks: Uint8Array[] = [];
      for (let i = 0; i < 20; i++) {
        const next = await Promise.race([r.read(), new Promise<null>((res) => setImmediate(() => res(null)))]);
        if (!next || next.done) break;
        chunks.push(next.value);
      }
      r.releaseLock();
      return chunks;
    };
    vi.useRealTimers();
    const [ca, cb] = [await drain(a), await drain(b)];
    const shared = ca.filter((chunk) => cb.includes(chunk));
    // The bursts after the first one wait behind a backlog: each of their 4 frames is the one shared object.
    expect(shared.length).toBeGreaterThanOrEqual(4);
    hub.close();
  });

  it('joins a burst once for all clients that get the same frames', async () => {
    const { hub, open, pods } = setup();
    const received = [open(), open(), open()].map((st) => {
      const chunks: Uint8Array[] = [];
      const r = st.getReader();
      void (async () => {
        for (;;) {
          const { value, done } = await r.read();
          if (done) return;
          chunks.push(value);
        }
      })();
      return chunks;
    });
    await flush();
    const before = received.map((c) => c.length); // retry + snapshot
    pods().put('a');
    pods().put('b');
    await flush();
    const bursts = received.map((c, i) => c.slice(before[i]));
    expect(bursts.map((b) => b.length)).toEqual([1, 1, 1]);
    expect(bursts[1][0]).toBe(bursts[0][0]);
    expect(bursts[2][0]).toBe(bursts[0][0]);
    hub.close();
  });

  it('sends a large snapshot in chunks of at most 64 KB, so little sits outside the counted queue', async () => {
    const { hub, open, up } = setup();
    const pods = up.factory('Pod', 'default') as FakeCollection;
    for (let i = 0; i < 20; i++) pods.put(`big-${i}`, { spec: { padding: 'x'.repeat(20_000) } });
    const r = open().getReader();
    await flush();
    vi.useRealTimers();
    const sizes: number[] = [];
    for (;;) {
      const next = await Promise.race([r.read(), new Promise<null>((res) => setImmediate(() => res(null)))]);
      if (!next || next.done) break;
      sizes.push(next.value.byteLength);
    }
    expect(sizes.reduce((a, b) => a + b, 0)).toBeGreaterThan(400_000);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(64 * 1024);
    void r.cancel();
    hub.close();
  });

  it('delivers a snapshot larger than the queue limit whole, with the events that happened meanwhile after it', async () => {
    // 20,000 pods make a snapshot of tens of MB, far over the 4 MB a stream may queue: before, the next event
    // found the queue over its limit and cut the browser off mid-snapshot, and every reconnect did the same.
    const { hub, open, up } = setup();
    const pods = up.factory('Pod', 'default') as FakeCollection;
    for (let i = 0; i < 20; i++) pods.put(`big-${i}`, { spec: { padding: 'x'.repeat(20_000) } });
    const closed: string[] = [];
    const r = open(null, { maxQueueBytes: 100_000, onClose: (why) => closed.push(why) }).getReader();
    await flush();
    pods.put('during', { spec: { padding: 'y' } });
    await flush();
    expect(closed).toEqual([]);
    vi.useRealTimers();
    let text = '';
    const decoder = new TextDecoder();
    for (;;) {
      const next = await Promise.race([r.read(), new Promise<null>((res) => setTimeout(() => res(null), 20))]);
      if (!next || next.done) break;
      text += decoder.decode(next.value, { stream: true });
    }
    expect(closed).toEqual([]);
    const frames = text.split('\n\n').filter(Boolean);
    const snapshot = frames.find((f) => f.includes('event: snapshot'))!;
    const objects = (JSON.parse(snapshot.slice(snapshot.indexOf('data: ') + 6)) as { objects: { metadata: { name: string } }[] }).objects;
    expect(objects.filter((o) => o.metadata.name.startsWith('big-'))).toHaveLength(20);
    const after = frames.slice(frames.indexOf(snapshot) + 1);
    expect(after.some((f) => f.includes('event: upsert') && f.includes('"during"'))).toBe(true);
    void r.cancel();
    hub.close();
  });

  it('sends a snapshot of many objects as parts of 400 and a final event that carries the id', async () => {
    const { hub, open, up } = setup();
    const pods = up.factory('Pod', 'default') as FakeCollection;
    for (let i = 0; i < 1_000; i++) pods.put(`p${i}`);
    const s = reader(open());
    await flush();
    const snap = s.events.filter((e) => e.event.startsWith('snapshot'));
    expect(snap.map((e) => e.event)).toEqual(['snapshot-part', 'snapshot-part', 'snapshot']);
    expect(snap.map((e) => e.id)).toEqual([undefined, undefined, expect.stringMatching(/\.\d+$/)]);
    const names = snap.flatMap((e) => (e.data as { objects: { kind: string; metadata: { name: string } }[] }).objects.filter((o) => o.kind === 'Pod').map((o) => o.metadata.name));
    expect(new Set(names).size).toBe(1_000);
    expect((snap[0].data as { objects: unknown[] }).objects).toHaveLength(400);
    s.stop();
    hub.close();
  });

  it('sends a feed that is still listing its pages as one snapshot when it has synced, not one upsert per listed object', async () => {
    // A cold sync of a big cluster outlasts the sync wait: the client gets what the first pages hold, then the rest.
    // Reflectors list in pages of 500 (client-go's pager); streamed one by one, a 20,000-pod cluster's pages sent a
    // browser every Event in it as an upsert, past the snapshot's cap on Events.
    const { hub, up } = setup();
    const pods = up.factory('Pod', 'default') as FakeCollection;
    for (let i = 0; i < 1_234; i++) pods.put(`p${i}`);
    const s = reader(createStreamSession({ hub, feeds: feedsFor(['default']), namespaces: ['default'], lastEventId: null, syncWaitMs: 0 }));
    await flush();
    expect(s.events.filter((e) => e.event === 'upsert')).toEqual([]);
    const snapshots: number[] = []; // pods per whole snapshot (its parts, then the final event)
    let pending = 0;
    for (const e of s.events.filter((x) => x.event.startsWith('snapshot'))) {
      pending += (e.data as { objects: { kind: string }[] }).objects.filter((o) => o.kind === 'Pod').length;
      if (e.event !== 'snapshot') continue;
      snapshots.push(pending);
      pending = 0;
    }
    expect(snapshots.length).toBeGreaterThanOrEqual(2); // a partial one at the sync wait, a whole one at the sync
    expect(snapshots.at(-1)).toBe(1_234);
    // once synced, changes stream again as upserts
    pods.put('after-sync');
    await flush();
    expect(s.events.filter((e) => e.event === 'upsert').map((e) => (e.data as { key: string }).key)).toEqual(['Pod/default/after-sync']);
    s.stop();
    hub.close();
  });

  it('explains in Korean instead of sending a snapshot over the limit, and stays connected without reconnect churn', async () => {
    const { hub, open, up } = setup();
    const pods = up.factory('Pod', 'default') as FakeCollection;
    for (let i = 0; i < 20; i++) pods.put(`big-${i}`, { spec: { padding: 'x'.repeat(20_000) } });
    const closed: string[] = [];
    const s = reader(open(null, { maxSnapshotBytes: 100_000, onClose: (why) => closed.push(why) }));
    await flush();
    pods.put('later');
    await flush();
    expect(s.events.map((e) => e.event)).toEqual(['retry', 'status']);
    const status = s.events[1].data as { ok: boolean; reason: string };
    expect(status.ok).toBe(false);
    expect(status.reason).toMatch(/^클러스터가 너무 커서 브라우저로 보낼 수 없습니다 \(오브젝트 2\d개, 0\.\d MB — 한도 0\.1 MB\)/);
    expect(status.reason).toContain('CLUSTER_NAMESPACES');
    expect(closed).toEqual([]);
    s.stop();
    hub.close();
  });

  it('tells the browser when the cluster is lost and found again', async () => {
    const { hub, open, pods } = setup();
    const s = reader(open());
    await flush();
    pods().listErrors = [new Error('connection refused')];
    pods().dropWatches(new Error('socket hang up'));
    await vi.advanceTimersByTimeAsync(3_000); // 1 s backoff → list fails again → 2 s → list succeeds
    await flush();
    const statuses = s.events.filter((e) => e.event === 'status').map((e) => e.data as { ok: boolean; reason?: string });
    expect(statuses[0]).toMatchObject({ ok: false, reason: expect.stringMatching(/socket hang up/) });
    expect(statuses.at(-1)).toEqual({ ok: true, synced: true });
    expect(statuses.slice(0, -1).every((x) => !x.ok)).toBe(true);
    s.stop();
    hub.close();
  });

  it('sends a heartbeat comment every 15 s', async () => {
    const { hub, open } = setup();
    const s = reader(open());
    await vi.advanceTimersByTimeAsync(30_000);
    await flush();
    expect(s.events.filter((e) => e.comment === 'heartbeat')).toHaveLength(2);
    s.stop();
    hub.close();
  });
});
