/**
 * Draws one box's pod tiles on its bitmap (a <canvas> outside the page: the graph's tile layer, tile-layer.ts, copies
 * it to the screen), outside React: the grid subscribes to the store itself and a pod change repaints that pod's tile
 * on that one bitmap (no React render at all). A full repaint happens only when the grid's geometry, zoom detail or
 * theme changes. What it drew is described on the grid's element in the page (`describeOn`).
 */
import type { PodView } from '@/lib/graph/projection';
import { DEFAULT_TILE_METRICS as TILE } from '@/lib/graph/grid-packing';
import { gridSize, roomyHeight, tileRect } from '@/lib/graph/tile-geometry';
import type { PlaygroundState } from '@/lib/store/playground-store';
import { rateText, type PodFlow } from '@/lib/graph/traffic-flow';
import { podTileStatusLine, tileName } from './pod-label';
import type { TilePalette, ToneColours } from './tile-palette';
import { createPaintQueue, PAINT_BUDGET_MS, PAINT_MIN_GAP_MS } from './paint-queue';

export interface PaintSetup {
  ids: readonly string[];
  cols: number;
  /**
   * Tiles the bitmap has room for (the rows its box keeps × cols; at least the pod count). A big cluster's boxes keep
   * their rows through a rollout (lib/graph/layout-hold.ts): sized by room, not by count, the bitmap is not reallocated
   * and repainted whole each time a box's pods cross a row.
   */
  room?: number;
  /** Device pixels per CSS pixel (backingScale). */
  scale: number;
  /** Zoomed in far enough to read: draw names and status words. */
  detailed: boolean;
  palette: TilePalette;
  /** A pod's request rate while traffic runs (the badge DOM tiles have). */
  rateOf?: (id: string) => PodFlow | undefined;
}

/** A rate as one comparable string ('' without traffic). */
const rateKey = (f: PodFlow | undefined) => (f ? `${f.rate}|${f.failed}` : '');

/** highlighted (null/true/false) and selected, packed so a change is one integer compare. */
function markOf(s: PlaygroundState, id: string): number {
  const hl = s.highlight ? (s.highlight[id] === true ? 1 : 2) : 0;
  const selected = s.selection?.kind === 'Pod' && s.selection.key === id ? 4 : 0;
  return hl | selected;
}

const DASH: Record<string, number[]> = { dashed: [4, 3], dotted: [1.5, 2] };

/** When a paint must stop drawing (`now() >= until`): a bitmap's share of a frame. */
export interface PaintLimit {
  until: number;
  now: () => number;
}
/** Tiles drawn between two looks at the clock (at the farthest zoom ~32 tiles are ~0.3–0.6 ms of drawing). */
const TILES_PER_CHECK = 32;
/** Most drawing one queued paint of one bitmap does in a frame (the queue's budget is per frame, across bitmaps). */
export const PAINT_SLICE_MS = 4;

/** Painters with changes waiting, repainted in the coming animation frames within a budget (paint-queue.ts). */
const queue = createPaintQueue({
  requestFrame: (cb) => requestAnimationFrame(cb),
  now: () => performance.now(),
  budgetMs: PAINT_BUDGET_MS,
  minGapMs: PAINT_MIN_GAP_MS,
});

/** Run `paint` in a coming animation frame, once however often it is asked for before then. */
export const paintNextFrame = (paint: () => void): void => queue.schedule(paint);

/** Forget a waiting paint (its canvas is going away or being reconfigured). */
export const cancelPaint = (paint: () => void): void => queue.cancel(paint);

/** Go on with a paint that stopped at its limit, in the next frame (not after the queue's gap between repaints). */
export const resumePaint = (paint: () => void): void => queue.resume(paint);

/** A queued paint's limit: PAINT_SLICE_MS from now. */
export const sliceFromNow = (): PaintLimit => ({ until: performance.now() + PAINT_SLICE_MS, now: () => performance.now() });

