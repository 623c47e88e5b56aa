import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Reclaimer } from './reclaim';
import { StreamBudget } from './stream-budget';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('Reclaimer', () => {
  it('collects once after releases stop, and at most once a minute', () => {
    const collect = vi.fn();
    const r = new Reclaimer({ collect, quietMs: 5_000, minIntervalMs: 60_000 });
    for (let i = 0; i < 10; i++) {
      r.released();
      vi.advanceTimersByTime(1_000); // still releasing: not yet
    }
    expect(collect).not.toHaveBeenCalled();
    vi.advanceTimersByTime(5_000);
    expect(collect).toHaveBeenCalledTimes(1);
    r.released();
    vi.advanceTimersByTime(10_000);
    expect(collect).toHaveBeenCalledTimes(1); // a minute has not passed
    vi.advanceTimersByTime(50_000);
    expect(collect).toHaveBeenCalledTimes(2);
  });

  it('really collects: by default it runs a full GC', async () => {
    vi.useRealTimers();
    const tick = () => new Promise((r) => setImmediate(r));
    const ref = (() => new WeakRef(new Uint8Array(1 << 20)))();
    await tick(); // a WeakRef's target is kept alive until the job that created it ends
    expect(ref.deref() !== undefined).toBe(true); // (a boolean: expect() must not hold the array)
    await tick(); // deref() kept it alive for this job too
    const reclaimer = new Reclaimer({ quietMs: 0 });
    reclaimer.released(); // the default collector, after a 0 ms quiet period
    await new Promise((r) => setTimeout(r, 5));
    expect(reclaimer.runs).toBe(1);
    await tick();
    expect(ref.deref() === undefined).toBe(true);
  });
});

describe('StreamBudget and the reclaimer', () => {
  it('is told when a stream with a large queue ends, not for small ones', () => {
    const released = vi.fn();
    const budget = new StreamBudget({ maxStreams: 10, maxStreamsPerClient: 10, maxQueuedBytes: 1 << 30 }, { released });
    const open = (queued: number) => {
      const a = budget.admit('a');
      if (!a.ok) throw new Error('not admitted');
      a.seat.attach({ queuedBytes: () => queued, drop: () => {} });
      a.seat.noteQueued();
      return a.seat;
    };
    open(10_000).release();
    expect(released).not.toHaveBeenCalled();
    open(2 << 20).release();
    expect(released).toHaveBeenCalledTimes(1);
  });
});
