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

/** Room added when a box grows: Kubernetes' default maxSurge, 25% (a rollout's surge then fits in one step). */
export const GROW_HEADROOM = 0.25;
export class LayoutHold {
  private held: number[] = [];
  private names = '';

  /**
   * The counts to lay out: each box's largest count since the last release (a new set of boxes starts afresh).
   * Returns the same array while nothing grows, so callers can compare by identity.
   */
  hold(names: string, counts: readonly number[]): readonly number[] {
    if (names !== this.names || counts.length !== this.held.length) {
      this.names = names;
      this.held = [...counts];
      return this.held;
    }
    if (!counts.some((n, i) => n > this.held[i])) return this.held;
    // One box outgrowing its room means a rollout (or a scale-up) has started, and it reaches every node within
    // moments: all boxes get their headroom now, in one re-layout, instead of one re-layout (and the tile canvases
    // resized) per box as the surge reaches each node in turn.
    this.held = counts.map((n, i) => Math.max(this.held[i], Math.ceil(n * (1 + GROW_HEADROOM))));
    return this.held;
  }

  /** The cluster stood still: lay out the counts as they are now (boxes shrink to fit). */
  release(names: string, counts: readonly number[]): readonly number[] {
    this.names = names;
    this.held = [...counts];
    return this.held;
  }
}
