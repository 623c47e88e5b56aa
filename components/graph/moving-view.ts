/**
 * Marks the graph's view as moving while a pan or zoom runs, so the whole graph is one compositor layer only then.
 *
 * A trace of bench:graph's 20,000-pod pan and zoom (software compositing, as this machine and many school PCs run)
 * found every frame spent on layers, not on drawing: each node box was a `will-change: transform` layer and the
 * content overlapping its canvas two more (615 layers drawing content), so each frame that moved the view
 * re-layerized (~17 ms), committed (~8 ms) and drew ~205 quads in software (~31 ms). One layer for the view while it
 * moves makes a pan or zoom frame move one picture; when the view stands still the layer goes, and the boxes are
 * drawn again at the zoom they are seen at (a layer kept would keep its zoomed-out raster scale: blurred zoomed in).
 *
 * Plain TS, time injected (tests drive a fake timer). O(1) per view change.
 */

export interface MovingViewTimers {
  setTimer(run: () => void, ms: number): unknown;
  clearTimer(timer: unknown): void;
}

export class MovingView {
  private timer: unknown = null;
  private moving = false;

  /** `mark(true)` when the view starts moving, `mark(false)` once it has stood still for `quietMs`. */
  constructor(
    private readonly mark: (moving: boolean) => void,
    private readonly timers: MovingViewTimers,
    private readonly quietMs: number,
  ) {}

  /** The view's pan or zoom changed (one call per frame of a gesture). */
  moved(): void {
    if (!this.moving) {
      this.moving = true;
      this.mark(true);
    }
    if (this.timer !== null) this.timers.clearTimer(this.timer);
    this.timer = this.timers.setTimer(() => this.stop(), this.quietMs);
  }

  /** No more listening (the graph is going away): the mark comes off. */
  dispose(): void {
    if (this.timer !== null) this.timers.clearTimer(this.timer);
    this.stop();
  }

  private stop(): void {
    this.timer = null;
    if (!this.moving) return;
    this.moving = false;
    this.mark(false);
  }
}
