import { describe, expect, it } from 'vitest';
import { LayoutHold } from './layout-hold';

describe('LayoutHold', () => {
  it('grows a box at once, keeps it through a dip, and shrinks it only on release', () => {
    const hold = new LayoutHold();
    expect(hold.hold('a,b', [100, 100])).toEqual([100, 100]);
    // a surge pod arrives on a: room for 25% more (Kubernetes' default maxSurge), so the rest of the surge fits
    // and so does b, whose surge pods come next: one re-layout for the whole rollout, not one per box
    const surged = hold.hold('a,b', [101, 100]);
    expect(surged).toEqual([127, 125]);
    // more surge pods, then old pods go: nothing grows, and the answer keeps its identity (nothing to re-lay out)
    expect(hold.hold('a,b', [125, 100])).toBe(surged);
    expect(hold.hold('a,b', [90, 80])).toBe(surged);
    expect(hold.hold('a,b', [110, 120])).toBe(surged);
    // past its headroom a box grows again, and every box again gets 25% over what it holds now
    expect(hold.hold('a,b', [130, 120])).toEqual([163, 150]);
    expect(hold.release('a,b', [100, 100])).toEqual([100, 100]);
    expect(hold.hold('a,b', [99, 100])).toEqual([100, 100]);
  });

  it('starts afresh when the boxes change (a node joins or leaves)', () => {
    const hold = new LayoutHold();
    hold.hold('a,b', [30, 30]);
    expect(hold.hold('a,b,c', [5, 5, 0])).toEqual([5, 5, 0]);
  });
});
