/**
 * Up to this many pods the whole graph mounts in one commit, however many boxes: pacing a 1,000-pod cluster's 21
 * boxes 6 a frame turned its first render into 4 rounds of (frame, grant, React commit, frame), each a wait for the
 * scheduler on a busy machine; mounted at once, its 21 boxes, their 1,000 canvas tiles and the rest of the page took one
 * task of 230–275 ms main-thread CPU (Chromium trace, load 15) and the render 3 frames instead of 9.
 */
const UNPACED_PODS = 1500;

/** Whether a graph of `boxes` boxes (more than `bigBoxes` is a big cluster) showing `pods` pods paces its box mounts. */
export const pacesMounts = (boxes: number, pods: number, bigBoxes: number): boolean => boxes > bigBoxes && pods > UNPACED_PODS;

/**
 * Hands out "mount turns" a few per frame. A big cluster's graph culls off-screen boxes (React Flow's
 * onlyRenderVisibleElements), so a zoom out, or the first render, mounts every newly visible box in one React commit:
 * ~180 boxes with their headers and tile canvases made 400–500 ms tasks at 20,000 pods. A box first mounts as a light
 * outline, asks for a turn, and renders its contents when granted: each frame's commit holds at most `perFrame` full
 * boxes, and a box culled again before its turn (a pan across) cancels and never renders them.
 *
 * Plain TypeScript, no React: the frame source is injected (requestAnimationFrame in the page, a fake in tests).
 * Cost: O(1) per request and cancel, O(perFrame) per frame.
 */
export class MountPacer {
  /** Waiting grants in request order (a Set keeps insertion order and deletes in O(1)). */
  private readonly waiting = new Set<() => void>();
  private frameRequested = false;

  constructor(
    private readonly perFrame: number,
    private readonly nextFrame: (run: () => void) => void,
  ) {}

  /** Queue `grant` for a coming frame; returns a cancel (a no-op once granted). */
  request(grant: () => void): () => void {
    this.waiting.add(grant);
    this.requestFrame();
    return () => {
      this.waiting.delete(grant);
    };
  }

  /** How many grants wait for a frame. */
  get pending(): number {
    return this.waiting.size;
  }

  private requestFrame(): void {
    if (this.frameRequested) return;
    this.frameRequested = true;
    this.nextFrame(this.runFrame);
  }

  private readonly runFrame = (): void => {
    this.frameRequested = false;
    let granted = 0;
    for (const grant of this.waiting) {
      if (granted === this.perFrame) break;
      this.waiting.delete(grant);
      granted++;
      grant();
    }
    if (this.waiting.size > 0) this.requestFrame();
  };
}