/**
 * Run a grid's `repaint` now if its painter has drawn nothing yet (a box never shows empty), otherwise in a coming
 * frame through `later`: a canvas already showing tiles keeps them, scaled by CSS, until the queue reaches it. A zoom
 * that settles with hundreds of canvases on screen then costs each frame its paint budget, not one long task.
 */
export function repaintWhenDue(painter: Pick<TilePainter, 'look'>, repaint: () => void, later: (paint: () => void) => void = paintNextFrame): void {
  if (painter.look) later(repaint);
  else repaint();
}

/** The name line in monospace, its "…" in the sans font as a DOM tile has it (CJK monospace draws it two cells wide). */
function drawName(ctx: CanvasRenderingContext2D, label: string, x: number, y: number, palette: TilePalette): void {
  const mono = `600 11px ${palette.monoFont}`;
  const cut = label.indexOf('…');
  ctx.font = mono;
  if (cut < 0) return ctx.fillText(label, x, y);
  const head = label.slice(0, cut);
  ctx.fillText(head, x, y);
  let at = x + ctx.measureText(head).width;
  ctx.font = `600 11px ${palette.sansFont}`;
  ctx.fillText('…', at, y);
  at += ctx.measureText('…').width;
  ctx.font = mono;
  ctx.fillText(label.slice(cut + 1), at, y);
}

/** The part of a <canvas> the painter uses (a test can hand it a counting stand-in). */
export type PaintTarget = Pick<HTMLCanvasElement, 'width' | 'height'> & {
  getContext(kind: '2d', settings: CanvasRenderingContext2DSettings): CanvasRenderingContext2D | null;
};

/**
 * A bitmap's context is kept in main memory (`willReadFrequently`) and each paint that drew ends by reading one pixel
 * back. A 2D canvas only records its drawing calls and rasterises them when the bitmap is next read; unread, that was
 * the tile layer's copy, so one layer draw in a 5,000-pod rollout rasterised every grid repainted in its frame (up to
 * 52 ms; the paint queue's 6 ms budget had timed only the recording). Read back at the end of its paint, a grid is
 * rasterised inside the paint, where the queue's budget counts it, and the layer's copy is a copy (~1 ms a frame).
 * Measured in Chromium without a GPU: one pixel read back is the cheapest way to make a canvas draw now (a snapshot
 * costs ~1.5× more); in main memory the read is not a GPU round trip.
 */
const CONTEXT: CanvasRenderingContext2DSettings = { willReadFrequently: true };

/** The element in the page that says what the bitmap shows: its words for a screen reader, and counts for tests. */
export type DescribedTarget = Pick<HTMLElement, 'dataset' | 'getAttribute' | 'setAttribute'>;

interface Words {
  label: string;
  painted: string;
  detailed: string;
  /** Device pixels per CSS pixel of the bitmap (how sharp the layer can show it). */
  scale: string;
}

export class TilePainter<C extends PaintTarget = PaintTarget> {
  private setup: PaintSetup | null = null;
  private drawnPods: (PodView | undefined)[] = [];
  private drawnMarks: number[] = [];
  private drawnRates: string[] = [];
  private ctx: CanvasRenderingContext2D | null = null;
  /** The bitmap was reallocated (so blanked) since the last paint. */
  private blanked = false;
  private words: Words | null = null;
  private described: DescribedTarget | null = null;

  /** The part of the bitmap the grid uses, from its top left corner (device px; the layer copies only this). */
  readonly area = { width: 0, height: 0 };

  private bitmap: C;

  /**
   * `fresh` makes a new bitmap: a grid that grows (a rollout's Pending lane, a workload box) moves its tiles into one
   * (see configure). Without it a reallocated bitmap is blanked and painted again.
   */
  constructor(
    canvas: C,
    private readonly fresh?: () => C,
  ) {
    this.bitmap = canvas;
  }

  /** The bitmap painted on: after a reallocation that kept the tiles, a new one (the old one is emptied). */
  get canvas(): C {
    return this.bitmap;
  }

