/**
 * A painted grid shown as a still <img> once its canvas has stopped changing. Chromium composites every 2D <canvas>
 * as a layer of its own and, in a frame where the graph's pan or zoom moved it, hands every canvas's bitmap to the
 * compositor again whether or not it was drawn on: at 20,000 pods (~180 boxes on screen) each pan or zoom frame copied
 * ~180 bitmaps, laid out ~180 more layers and drew them one by one (a trace of the gestures: ~75 canvas resources per
 * frame, ~250 layers). An <img> is painted into its box like text, so a frame that moves it costs nothing per grid.
 *
 * The canvas stays what is painted on (the painter's tiles, the tests' pixels, the bench's counts): after `quietMs`
 * without a paint, and without any change to the graph (stirred), its bitmap is encoded (`toBlob`, off the main thread), decoded, and then the image is shown and the
 * canvas hidden (`visibility: hidden` keeps its place, size and attributes, but takes its layer away). The next paint
 * shows the canvas again at once, so a rollout that keeps repainting a box keeps drawing on its canvas.
 * Plain DOM, no React; time and the blob URLs are injected (tests use fakes). O(1) per paint.
 */

/** The part of a <canvas> a snapshot reads (a test hands in a stand-in). */
export interface SnapshotCanvas {
  style: { visibility: string };
  toBlob(done: (blob: Blob | null) => void): void;
  getAttribute(name: string): string | null;
}

/** The part of an <img> a snapshot shows. */
export type SnapshotImage = Pick<HTMLImageElement, 'src' | 'alt' | 'hidden' | 'decode'>;

export interface SnapshotEnv {
  now(): number;
  setTimer(run: () => void, ms: number): unknown;
  clearTimer(timer: unknown): void;
  createURL(blob: Blob): string;
  revokeURL(url: string): void;
  /** How long a canvas must go without a paint before its image replaces it. */
  quietMs: number;
  /**
   * True while the graph's view moves (moving-view.ts): no image is swapped in then. Each swap changes which
   * layers the graph has, and a trace of the 20,000-pod pan and zoom found the grids repainted at a settled zoom
   * swapping back one by one during the next gesture, each a re-layerization of the whole graph (~16 ms) in its frame.
   */
  held(): boolean;
  /** Runs `show` in the next frame together with every other grid's (one re-layerization for all of them). */
  reveal(show: () => void): void;
}

/** How soon a grid held back by a moving view tries again. */
const HELD_RETRY_MS = 200;

/**
 * Longer than the paint queue's least gap between two paints of one canvas (paint-queue.ts PAINT_MIN_GAP_MS, 200 ms):
 * a canvas that a rollout repaints five times a second is never swapped back and forth, and a still one (a big
 * cluster looked at, panned and zoomed) is an image within a second.
 */
export const SNAPSHOT_QUIET_MS = 1000;

export class CanvasSnapshot<I extends SnapshotImage = HTMLImageElement> {
  private timer: unknown = null;
  /** Bumped by every paint: an encode or decode begun before the latest paint shows nothing. */
  private generation = 0;
  private url: string | null = null;
  private showingImage = false;
  /** When the graph last changed anywhere (stirred); a canvas becomes an image only after the whole graph is still. */
  private stirredAt = -Infinity;

  constructor(
    private readonly canvas: SnapshotCanvas,
    readonly image: I,
    private readonly env: SnapshotEnv,
  ) {
    image.hidden = true;
  }

  /** Whether the image stands in for the canvas now. */
  get shown(): boolean {
    return this.showingImage;
  }

  /**
   * The canvas was just drawn on: show it (the image is out of date) and, when `still` allows, take a new image once
   * it has been still. A detailed (zoomed-in) drawing stays a canvas: Chromium rasterises an <img> inside the graph's
   * moving, `will-change: transform` boxes at the layer's scale, so a zoomed-in image came out blurred where the
   * canvas's own bitmap is sharp; zoomed in, few boxes are on screen, so their canvases cost little anyway.
   */
  painted(still = true): void {
    this.generation++;
    this.showCanvas();
    if (this.timer !== null) this.env.clearTimer(this.timer);
    this.timer = still ? this.env.setTimer(() => this.take(), this.env.quietMs) : null;
  }

  /**
   * The graph changed somewhere (any store change; this grid may not repaint). While a rollout keeps changing the
   * graph, a waiting canvas waits on: bench:graph's 5,000-pod rollout with images taken per quiet canvas swapped boxes
   * back and forth (encode, decode, layer changes) and its p95 frame went from 50–67 ms to 117–133 ms. O(1).
   */
  stirred(): void {
    this.stirredAt = this.env.now();
  }

  /** Stop: no timer, no URL kept (the grid is going away for good). */
  dispose(): void {
    this.generation++;
    if (this.timer !== null) this.env.clearTimer(this.timer);
    this.timer = null;
    this.showCanvas();
    this.dropURL();
  }

  private take(): void {
    this.timer = null;
    const left = this.stirredAt + this.env.quietMs - this.env.now();
    if (left > 0 || this.env.held()) {
      this.timer = this.env.setTimer(() => this.take(), Math.max(left, HELD_RETRY_MS));
      return;
    }
    const generation = this.generation;
    this.canvas.toBlob((blob) => {
      if (!blob || generation !== this.generation) return;
      this.dropURL();
      const url = (this.url = this.env.createURL(blob));
      this.image.src = url;
      this.image.decode().then(
        () => this.env.reveal(() => this.show(generation, url)),
        () => {}, // not decodable (a zero-sized canvas): the canvas stays
      );
    });
  }

  /** Swap the decoded image in, unless a paint came since it was taken; a view that started moving meanwhile defers it. */
  private show(generation: number, url: string): void {
    if (generation !== this.generation || this.url !== url) return;
    if (this.env.held()) {
      if (this.timer === null) this.timer = this.env.setTimer(() => this.take(), HELD_RETRY_MS);
      return;
    }
    this.image.alt = this.canvas.getAttribute('aria-label') ?? '';
    this.image.hidden = false;
    this.canvas.style.visibility = 'hidden';
    this.showingImage = true;
  }

  private showCanvas(): void {
    if (!this.showingImage) return;
    this.showingImage = false;
    this.canvas.style.visibility = '';
    this.image.hidden = true;
  }

  private dropURL(): void {
    if (this.url === null) return;
    this.env.revokeURL(this.url);
    this.url = null;
  }
}
