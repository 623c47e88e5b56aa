import { describe, expect, it } from 'vitest';
import { rowsFor, sharedColumns } from './grid-packing';
import { LayoutHold } from './layout-hold';

// The headroom is a Deployment's default maxSurge, 25% of the replicas
// (https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#max-surge).
describe('LayoutHold', () => {
  it("starts every box with room for a 25% surge, so a rollout's surge moves no box; grows past it, shrinks back on release", () => {
    const hold = new LayoutHold();
    const still = hold.hold('a,b', [100, 100]);
    expect(still).toEqual([125, 125]);
    // surge pods arrive, then old pods go: nothing grows, and the answer keeps its identity (nothing to re-lay out)
    expect(hold.hold('a,b', [101, 100])).toBe(still);
    expect(hold.hold('a,b', [125, 110])).toBe(still);
    expect(hold.hold('a,b', [90, 80])).toBe(still);
    expect(hold.growing).toBe(false);
    // past its room a box grows at once, and every box gets 25% over what it holds now: b at its turn (the next step)
    expect(hold.hold('a,b', [130, 120])).toEqual([163, 125]);
    expect(hold.growing).toBe(true);
    expect(hold.step(8)).toBe(true);
    expect(hold.growing).toBe(false);
    expect(hold.hold('a,b', [130, 120])).toEqual([163, 150]);
    // the cluster stands still: back to 25% over the counts; a second release finds nothing to change
    expect(hold.release('a,b', [100, 100])).toBe(true);
    expect(hold.hold('a,b', [99, 100])).toEqual([125, 125]);
    expect(hold.release('a,b', [100, 100])).toBe(false);
    expect(hold.release('a,b', [60, 100])).toBe(true);
    expect(hold.hold('a,b', [60, 100])).toEqual([75, 125]);
  });

  it("keeps the columns through a rollout's surge: the headroom is rows, not columns", () => {
    const hold = new LayoutHold();
    // 5,000 pods on 50 nodes: 100 a box lay out at 13 columns (⌈√(100 × 1.6)⌉), in 10 rows with the room for 125
    expect(hold.hold('a,b', [100, 100])).toEqual([125, 125]);
    expect(hold.columns(100, 3)).toBe(13);
    expect(rowsFor(125, 13)).toBe(10);
    // the surge arrives within the room: the columns stay, though 110 pods alone would lay out at 14
    hold.hold('a,b', [110, 110]);
    expect(hold.columns(110, 3)).toBe(13);
    expect(sharedColumns(110, 3)).toBe(14);
    // past its room a box grows, with the columns for its count then (⌈√(126 × 1.6)⌉ = 15)
    expect(hold.hold('a,b', [126, 110])).toEqual([158, 125]);
    expect(hold.columns(126, 3)).toBe(15);
    // the other box filling up before its turn takes its planned room (⌈110 × 1.25⌉ = 138) at once, with no new columns
    // though its count (130) would ask for them again
    expect(hold.hold('a,b', [126, 130])).toEqual([158, 138]);
    expect(hold.growing).toBe(false);
    expect(hold.columns(130, 3)).toBe(15);
    expect(hold.step(8)).toBe(false);
    // a release lays out the counts as they are
    hold.release('a,b', [40, 40]);
    expect(hold.columns(40, 3)).toBe(sharedColumns(40, 3));
  });

  it('follows a cluster loading from empty (a live snapshot arriving in parts) at each growth', () => {
    const hold = new LayoutHold();
    expect(hold.hold('a', [0])).toEqual([0]);
    expect(hold.columns(0, 3)).toBe(3);
    expect(hold.hold('a', [400])).toEqual([500]);
    expect(hold.columns(400, 3)).toBe(sharedColumns(400, 3));
  });

  it('gives the boxes their headroom a few a frame, a full box at once whatever its turn', () => {
    const hold = new LayoutHold();
    const names = Array.from({ length: 20 }, (_, i) => `n${i}`).join(',');
    const still = Array.from({ length: 20 }, () => 100);
    expect(new Set(hold.hold(names, still))).toEqual(new Set([125]));
    // n0 goes past its room (126): it takes 158 now; the 19 others, at 110, wait for 138
    const surge = [126, ...Array(19).fill(110)];
    const first = hold.hold(names, surge);
    expect(first.filter((n) => n > 125)).toEqual([158]);
    // a step grows the next 8 in box order (n1..n8)
    expect(hold.step(8)).toBe(true);
    expect(hold.hold(names, surge)).toEqual([158, ...Array(8).fill(138), ...Array(11).fill(125)]);
    // meanwhile n15 fills: it takes its planned room now, ahead of its turn
    surge[15] = 130;
    let after = hold.hold(names, surge);
    expect(after[15]).toBe(138);
    expect(after[9]).toBe(125);
    // and n15 goes past it: a new growth, from its own count
    surge[15] = 140;
    after = hold.hold(names, surge);
    expect(after[15]).toBe(175);
    expect(after[9]).toBe(125);
    // the next steps grow n9..n14 and n16..n19 (n15 already has its room), then nothing waits
    expect(hold.step(8)).toBe(true);
    expect(hold.growing).toBe(true);
    expect(hold.step(8)).toBe(true);
    expect(hold.growing).toBe(false);
    expect(hold.step(8)).toBe(false);
    expect(hold.hold(names, surge)).toEqual([158, ...Array(14).fill(138), 175, ...Array(4).fill(138)]);
    // a release drops what still waited
    hold.release(names, still);
    hold.hold(names, [200, ...Array(19).fill(110)]);
    expect(hold.growing).toBe(true);
    expect(hold.release(names, still)).toBe(true);
    expect(hold.growing).toBe(false);
    expect(hold.step(8)).toBe(false);
  });

  it('gives a box that outgrows its room the least room its caller names (the pending lane: a whole rollout)', () => {
    const hold = new LayoutHold();
    hold.hold('lane,a,b', [0, 100, 100], [2500, 0, 0]);
    // the lane is empty while nothing waits, whatever room a rollout would need
    expect(hold.hold('lane,a,b', [0, 100, 100], [2500, 0, 0])).toEqual([0, 125, 125]);
    // the first surge waits for the scheduler: the lane takes the rollout's room at once (25% more than 364 would be 455)
    expect(hold.hold('lane,a,b', [364, 100, 100], [2500, 0, 0])).toEqual([2500, 125, 125]);
    // the rest of the rollout's waiting pods fit: nothing grows again
    const full = hold.hold('lane,a,b', [2500, 101, 100], [2500, 0, 0]);
    expect(full).toEqual([2500, 125, 125]);
    expect(hold.hold('lane,a,b', [2312, 101, 100], [2500, 0, 0])).toBe(full);
    // a box that is not growing keeps its room though the caller names more (a later rollout's room applies when it grows)
    expect(hold.hold('lane,a,b', [10, 101, 100], [4000, 0, 0])[0]).toBe(2500);
    // past that room it grows again: the larger of 25% more and the named room
    expect(hold.hold('lane,a,b', [2600, 101, 100], [2500, 0, 0])[0]).toBe(3250);
  });

  it('starts afresh when the boxes change (a node joins or leaves)', () => {
    const hold = new LayoutHold();
    hold.hold('a,b', [30, 30]);
    expect(hold.hold('a,b,c', [5, 5, 0])).toEqual([7, 7, 0]);
  });
});
