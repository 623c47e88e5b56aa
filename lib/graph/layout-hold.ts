/**
 * Holds a big cluster's layout still while its pods churn. During a rollout every node's pod count rises and falls
 * (maxSurge), and sizing the boxes to the exact counts changed the shared column count and the rows over and over: at
 * 5,000 pods, 20 s of a rollout moved or resized a node box 875 times, changed every box's columns three times and
 * re-fitted the view 17 times, each time re-rendering React Flow's nodes and repainting tile canvases whole. The hold
 * sizes each box (and the pending lane) for the most pods it has had since the cluster last stood still: a box grows
 * when it needs room, with GROW_HEADROOM to spare so the rest of a surge fits without growing again (every box: a
 * surge reaching one node reaches the others next), and shrinks back only after `release`, which the view calls once
 * no pod count has changed for a while. Counts are per box in a fixed order (the caller's): O(boxes) per update.
 *
 * Each box also starts with that headroom, and keeps it when released: a rollout's surge then fits the boxes as they
 * are, so the picture does not move when a rollout starts (at 5,000 pods, growing every box at the first surge, with
 * the view refitting and every tile bitmap reallocated, made the rollout's longest main-thread tasks).
 *
 * The boxes that have no pod past their room yet take their headroom a few at a time (`step`, one call a frame), not
 * all in the update that found the first box full: growing all 50 boxes of a 5,000-pod cluster at once re-rendered
 * every box and reallocated every tile bitmap in one commit (351 component renders, 38–87 ms of main thread, the
 * longest task of the rollout). A box that is full grows at once, wherever its turn is.
 */

import { sharedColumns } from './grid-packing';

/** Room added when a box grows: Kubernetes' default maxSurge, 25% (a rollout's surge then fits in one step). */
export const GROW_HEADROOM = 0.25;

/** Each count with GROW_HEADROOM room over it: the room a box is laid out with when the cluster stands still. */
const withHeadroom = (counts: readonly number[]): number[] => counts.map((n) => Math.ceil(n * (1 + GROW_HEADROOM)));

/** Whether two lists of counts are equal, entry by entry. */
export const sameCounts = (a: readonly number[], b: readonly number[]): boolean => a.length === b.length && a.every((n, i) => n === b[i]);

export class LayoutHold {
  private held: number[] = [];
  /** The room each box is growing to (a box's turn to take it comes in `step`); null when none is waiting. */
  private target: number[] | null = null;
  private names = '';
  /** Bumped whenever the held counts change at an update (a growth, a release, a new set of boxes), not by `step`. */
  private version = 0;
  /** The most pods on one box, as counted when the held counts last changed (and the version it was taken at). */
  private basis = 0;
  private basisVersion = -1;

  /**
   * The shared tile columns: sharedColumns for the fullest box's real count when the held counts last changed, not
   * for its headroom or for what arrived since. A rollout's first surge pod gives every box room for 25% more pods in
   * rows, at the columns it had: a new column count re-laid out, reallocated and repainted every box's tiles (at 5,000
   * pods the longest task at the rollout's start, 13 -> 15 columns). A box that outgrows its room grows again, with the
   * columns for its count then.
   */
  columns(exactMax: number, minCols: number): number {
    if (this.basisVersion !== this.version) {
      this.basisVersion = this.version;
      this.basis = exactMax;
    }
    return sharedColumns(this.basis, minCols);
  }

  /**
   * The counts to lay out: each box's largest count since the last release, with its headroom once it has had its
   * turn (a new set of boxes starts afresh, each with its headroom). Returns the same array while nothing grows, so
   * callers can compare by identity. `least[i]`, when given, is the least room box i takes when it outgrows its room: what the caller knows
   * the box will need (the pending lane: all a rollout's new pods that can wait for the scheduler at once, where 25%
   * more than it holds grew it at every surge, and refitted the view each time).
   */
  hold(names: string, counts: readonly number[], least?: readonly number[]): readonly number[] {
    if (names !== this.names || counts.length !== this.held.length) {
      this.names = names;
      this.version++;
      this.held = withHeadroom(counts);
      this.target = null;
      return this.held;
    }
    if (!counts.some((n, i) => n > this.held[i])) return this.held;
    // One box outgrowing its room means a rollout (or a scale-up) has started, and it reaches every node within
    // moments: every box is given its headroom now. The full ones take it in this update; the rest in `step`.
    // A box filling up while it waits for its turn takes the room planned for it: no new growth, so the columns stay
    // (a new basis would re-lay out every box at new columns, the re-layout the held columns are there to avoid).
    const planned = this.target;
    const beyond = !planned || counts.some((n, i) => n > planned[i]);
    const target = beyond
      ? counts.map((n, i) => Math.max(planned?.[i] ?? 0, this.held[i], Math.ceil(n * (1 + GROW_HEADROOM)), n > this.held[i] ? (least?.[i] ?? 0) : 0))
      : planned;
    this.held = this.held.map((h, i) => (counts[i] > h ? target[i] : h));
    this.target = target.some((t, i) => t > this.held[i]) ? target : null;
    if (beyond) this.version++;
    return this.held;
  }

  /**
   * The counts the boxes are growing to, each box's room once every waiting box has had its turn (the held counts when
   * none waits): what the view fits to while they grow a few a frame, so it zooms out once, not at each step.
   */
  get planned(): readonly number[] {
    return this.target ?? this.held;
  }

  /** Boxes still waiting for their headroom (`step` has work to do). */
  get growing(): boolean {
    return this.target !== null;
  }

  /**
   * Gives up to `boxes` waiting boxes their headroom, in box order. True when the held counts changed (a new array,
   * which `hold` then returns); the columns stay.
   */
  step(boxes: number): boolean {
    const target = this.target;
    if (!target) return false;
    const held = [...this.held];
    let grown = 0;
    let i = 0;
    for (; i < held.length && grown < boxes; i++) {
      if (target[i] > held[i]) {
        held[i] = target[i];
        grown++;
      }
    }
    if (!held.slice(i).some((h, j) => target[i + j] > h)) this.target = null;
    if (grown === 0) return false;
    this.held = held;
    return true;
  }

  /**
   * The cluster stood still: lay out the counts as they are now, each with its headroom (boxes shrink to that). False
   * when that is the layout already (nothing to re-lay out).
   */
  release(names: string, counts: readonly number[]): boolean {
    const held = withHeadroom(counts);
    if (names === this.names && this.target === null && sameCounts(held, this.held)) return false;
    this.names = names;
    this.held = held;
    this.target = null;
    this.version++;
    return true;
  }
}
