/**
 * Holds a big cluster's layout still while its pods churn. During a rollout every node's pod count rises and falls
 * (maxSurge), and sizing the boxes to the exact counts changed the shared column count and the rows over and over: at
 * 5,000 pods, 20 s of a rollout moved or resized a node box 875 times, changed every box's columns three times and
 * re-fitted the view 17 times, each time re-rendering React Flow's nodes and repainting tile canvases whole. The hold
 * sizes each box (and the pending lane) for the most pods it has had since the cluster last stood still: a box grows
 * at once when it needs room, with GROW_HEADROOM to spare so the rest of a surge fits without growing again (every
 * box at once: a surge reaching one node reaches the others next), and
 * shrinks back only after `release`, which the view calls once no pod count has changed for a while. Counts are per
 * box in a fixed order (the caller's): O(boxes) per update.
 */

import { sharedColumns } from './grid-packing';

/** Room added when a box grows: Kubernetes' default maxSurge, 25% (a rollout's surge then fits in one step). */
export const GROW_HEADROOM = 0.25;
export class LayoutHold {
  private held: number[] = [];
  private names = '';
  /** Bumped whenever the held counts change (a growth, a release, a new set of boxes). */
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
   * The counts to lay out: each box's largest count since the last release (a new set of boxes starts afresh).
   * Returns the same array while nothing grows, so callers can compare by identity.
   */
  hold(names: string, counts: readonly number[]): readonly number[] {
    if (names !== this.names || counts.length !== this.held.length) {
      this.names = names;
      this.version++;
      this.held = [...counts];
      return this.held;
    }
    if (!counts.some((n, i) => n > this.held[i])) return this.held;
    // One box outgrowing its room means a rollout (or a scale-up) has started, and it reaches every node within
    // moments: all boxes get their headroom now, in one re-layout, instead of one re-layout (and the tile canvases
    // resized) per box as the surge reaches each node in turn.
    this.held = counts.map((n, i) => Math.max(this.held[i], Math.ceil(n * (1 + GROW_HEADROOM))));
    this.version++;
    return this.held;
  }

  /** The cluster stood still: lay out the counts as they are now (boxes shrink to fit). */
  release(names: string, counts: readonly number[]): readonly number[] {
    this.names = names;
    this.held = [...counts];
    this.version++;
    return this.held;
  }
}
