import { describe, expect, it } from 'vitest';
import { MountPacer, pacesMounts } from './mount-pacer';

/** A fake frame source: frames run only when the test says so. */
function fakeFrames() {
  const queued: (() => void)[] = [];
  return {
    nextFrame: (run: () => void) => void queued.push(run),
    requested: () => queued.length,
    runFrame: () => queued.splice(0).forEach((run) => run()),
  };
}

describe('MountPacer', () => {
  it('grants nothing at once, then at most perFrame per frame, in request order', () => {
    const frames = fakeFrames();
    const pacer = new MountPacer(3, frames.nextFrame);
    const granted: number[] = [];
    for (let i = 0; i < 8; i++) pacer.request(() => granted.push(i));
    // the requests share one frame request, and nothing mounts in the commit that asked
    expect(granted).toEqual([]);
    expect(frames.requested()).toBe(1);
    frames.runFrame();
    expect(granted).toEqual([0, 1, 2]);
    frames.runFrame();
    expect(granted).toEqual([0, 1, 2, 3, 4, 5]);
    frames.runFrame();
    expect(granted).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    // nothing left: no further frame is asked for
    expect(frames.requested()).toBe(0);
    expect(pacer.pending).toBe(0);
  });

  it('skips a request cancelled before its turn (a box culled again) without using up a slot', () => {
    const frames = fakeFrames();
    const pacer = new MountPacer(2, frames.nextFrame);
    const granted: string[] = [];
    const cancels = ['a', 'b', 'c', 'd'].map((id) => pacer.request(() => granted.push(id)));
    cancels[0]();
    cancels[2]();
    frames.runFrame();
    expect(granted).toEqual(['b', 'd']);
    expect(frames.requested()).toBe(0);
    // cancelling after the grant does nothing
    cancels[1]();
    expect(granted).toEqual(['b', 'd']);
  });

  it('asks for a frame again when a request comes after the queue emptied', () => {
    const frames = fakeFrames();
    const pacer = new MountPacer(1, frames.nextFrame);
    const granted: string[] = [];
    pacer.request(() => granted.push('first'));
    frames.runFrame();
    pacer.request(() => granted.push('later'));
    expect(frames.requested()).toBe(1);
    frames.runFrame();
    expect(granted).toEqual(['first', 'later']);
  });
});

describe('pacesMounts', () => {
  // bench:graph's shapes: N pods on M workers plus the control plane, more than 12 boxes being a big cluster
  it('mounts a 1,000-pod cluster of 21 boxes in one commit', () => {
    expect(pacesMounts(21, 1000, 12)).toBe(false);
  });

  it('paces the 5,000-pod (51 boxes) and 20,000-pod (183 boxes) clusters as before', () => {
    expect(pacesMounts(51, 5000, 12)).toBe(true);
    expect(pacesMounts(183, 20_000, 12)).toBe(true);
  });

  it('never paces a small cluster, however many pods its few boxes hold', () => {
    expect(pacesMounts(5, 5000, 12)).toBe(false);
    expect(pacesMounts(12, 1501, 12)).toBe(false);
  });

  it('paces from just past 1,500 pods', () => {
    expect(pacesMounts(13, 1500, 12)).toBe(false);
    expect(pacesMounts(13, 1501, 12)).toBe(true);
  });
});
