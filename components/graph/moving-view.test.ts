import { describe, expect, it } from 'vitest';
import { MovingView } from './moving-view';

/** A MovingView on a fake timer: `wait(ms)` runs what falls due. */
function setup(quietMs = 150) {
  let t = 0;
  const timers = new Map<number, { at: number; run: () => void }>();
  let next = 1;
  const marks: boolean[] = [];
  const view = new MovingView((moving) => marks.push(moving), { setTimer: (run, ms) => (timers.set(next, { at: t + ms, run }), next++), clearTimer: (id) => timers.delete(id as number) }, quietMs);
  const wait = (ms: number) => {
    t += ms;
    for (const [id, timer] of [...timers]) if (timer.at <= t) (timers.delete(id), timer.run());
  };
  return { view, marks, wait, pending: () => timers.size };
}

describe('MovingView', () => {
  it('marks the view once when a gesture starts and unmarks it once it has stood still', () => {
    const { view, marks, wait } = setup(150);
    for (let i = 0; i < 30; i++) {
      view.moved(); // a drag: one change a frame
      wait(16);
    }
    expect(marks).toEqual([true]);
    wait(100); // 116 ms after the last change: still moving
    expect(marks).toEqual([true]);
    wait(50);
    expect(marks).toEqual([true, false]);
  });

  it('a pause shorter than the quiet time keeps one mark over two gestures; a longer one gives two', () => {
    const { view, marks, wait } = setup(150);
    view.moved();
    wait(100);
    view.moved();
    wait(200);
    expect(marks).toEqual([true, false]);
    view.moved();
    wait(200);
    expect(marks).toEqual([true, false, true, false]);
  });

  it('dispose unmarks a moving view and leaves no timer; a still one is left alone', () => {
    const { view, marks, pending } = setup();
    view.dispose();
    expect(marks).toEqual([]);
    view.moved();
    view.dispose();
    expect(marks).toEqual([true, false]);
    expect(pending()).toBe(0);
  });
});
