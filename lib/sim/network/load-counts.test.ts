/**
 * An exact run writes its seconds down only when someone needs them (load-counts.ts): a running generator in a quiet
 * cluster records nothing, a window's totals are computed from the plan without writing, and they are the totals
 * the written-down buckets give — for any window, mid-second edges, failures during a rollout and a run left
 * unread longer than the buckets are kept.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as buckets from './load-buckets';
import { helloCluster, rollOutSlowHello, tenWebPods } from './testing';

vi.mock('./load-buckets', async (importOriginal) => {
  const real = await importOriginal<typeof buckets>();
  return { ...real, record: vi.fn(real.record) };
});

afterEach(() => vi.mocked(buckets.record).mockClear());

describe('exact counts are written down on demand', () => {
  it('a minute of 1,000/s in a quiet cluster records nothing until the chart reads it, then counts one second', () => {
    const sim = tenWebPods();
    const start = sim.now();
    sim.startTraffic({ target: 'svc/web', rate: 1000 });
    for (let t = 0; t < 60_000; t += 100) sim.advance(100);
    expect(sim.trafficBetween(start, Infinity)).toEqual({ sent: 60_000, failed: 0 });
    // the generator that wrote every second down before any engine work recorded 10 endpoints × 60 s here
    expect(buckets.record).not.toHaveBeenCalled();
    const stats = sim.trafficStats();
    expect(stats.buckets).toHaveLength(60);
    expect(stats.buckets.every((b) => b.sent === 1000 && Object.keys(b.pods).length === 10)).toBe(true);
    // one second counted (10 endpoints); the other 59 read the same under the same plan and are copied
    expect(vi.mocked(buckets.record).mock.calls.length).toBe(10);
  });

  it('totals from the plan equal the written buckets’ totals, for any window, through a failing rollout', () => {
    const lazy = helloCluster(false);
    const written = helloCluster(false);
    const t0 = lazy.now();
    for (const sim of [lazy, written]) {
      sim.startTraffic({ target: 'svc/hello', fromPod: 'client', rate: 37 });
      sim.advance(3_300);
      rollOutSlowHello(sim);
    }
    for (const step of [700, 1_300, 9_100, 25_000, 41_700, 650_000]) {
      lazy.advance(step);
      written.advance(step);
      written.trafficStats(); // writes everything down: its trafficBetween only sums buckets
      const now = lazy.now();
      for (const [from, to] of [[0, Infinity], [t0, now], [now - 5_500, now - 1_200], [now - 700, now], [now - 30_250, now + 10_000], [now + 1, Infinity], [now - 700_000, now - 599_500]]) {
        expect(lazy.trafficBetween(from, to), `${step}: [${from - t0}, ${to - t0})`).toEqual(written.trafficBetween(from, to));
      }
    }
    expect(written.trafficBetween(t0, Infinity).failed).toBe(0); // the last reads look at the kept 600 s only
    expect(lazy.trafficStats()).toEqual(written.trafficStats());
    expect(lazy.snapshot()).toBe(written.snapshot());
  });
});
