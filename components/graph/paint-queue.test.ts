import { describe, expect, it } from 'vitest';
import { createPaintQueue } from './paint-queue';

/** A queue on a fake clock whose frames the test runs by hand; each paint takes `costMs`. */
function setup(costMs: number, budgetMs = 6, minGapMs = 0) {
  let t = 0;
  const frames: (() => void)[] = [];
  const queue = createPaintQueue({ requestFrame: (cb) => frames.push(cb), now: () => t, budgetMs, minGapMs });
  const ran: string[] = [];
  const job = (name: string) => () => {
    ran.push(name);
    t += costMs;
  };
  const runFrame = () => frames.shift()!();
  const wait = (ms: number) => (t += ms);
  return { queue, ran, job, frames, runFrame, wait };
}

describe('createPaintQueue', () => {
  it('spreads paints that overrun the budget over the following frames, oldest first', () => {
    const { queue, ran, job, frames, runFrame } = setup(4);
    const [a, b, c] = [job('a'), job('b'), job('c')];
    queue.schedule(a);
    queue.schedule(b);
    queue.schedule(c);
    expect(frames).toHaveLength(1); // one frame asked for, however many paints wait
    runFrame(); // a (4 ms), b (8 ms ≥ 6): c waits
    expect(ran).toEqual(['a', 'b']);
    expect(frames).toHaveLength(1);
    queue.schedule(a); // asked again: behind c, which has waited longer
    runFrame();
    expect(ran).toEqual(['a', 'b', 'c', 'a']);
    expect(frames).toHaveLength(0);
  });

  it('runs a paint once per frame however often it was asked for, and at least one paint per frame', () => {
    const { queue, ran, job, runFrame } = setup(50);
    const a = job('a');
    const b = job('b');
    queue.schedule(a);
    queue.schedule(a);
    queue.schedule(b);
    runFrame(); // a alone is over budget, but a frame always makes progress
    expect(ran).toEqual(['a']);
    runFrame();
    expect(ran).toEqual(['a', 'b']);
  });

  it('forgets a cancelled paint', () => {
    const { queue, ran, job, runFrame } = setup(1);
    const a = job('a');
    queue.schedule(a);
    queue.cancel(a);
    queue.schedule(job('b'));
    runFrame();
    expect(ran).toEqual(['b']);
  });

  it('holds a paint that ran moments ago until its gap has passed, running the others meanwhile', () => {
    const { queue, ran, job, frames, runFrame, wait } = setup(1, 6, 200);
    const [a, b] = [job('a'), job('b')];
    queue.schedule(a);
    runFrame(); // t = 0 → 1
    expect(ran).toEqual(['a']);
    wait(15);
    queue.schedule(a); // a commit 16 ms later changes a's pods again
    queue.schedule(b); // and b's, which has never painted
    runFrame();
    expect(ran).toEqual(['a', 'b']);
    expect(frames).toHaveLength(1); // a still waits, so frames keep coming
    wait(100);
    runFrame();
    expect(ran).toEqual(['a', 'b']);
    wait(100); // 200 ms since a last ran
    runFrame();
    expect(ran).toEqual(['a', 'b', 'a']);
    expect(frames).toHaveLength(0);
  });

  it('resumes a paint that stopped part-way in the next frame, without its gap', () => {
    const { queue, ran, job, frames, runFrame, wait } = setup(1, 6, 200);
    const a = job('a');
    queue.schedule(a);
    runFrame();
    wait(15);
    queue.schedule(a); // scheduled again 16 ms later: held for its gap
    runFrame();
    expect(ran).toEqual(['a']);
    queue.resume(a); // it has tiles left to draw from its last run: no gap
    wait(15);
    runFrame();
    expect(ran).toEqual(['a', 'a']);
    expect(frames).toHaveLength(0);
  });
});