  /** The resolution and detail of what is drawn now (null before the first configure). */
  get look(): { scale: number; detailed: boolean } | null {
    return this.setup ? { scale: this.setup.scale, detailed: this.setup.detailed } : null;
  }

  /** Where the words go (the grid's element while its box is on screen; null while the painter waits off screen). */
  describeOn(target: DescribedTarget | null): void {
    this.described = target;
    this.applyWords();
  }

  /**
   * New pods, geometry, zoom detail or palette. Only a new look (columns, scale, detail, palette) or a resized
   * bitmap repaints everything; a new pod list alone (a rollout adds and removes pods every frame) keeps what is
   * drawn, and the next paint redraws just the tiles whose pod changed, clearing the ones past the new end.
   */
  configure(setup: PaintSetup): void {
    const prev = this.setup;
    this.setup = setup;
    const { width, height } = gridSize(Math.max(setup.ids.length, setup.room ?? 0), setup.cols);
    const w = Math.max(1, Math.round(width * setup.scale));
    const h = Math.max(1, Math.round(height * setup.scale));
    const sameLook = !!prev && prev.cols === setup.cols && prev.scale === setup.scale && prev.detailed === setup.detailed && prev.palette === setup.palette;
    // The bitmap has rows to spare (roomyHeight): a grid growing or shrinking a row at a time (a workload box of 2,500
    // pods in a rollout) uses more or less of it, drawing only the tiles that changed. It is reallocated (which blanks
    // it) only when too small, or more than four times the size it needs.
    this.area.width = w;
    this.area.height = h;
    const resized = this.bitmap.width !== w || this.bitmap.height < h || this.bitmap.height > 4 * h;
    let kept = false;
    if (resized) {
      const height = roomyHeight(w, h);
      // Same look and width: the tiles keep their places, so they are copied into a new bitmap, which then replaces
      // this one. A canvas's first drawing after it is allocated or resized costs in proportion to its area (~25 ns a
      // device pixel in Chromium without a GPU: 11–17 ms at 2947 × 179, where a second copy into it took 0.3 ms), so
      // the copy goes straight into the new bitmap: through a scratch canvas, resized for each copy, it paid that
      // twice more (a 5,000-pod rollout's Pending lane growing through 2947 × 179 took 37 ms in one task).
      const old = this.bitmap;
      const next = sameLook && old.width === w && old.height > 0 && this.fresh ? this.fresh() : null;
      if (next) {
        next.width = w;
        next.height = height;
        const ctx = next.getContext('2d', CONTEXT);
        if (ctx) {
          const rows = Math.min(old.height, height);
          ctx.drawImage(old as unknown as CanvasImageSource, 0, 0, w, rows, 0, 0, w, rows);
          // a zero-sized canvas gives its backing store back now rather than at the next collection
          old.width = 0;
          old.height = 0;
          this.bitmap = next;
          this.ctx = ctx;
          kept = true;
        }
      }
      if (!kept) {
        old.width = w;
        old.height = height;
      }
      this.blanked = !kept;
    }
    if ((resized && !kept) || !sameLook) {
      this.drawnPods = [];
      this.drawnMarks = [];
      this.drawnRates = [];
    }
    // Named from the start: an empty grid never paints, and an unnamed role="img" is a gap for a screen reader. A new
    // pod list alone changes no words until the paint (which describes what it drew): no O(tiles) count per list.
    if (!prev || (resized && !kept) || !sameLook) this.describe(setup);
  }

  private context(): CanvasRenderingContext2D | null {
    return (this.ctx ??= this.bitmap.getContext('2d', CONTEXT));
  }

  /** The last paint stopped at its time limit with tiles still to draw (the next paint goes on from there). */
  behind = false;

