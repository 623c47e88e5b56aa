import { describe, expect, it } from 'vitest';
import { rowsFor, sharedColumns } from './grid-packing';
import { LayoutHold } from './layout-hold';

describe('LayoutHold', () => {
  it('grows a box at once, keeps it through a dip, and shrinks it only on release', () => {
    const hold = new LayoutHold();
    expect(hold.hold('a,b', [100, 100])).toEqual([100, 100]);
    // a surge pod arrives on a: room for 25% more (Kubernetes' default maxSurge), so the rest of the surge fits
    // and so does b, whose surge pods come next; a takes its room now, b at its turn (the next step)
    expect(hold.hold('a,b', [101, 100])).toEqual([127, 100]);
    expect(hold.growing).toBe(true);
    expect(hold.step(8)).toBe(true);
    expect(hold.growing).toBe(false);
    const surged = hold.hold('a,b', [101, 100]);
    expect(surged).toEqual([127, 125]);
    // more surge pods, then old pods go: nothing grows, and the answer keeps its identity (nothing to re-lay out)
    expect(hold.hold('a,b', [125, 100])).toBe(surged);
    expect(hold.hold('a,b', [90, 80])).toBe(surged);
    expect(hold.hold('a,b', [110, 120])).toBe(surged);
    // past its headroom a box grows again, and every box again gets 25% over what it holds now
    expect(hold.hold('a,b', [130, 120])).toEqual([163, 125]);
    hold.step(8);
    expect(hold.hold('a,b', [130, 120])).toEqual([163, 150]);
    expect(hold.release('a,b', [100, 100])).toEqual([100, 100]);
    expect(hold.hold('a,b', [99, 100])).toEqual([100, 100]);
  });

  it("keeps the columns through a rollout's surge: the headroom is rows, not columns", () => {
    const hold = new LayoutHold();
    // 5,000 pods on 50 nodes: 100 a box lay out at 13 columns (⌈√(100 × 1.6)⌉) and 8 rows
    hold.hold('a,b', [100, 100]);
    expect(hold.columns(100, 3)).toBe(13);
    // the first surge pod: room for 126 and 125 (15 columns if sized by those), laid out at 13 columns: 10 rows
    expect(hold.hold('a,b', [101, 100])).toEqual([127, 100]);
    expect(hold.columns(101, 3)).toBe(13);
    // the other box filling up before its turn takes its planned room at once, with no new columns though its count
    // (110) would lay out wider
    expect(hold.hold('a,b', [101, 110])).toEqual([127, 125]);
    expect(hold.growing).toBe(false);
    expect(hold.columns(110, 3)).toBe(13);
    expect(sharedColumns(110, 3)).toBe(14);
    expect(hold.step(8)).toBe(false);
    expect(rowsFor(127, 13)).toBe(10);
    // the rest of the surge arrives within the room: nothing changes
    expect(hold.columns(125, 3)).toBe(13);
    // past its room a box grows again, with the columns for its count then
    hold.hold('a,b', [130, 120]);
    expect(hold.columns(130, 3)).toBe(sharedColumns(130, 3));
    expect(sharedColumns(130, 3)).toBe(15);
    // a release lays out the counts as they are
    hold.release('a,b', [40, 40]);
    expect(hold.columns(40, 3)).toBe(sharedColumns(40, 3));
  });

  it('follows a cluster loading from empty (a live snapshot arriving in parts) at each growth', () => {
    const hold = new LayoutHold();
    hold.hold('a', [0]);
    expect(hold.columns(0, 3)).toBe(3);
    hold.hold('a', [400]);
    expect(hold.columns(400, 3)).toBe(sharedColumns(400, 3));
  });

  it('gives the boxes their headroom a few a frame, a full box at once whatever its turn', () => {
    const hold = new LayoutHold();
    const names = Array.from({ length: 20 }, (_, i) => `n${i}`).join(',');
    const still = Array.from({ length: 20 }, () => 100);
    hold.hold(names, still);
    // the surge reaches n0 first: it takes 127, the 19 others wait for 125
    const first = hold.hold(names, [101, ...still.slice(1)]);
    expect(first.filter((n) => n > 100)).toEqual([127]);
    // a step grows the next 8 in box order (n1..n8)
    expect(hold.step(8)).toBe(true);
    expect(hold.hold(names, [101, ...still.slice(1)])).toEqual([127, ...Array(8).fill(125), ...Array(11).fill(100)]);
    // meanwhile n15 fills: it takes its planned room now, ahead of its turn
    const surge = [101, ...still.slice(1)];
    surge[15] = 110;
    let after = hold.hold(names, surge);
    expect(after[15]).toBe(125);
    expect(after[9]).toBe(100);
    // and n15 goes past it: a new growth, from its own count
    surge[15] = 126;
    after = hold.hold(names, surge);
    expect(after[15]).toBe(158);
    expect(after[9]).toBe(100);
    // the next steps grow n9..n14 and n16..n19 (n15 already has its room), then nothing waits
    expect(hold.step(8)).toBe(true);
    expect(hold.growing).toBe(true);
    expect(hold.step(8)).toBe(true);
    expect(hold.growing).toBe(false);
    expect(hold.step(8)).toBe(false);
    const done = hold.hold(names, surge);
    expect(done).toEqual([127, ...Array(14).fill(125), 158, ...Array(4).fill(125)]);
    // a release drops what still waited
    hold.release(names, still);
    hold.hold(names, [200, ...still.slice(1)]);
    expect(hold.growing).toBe(true);
    hold.release(names, still);
    expect(hold.growing).toBe(false);
    expect(hold.step(8)).toBe(false);
  });

  it('gives a box that outgrows its room the least room its caller names (the pending lane: a whole rollout)', () => {
    const hold = new LayoutHold();
    hold.hold('lane,a,b', [0, 100, 100], [2500, 0, 0]);
    // the lane is empty while nothing waits, whatever room a rollout would need
    expect(hold.hold('lane,a,b', [0, 100, 100], [2500, 0, 0])).toEqual([0, 100, 100]);
    // the first surge waits for the scheduler: the lane takes the rollout's room at once (25% more than 364 would be 455)
    expect(hold.hold('lane,a,b', [364, 100, 100], [2500, 0, 0])).toEqual([2500, 100, 100]);
    // the rest of the rollout's waiting pods fit: nothing grows again
    const full = hold.hold('lane,a,b', [2500, 101, 100], [2500, 0, 0]);
    expect(full[0]).toBe(2500);
    expect(hold.hold('lane,a,b', [2312, 101, 100], [2500, 0, 0])).toBe(full);
    // a box that is not growing keeps its room though the caller names more (a later rollout's room applies when it grows)
    expect(hold.hold('lane,a,b', [10, 101, 100], [4000, 0, 0])[0]).toBe(2500);
    // past that room it grows again: the larger of 25% more and the named room
    expect(hold.hold('lane,a,b', [2600, 101, 100], [2500, 0, 0])[0]).toBe(3250);
  });

  it('starts afresh when the boxes change (a node joins or leaves)', () => {
    const hold = new LayoutHold();
    hold.hold('a,b', [30, 30]);
    expect(hold.hold('a,b,c', [5, 5, 0])).toEqual([5, 5, 0]);
  });
});
