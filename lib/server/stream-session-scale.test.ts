/**
 * Stream sessions at scale (issue "Scale": 20,000 pods): the snapshot is built without holding the server,
 * and a burst bigger than a reading client's queue becomes a fresh snapshot instead of a cut-off.
 * Real timers: what is tested is the order of event-loop turns.
 */
import { describe, expect, it } from 'vitest';
import { FakeCollection, fakeUpstreams } from './fake-upstream';
import { feedsFor } from './runtime';
import { createStreamSession } from './stream-session';
import { WatchHub } from './watch-hub';
import { manualReader, podNames, turn } from './sse-test-reader';

function setup() {
  const up = fakeUpstreams();
  const hub = new WatchHub({ factory: up.factory });
  const feeds = feedsFor(['default']);
  const pods = up.factory('Pod', 'default') as FakeCollection;
  const open = (extra: { maxQueueBytes?: number; heartbeatMs?: number; onClose?: (r: string) => void } = {}) =>
    createStreamSession({ hub, feeds, namespaces: ['default'], lastEventId: null, ...extra });
  return { hub, pods, open };
}

describe('stream session at scale', () => {
  it('answers other work between the parts of a big snapshot instead of building it in one go', async () => {
    const { hub, pods, open } = setup();
    for (let i = 0; i < 1_800; i++) pods.put(`p${i}`);
    const order: string[] = [];
    // When the session takes its snapshot, another request's callback is queued for the next turn of the loop.
    const take = hub.snapshot.bind(hub);
    hub.snapshot = (feeds) => {
      order.push('snapshot taken');
      setImmediate(() => order.push('other request answered'));
      return take(feeds);
    };
    const s = manualReader(open(), (event) => {
      if (event === 'snapshot-part' && !order.includes('first part read')) order.push('first part read');
    });
    for (let i = 0; i < 200 && !s.events.some((e) => e.event === 'snapshot-part'); i++) await s.drain(1);
    // Built in one go, the parts reached the reader (microtasks) before the loop turned.
    expect(order).toEqual(['snapshot taken', 'other request answered', 'first part read']);
    await s.drain();
    expect(s.events.filter((e) => e.event.startsWith('snapshot')).map((e) => e.event)).toEqual(['snapshot-part', 'snapshot-part', 'snapshot-part', 'snapshot-part', 'snapshot']);
    expect(new Set(podNames(s.events)).size).toBe(1_800);
    await s.cancel();
    hub.close();
  });

  it('sends a reading client a fresh snapshot instead of cutting it off when a burst outgrows its queue', async () => {
    const { hub, pods, open } = setup();
    pods.put('before');
    const closed: string[] = [];
    const s = manualReader(open({ maxQueueBytes: 20_000, onClose: (r) => closed.push(r) }));
    await s.drain();
    expect(s.events.map((e) => e.event)).toEqual(['retry', 'snapshot']);
    // The reflectors' lists landing: far more than the queue holds, in one turn, and more changes soon after.
    for (let i = 0; i < 100; i++) pods.put(`burst-${i}`, { spec: { padding: 'x'.repeat(500) } });
    await turn();
    await turn();
    pods.put('after-burst');
    await turn();
    await turn();
    await s.drain();
    expect(s.failed()).toBeNull();
    expect(closed).toEqual([]);
    const afterFirst = s.events.slice(2);
    // No upserts of the burst: one snapshot that holds all of it instead (the browser diffs a re-snapshot),
    // then what changed after it, as usual.
    expect(afterFirst.map((e) => e.event)).toEqual(['snapshot', 'upsert']);
    const resynced = podNames(afterFirst);
    expect(resynced).toHaveLength(101);
    expect(resynced).toContain('before');
    expect(resynced).toContain('burst-99');
    expect(afterFirst[1]).toMatchObject({ data: { key: 'Pod/default/after-burst' } });
    // And the stream goes on as usual.
    pods.put('later');
    await s.drain();
    expect(s.events.at(-1)).toMatchObject({ event: 'upsert', data: { key: 'Pod/default/later' } });
    await s.cancel();
    hub.close();
  });

  it('still cuts off a client that stops reading, at the next heartbeat without progress', async () => {
    const { hub, pods, open } = setup();
    const closed: string[] = [];
    const s = manualReader(open({ maxQueueBytes: 20_000, heartbeatMs: 40, onClose: (r) => closed.push(r) }));
    await s.drain();
    // Bursts it never reads: the first becomes a fresh snapshot, which it never reads either.
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 60; i++) pods.put(`r${round}-${i}`, { spec: { padding: 'x'.repeat(500) } });
      for (let t = 0; t < 5; t++) await turn();
    }
    await new Promise((r) => setTimeout(r, 150));
    expect(closed).toEqual(['dropped']);
    await s.drain();
    expect(String(s.failed())).toMatch(/slow client/);
    hub.close();
  });
});
