import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeUpstreams } from './fake-upstream';
import { feedsFor } from './runtime';
import { createStreamSession } from './stream-session';
import { StreamBudget, type QueueHandle } from './stream-budget';
import { WatchHub } from './watch-hub';

const MB = 1024 * 1024;

/** A stand-in stream whose queue the test sets by hand. */
function fakeStream(budget: StreamBudget, client: string) {
  const admission = budget.admit(client);
  if (!admission.ok) throw new Error(admission.message);
  const state = { queued: 0, dropped: false };
  const handle: QueueHandle = { queuedBytes: () => state.queued, drop: () => (state.dropped = true) };
  admission.seat.attach(handle);
  return { state, seat: admission.seat, enqueue: (bytes: number) => ((state.queued = bytes), admission.seat.noteQueued()) };
}

describe('StreamBudget', () => {
  it('admits streams up to the total and per-client limits, with a Korean reason and Retry-After', () => {
    const budget = new StreamBudget({ maxStreams: 3, maxStreamsPerClient: 2, maxQueuedBytes: MB });
    const a1 = budget.admit('a');
    expect(a1.ok && budget.admit('a').ok).toBe(true);
    expect(budget.admit('a')).toMatchObject({ ok: false, code: 429, retryAfterS: 10, message: expect.stringMatching(/이 주소에서/) });
    expect(budget.admit('b').ok).toBe(true);
    expect(budget.admit('c')).toMatchObject({ ok: false, code: 503, message: expect.stringMatching(/너무 많습니다/) });
    if (a1.ok) a1.seat.release();
    expect(budget.admit('a').ok).toBe(true);
    expect(budget.streams).toBe(3);
  });

  it('past the byte budget drops the slowest streams first, until the total is under 3/4 of it', () => {
    const budget = new StreamBudget({ maxStreams: 100, maxStreamsPerClient: 100, maxQueuedBytes: 10 * MB });
    const fast = fakeStream(budget, 'a');
    const slow = fakeStream(budget, 'b');
    const slower = fakeStream(budget, 'c');
    fast.enqueue(1 * MB);
    slow.enqueue(4 * MB);
    slower.enqueue(5 * MB);
    expect([fast, slow, slower].map((s) => s.state.dropped)).toEqual([false, false, false]); // exactly 10 MB: within
    fast.enqueue(2 * MB); // 11 MB > 10 MB → drop the 5 MB stream → 6 MB ≤ 7.5 MB
    expect([fast, slow, slower].map((s) => s.state.dropped)).toEqual([false, false, true]);
    expect(budget.streams).toBe(2);
    expect(budget.queuedBytes()).toBe(6 * MB);
    expect(budget.dropped).toBe(1);
  });

  it('recounts before dropping: a stream that has since been read is not blamed for its old queue', () => {
    const budget = new StreamBudget({ maxStreams: 100, maxStreamsPerClient: 100, maxQueuedBytes: 10 * MB });
    const reader = fakeStream(budget, 'a');
    const stuck = fakeStream(budget, 'b');
    reader.enqueue(8 * MB);
    reader.state.queued = 0; // the browser read it all, without another enqueue to report it
    stuck.enqueue(3 * MB); // the running total says 11 MB; the recount says 3 MB
    expect(reader.state.dropped || stuck.state.dropped).toBe(false);
  });
});

describe('stream sessions under a shared budget', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('cuts off never-reading clients when together they pass the budget, and keeps serving a reading one', async () => {
    const up = fakeUpstreams();
    const hub = new WatchHub({ factory: up.factory });
    const feeds = feedsFor(['default']);
    const budget = new StreamBudget({ maxStreams: 100, maxStreamsPerClient: 100, maxQueuedBytes: 64 * 1024 });
    const open = (client: string, onClose?: (r: string) => void) => {
      const admission = budget.admit(client);
      if (!admission.ok) throw new Error('not admitted');
      // Each stream alone may hold 1 MB: only the shared budget can stop them.
      return createStreamSession({ hub, feeds, namespaces: ['default'], lastEventId: null, seat: admission.seat, maxQueueBytes: MB, onClose });
    };
    const closed: string[] = [];
    const sleepers = Array.from({ length: 10 }, (_, i) => open(`slow-${i}`, (r) => closed.push(r)));
    const reader = open('fast').getReader();
    let received = 0;
    void (async () => {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        received += value.byteLength;
      }
    })();
    await vi.advanceTimersByTimeAsync(50);
    const pods = up.collections.get('Pod|default')!;
    for (let i = 0; i < 40; i++) {
      pods.put(`p${i}`, { spec: { padding: 'x'.repeat(2_000) } });
      await vi.advanceTimersByTimeAsync(1);
    }
    expect(closed.length).toBeGreaterThan(0);
    expect(closed.every((r) => r === 'dropped')).toBe(true);
    expect(budget.queuedBytes()).toBeLessThanOrEqual(64 * 1024);
    expect(budget.streams).toBe(11 - closed.length);
    expect(received).toBeGreaterThan(40 * 2_000); // the reading client got every event
    await expect(sleepers[0].getReader().read()).rejects.toThrow(/slow client/);
    void reader.cancel();
    hub.close();
  });
});