  /**
   * Repaint the tiles whose pod or mark changed since the last paint. O(tiles in this box) compares. True when the
   * bitmap changed (tiles drawn, or blanked by a resize), so the layer that shows it must draw again.
   * With a `limit`, drawing stops once its time is up (checked every TILES_PER_CHECK tiles) and `behind` says so: a
   * rollout of 2,500 pods in one workload box changed 2,500 tiles of one bitmap at once, 43 ms of drawing in one frame,
   * which no per-frame budget between bitmaps can split. Tiles left undrawn stay different from what is drawn, so the
   * next paint finds them again. Cleared tiles past the end of a shorter list are never left behind. A reallocated
   * (blank) bitmap is sliced too: a big grid whose columns changed shows part of its tiles for a few frames.
   */
  paint(s: PlaygroundState, limit?: PaintLimit): boolean {
    const setup = this.setup;
    const ctx = this.context();
    if (!setup || !ctx) return false;
    const blanked = this.blanked;
    this.blanked = false;
    const dirty: number[] = [];
    const count = setup.ids.length;
    const pods: (PodView | undefined)[] = [];
    const marks: number[] = [];
    const rates: string[] = [];
    for (let i = 0; i < count; i++) {
      const id = setup.ids[i];
      const pod = s.pods[id];
      const mark = markOf(s, id);
      const rate = rateKey(setup.rateOf?.(id));
      if (pod === this.drawnPods[i] && mark === this.drawnMarks[i] && rate === this.drawnRates[i]) continue;
      dirty.push(i);
      pods.push(pod);
      marks.push(mark);
      rates.push(rate);
    }
    // Tiles past the end of a shorter list are cleared (drawn as "no pod").
    const past: number[] = [];
    for (let i = count; i < this.drawnPods.length; i++) if (this.drawnPods[i]) past.push(i);
    this.drawnPods.length = Math.min(this.drawnPods.length, count);
    this.drawnMarks.length = Math.min(this.drawnMarks.length, count);
    this.drawnRates.length = Math.min(this.drawnRates.length, count);
    this.behind = false;
    if (dirty.length === 0 && past.length === 0) return blanked;
    ctx.setTransform(setup.scale, 0, 0, setup.scale, 0, 0);
    const full = dirty.length >= count && past.length === 0 && dirty.every((i, at) => i === at);
    if (full) ctx.clearRect(0, 0, this.bitmap.width / setup.scale, this.bitmap.height / setup.scale);
    for (const i of past) this.drawTile(ctx, setup, i, true);
    let at = 0;
    for (; at < dirty.length; at++) {
      // the tiles drawn so far are rasterised before the clock is read: recording them is a small part of their cost
      if (limit && at > 0 && at % TILES_PER_CHECK === 0) {
        ctx.getImageData(0, 0, 1, 1);
        if (limit.now() >= limit.until) break;
      }
      const i = dirty[at];
      this.drawnPods[i] = pods[at];
      this.drawnMarks[i] = marks[at];
      this.drawnRates[i] = rates[at];
      this.drawTile(ctx, setup, i, !full);
    }
    this.behind = at < dirty.length;
    ctx.getImageData(0, 0, 1, 1);
    this.describe(setup);
    return true;
  }

