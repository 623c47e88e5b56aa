import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PROBE_TIMEOUT_REASON, ReachabilityProbe, type Reachability } from './reachability';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** A probe whose answers the test releases by hand. */
function manual() {
  const pending: ((r: Reachability) => void)[] = [];
  let runs = 0;
  const probe = new ReachabilityProbe(() => {
    runs++;
    return new Promise<Reachability>((resolve) => pending.push(resolve));
  });
  return { probe, runs: () => runs, answer: (r: Reachability) => pending.shift()!(r) };
}

describe('ReachabilityProbe', () => {
  it('shares one probe between callers', async () => {
    const m = manual();
    const a = m.probe.check(1_000);
    const b = m.probe.check(1_000);
    m.answer({ reachable: true, version: 'v1.31.0' });
    expect(await a).toEqual({ reachable: true, version: 'v1.31.0' });
    expect(await b).toEqual({ reachable: true, version: 'v1.31.0' });
    expect(m.runs()).toBe(1);
  });

  it('answers a timeout when the caller’s time runs out and nothing is known yet', async () => {
    const m = manual();
    const check = m.probe.check(300);
    await vi.advanceTimersByTimeAsync(300);
    expect(await check).toEqual({ reachable: false, reason: PROBE_TIMEOUT_REASON });
  });

  it('answers with a recent result when a new probe is slower than the caller may wait', async () => {
    const m = manual();
    const first = m.probe.check(1_000);
    m.answer({ reachable: true, version: 'v1.31.0' });
    await first;
    const second = m.probe.check(200); // a new probe starts and hangs
    await vi.advanceTimersByTimeAsync(200);
    expect(await second).toEqual({ reachable: true, version: 'v1.31.0' });
    await vi.advanceTimersByTimeAsync(20_000); // the old answer is stale now
    const third = m.probe.check(200);
    await vi.advanceTimersByTimeAsync(200);
    expect(await third).toMatchObject({ reachable: false });
  });
});
