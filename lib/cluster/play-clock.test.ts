import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PACE_WAIT_MS, PlayClock } from './play-clock';

/** A clock over a fake engine that records each advance and answers it when the test says. */
function fakeEngine() {
  const steps: number[] = [];
  const answers: (() => void)[] = [];
  const engine = {
    tickMs: 100,
    advance: (ms: number) => new Promise<void>((resolve) => (steps.push(ms), answers.push(resolve))),
    clockState: async () => ({ now: 0, nextDueAt: null, changes: 0 }),
    skip: async () => null,
  };
  return { engine, steps, answers };
}

describe('PlayClock.paceTo', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('a playing step waits until the page took in the last one, and spends the time earned meanwhile', async () => {
    const { engine, steps, answers } = fakeEngine();
    const clock = new PlayClock(engine);
    let release: () => void = () => {};
    let asked = 0;
    clock.paceTo(() => (asked++, new Promise<void>((r) => (release = r))));
    clock.play();
    await vi.advanceTimersByTimeAsync(100);
    // the first step waits too: the page may still be folding in what came before
    expect(steps).toEqual([]);
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(steps).toHaveLength(1);
    // the step answered while more time was earned: the next waits for the page again
    await vi.advanceTimersByTimeAsync(300);
    answers.shift()!();
    await vi.advanceTimersByTimeAsync(0);
    expect(asked).toBe(2);
    expect(steps).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(200);
    release();
    await vi.advanceTimersByTimeAsync(0);
    // one step for everything earned while the first ran and while the page caught up (500 ms at speed 1)
    expect(steps).toEqual([100, 500]);
    clock.dispose();
  });

  it('a page that never answers holds a step at most PACE_WAIT_MS; without pacing steps do not wait', async () => {
    const { engine, steps, answers } = fakeEngine();
    const clock = new PlayClock(engine);
    const stop = clock.paceTo(() => new Promise<void>(() => {}));
    clock.play();
    await vi.advanceTimersByTimeAsync(100);
    expect(steps).toEqual([]);
    await vi.advanceTimersByTimeAsync(PACE_WAIT_MS - 1);
    expect(steps).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(steps).toHaveLength(1);
    stop();
    answers.shift()!();
    await vi.advanceTimersByTimeAsync(100);
    expect(steps).toHaveLength(2);
    clock.dispose();
  });

  it('a step asked for directly (the step button) does not wait for the page', async () => {
    const { engine, steps } = fakeEngine();
    const clock = new PlayClock(engine);
    clock.paceTo(() => new Promise<void>(() => {}));
    const controls = clock.controls({ now: () => 0, timings: () => ({}) as never, reset: () => {} });
    void controls.step(1000);
    expect(steps).toEqual([1000]);
    clock.dispose();
  });
});