  private drawTile(ctx: CanvasRenderingContext2D, setup: PaintSetup, i: number, clear: boolean): void {
    const { cols, palette, detailed, scale } = setup;
    const r = tileRect(i, cols);
    // A ring sits in the gap around the tile, so clearing a tile clears its old ring too.
    if (clear) ctx.clearRect(r.x - TILE.gap / 2, r.y - TILE.gap / 2, r.width + TILE.gap, r.height + TILE.gap);
    const pod = this.drawnPods[i];
    if (!pod) return;
    const mark = this.drawnMarks[i];
    const highlighted = (mark & 3) === 1 ? true : (mark & 3) === 2 ? false : null;
    const tone: ToneColours = palette.tones[pod.status.tone];
    // Never thinner than one device pixel, or a far-out view loses the border style (the only cue left).
    const px = 1 / scale;
    const line = Math.max(tone.borderWidth, px);
    ctx.globalAlpha = tone.opacity * (highlighted === false ? 0.3 : 1);
    ctx.fillStyle = tone.fill;
    ctx.setLineDash(DASH[tone.borderStyle] ?? []);
    ctx.lineWidth = line;
    ctx.strokeStyle = tone.border;
    if (detailed) {
      ctx.beginPath();
      ctx.roundRect(r.x + line / 2, r.y + line / 2, r.width - line, r.height - line, 4);
      ctx.fill();
      ctx.stroke();
    } else {
      // Zoomed out, the 4 px corners are under a device pixel: plain rectangles look the same and draw faster.
      ctx.fillRect(r.x + line / 2, r.y + line / 2, r.width - line, r.height - line);
      ctx.strokeRect(r.x + line / 2, r.y + line / 2, r.width - line, r.height - line);
    }
    ctx.setLineDash([]);
    if (detailed) {
      ctx.save();
      ctx.beginPath();
      ctx.rect(r.x + 4, r.y, r.width - 8, r.height);
      ctx.clip();
      ctx.fillStyle = tone.text;
      ctx.textBaseline = 'top';
      drawName(ctx, tileName(pod.name), r.x + 5, r.y + 6, palette);
      ctx.font = `10px ${palette.sansFont}`;
      ctx.fillText(podTileStatusLine(pod, highlighted), r.x + 5, r.y + 23);
      ctx.restore();
    }
    ctx.globalAlpha = 1;
    const flow = setup.rateOf?.(setup.ids[i]);
    if (flow && detailed) this.drawRate(ctx, r, flow, palette);
    const ring = mark & 4 ? palette.selectedRing : highlighted === true ? palette.serviceRing : null;
    if (ring) {
      ctx.beginPath();
      ctx.roundRect(r.x - 1.5, r.y - 1.5, r.width + 3, r.height + 3, 5);
      ctx.lineWidth = Math.max(2, 2 * px);
      ctx.strokeStyle = ring;
      ctx.stroke();
    }
  }

  /** The DOM tile's rate badge, bottom right: dark (or red when some fail), white text. */
  private drawRate(ctx: CanvasRenderingContext2D, r: { x: number; y: number; width: number; height: number }, flow: PodFlow, palette: TilePalette): void {
    const text = `${flow.failed > 0 ? '✕ ' : ''}${rateText(flow.rate)}`;
    ctx.font = `600 9px ${palette.monoFont}`;
    const w = ctx.measureText(text).width + 8;
    const x = r.x + r.width - 2 - w;
    const y = r.y + r.height - 2 - 13;
    ctx.beginPath();
    ctx.roundRect(x, y, w, 13, 3);
    const colours = flow.failed > 0 ? palette.rateFailed : palette.rateBadge;
    ctx.fillStyle = colours.fill;
    ctx.fill();
    ctx.fillStyle = colours.text;
    ctx.textBaseline = 'middle';
    ctx.fillText(text, x + 4, y + 7);
  }

  /** What a screen reader hears for the picture itself; the focus ring names single pods. */
  private describe(setup: PaintSetup): void {
    const counts = new Map<string, number>();
    let drawn = 0;
    for (const pod of this.drawnPods) {
      if (!pod) continue;
      drawn++;
      counts.set(pod.status.label, (counts.get(pod.status.label) ?? 0) + 1);
    }
    const parts = [...counts].map(([label, n]) => `${label} ${n}개`).join(', ');
    this.words = { label: `파드 타일 ${drawn}개${parts ? `: ${parts}` : ''}`, painted: String(drawn), detailed: setup.detailed ? 'true' : 'false', scale: String(setup.scale) };
    this.applyWords();
  }

  private applyWords(): void {
    const el = this.described;
    const words = this.words;
    if (!el || !words) return;
    // Attribute writes only when the words change: each one is a DOM mutation the accessibility tree follows.
    if (el.getAttribute('aria-label') !== words.label) el.setAttribute('aria-label', words.label);
    if (el.dataset.painted !== words.painted) el.dataset.painted = words.painted;
    if (el.dataset.detailed !== words.detailed) el.dataset.detailed = words.detailed;
    if (el.dataset.scale !== words.scale) el.dataset.scale = words.scale;
  }
}
