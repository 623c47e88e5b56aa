/** The graph's flow store: a poll that changes one pod's rate wakes only that pod's tile. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TrafficStats } from '@/lib/sim/types';
import { emptyBucket } from '@/lib/sim/network/load-buckets';
import { trafficFlowStore } from './traffic-flow';

afterEach(() => vi.useRealTimers());

/** Three closed seconds sending `a` and `b` requests a second to pods a and b. */
const stats = (a: number, b: number, running = true): TrafficStats => ({
  now: 10_000 + a * 100 + b,
  running,
  label: 'svc/web (10.96.0.10:80) ← 클러스터 안(노드 worker-1)에서',
  service: 'default/web',
  buckets: [0, 1000, 2000].map((t) => ({ ...emptyBucket(t), sent: a + b, ok: a + b, pods: { 'default/a': a, 'default/b': b } })),
});

describe('trafficFlowStore', () => {
  it('notifies a pod listener only when that pod’s rate changes, and clears every badge when traffic stops', async () => {
    vi.useFakeTimers();
    let answer = stats(10, 10);
    const client = { traffic: { stats: async () => answer } };
    const store = trafficFlowStore(client);
    const a = vi.fn();
    const b = vi.fn();
    const offA = store.subscribePod('Pod/default/a', a);
    const offB = store.subscribePod('Pod/default/b', b);
    await vi.advanceTimersByTimeAsync(0);
    expect(store.pod('Pod/default/a')).toEqual({ rate: 10, failed: 0 });
    expect(store.get()).toMatchObject({ service: 'default/web', rate: 20 });
    expect([a.mock.calls.length, b.mock.calls.length]).toEqual([1, 1]);

    answer = stats(10, 14); // only b changes
    await vi.advanceTimersByTimeAsync(500);
    expect([a.mock.calls.length, b.mock.calls.length]).toEqual([1, 2]);
    expect(store.pod('Pod/default/b')).toEqual({ rate: 14, failed: 0 });

    answer = stats(10, 14, false);
    await vi.advanceTimersByTimeAsync(500);
    expect([a.mock.calls.length, b.mock.calls.length]).toEqual([2, 3]);
    expect(store.pod('Pod/default/a')).toBeUndefined();
    expect(store.get()).toBeNull();
    offA();
    offB();
  });
});
