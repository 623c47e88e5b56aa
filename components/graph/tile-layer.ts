/**
 * One <canvas> per graph that shows every pod grid's bitmap, over React Flow's pane (issue 16).
 *
 * Chromium makes each 2D <canvas> in the page a compositor layer of its own: with one per node box, a 20,000-pod graph
 * had ~670 layers, and every frame of a pan or zoom spent 15–75 ms re-layerizing them, ~20 ms committing them and
 * ~10 ms handing canvases to the compositor. Here the grids paint into bitmaps outside the page (tile-painter.ts) and
 * this layer copies the ones on screen into a single canvas the size of the pane, in the pane's transform: one layer,
 * one drawImage per grid on screen per frame, no DOM reads (a grid's place comes from React Flow's store and an offset
 * its grid reads after layout: tile-layer-geometry.ts).
 *
 * It redraws in one animation frame however many reasons come in it: the viewport moved, the pane or a grid changed
 * size, a grid mounted, unmounted or was repainted. A grid repainted inside an animation frame (the paint queue's)
 * is copied in the same frame (`drewInFrame`), not one frame late. The keyboard's focus ring and the pointer's hover
 * ring are drawn here too, above the tiles, at screen size whatever the zoom.
 */
import type { ReactFlowState, useStoreApi } from '@xyflow/react';
import { tileRect } from '@/lib/graph/tile-geometry';
import { gridsOnScreen, type GridPlace, type Rect } from './tile-layer-geometry';

type FlowStore = ReturnType<typeof useStoreApi>;

/** A grid as it registers with its graph's layer; the grid updates the fields and asks for a redraw. */
export interface LayerGrid extends GridPlace {
  /** Its React Flow node (its position is read from the store when the layer draws). */
  nodeId: string;
  /** The grid's bitmap now (read at each draw: a growing grid moves to a new one). */
  readonly bitmap: HTMLCanvasElement;
  /** The part of the bitmap in use, from its top left (device px): the painter keeps rows to spare below it. */
  area: { width: number; height: number };
  cols: number;
  /** Tile with the keyboard's focus ring, and tile under the pointer (-1: none). */
  focus: number;
  hover: number;
  ringColour: string;
  /** Its offset has been read from the page (until then the layer does not know where to draw it). */
  placed: boolean;
  /** It or its box resized since its offset was read: the layer reads it again (`place`) before it next draws. */
  needsPlace: boolean;
  place: () => { x: number; y: number } | null;
}

/** Screen px of the rings (what the DOM tiles' outlines are): focus 2 px, 1 px off the tile; hover 1 px on its edge. */
const FOCUS_RING = { width: 2, offset: 1, alpha: 1 };
const HOVER_RING = { width: 1, offset: 0, alpha: 0.6 };

class TileLayer {
  readonly canvas: HTMLCanvasElement;
  private readonly grids = new Set<LayerGrid>();
  private readonly ctx: CanvasRenderingContext2D | null;
  private frame = 0;
  private microtask = false;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly flow: FlowStore,
    private readonly onEmpty: () => void,
  ) {
    const canvas = document.createElement('canvas');
    canvas.dataset.podLayer = '';
    canvas.setAttribute('aria-hidden', 'true');
    // over the nodes (the renderer is z-index 4, earlier in the pane), under the controls and the traffic lines (5)
    canvas.style.cssText = 'position:absolute;left:0;top:0;z-index:4;pointer-events:none';
    this.canvas = canvas;
    this.ctx = canvas.getContext('2d');
    let seen: Pick<ReactFlowState, 'transform' | 'nodes' | 'width' | 'height'> = flow.getState();
    this.unsubscribe = flow.subscribe((s) => {
      if (s.transform === seen.transform && s.nodes === seen.nodes && s.width === seen.width && s.height === seen.height) return;
      seen = s;
      this.invalidate();
    });
  }

  add(grid: LayerGrid): void {
    this.grids.add(grid);
    this.invalidate();
  }

  remove(grid: LayerGrid): void {
    this.grids.delete(grid);
    if (this.grids.size > 0) return this.invalidate();
    this.unsubscribe();
    if (this.frame) cancelAnimationFrame(this.frame);
    this.canvas.remove();
    this.onEmpty();
  }

  /** Draw again in the coming animation frame. */
  invalidate(): void {
    if (!this.frame && !this.microtask) this.frame = requestAnimationFrame(() => this.draw());
  }

  /** A bitmap changed inside an animation frame: draw once this frame's callbacks are done, before it is shown. */
  drewInFrame(): void {
    if (this.microtask) return;
    this.microtask = true;
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    queueMicrotask(() => this.draw());
  }

  private draw(): void {
    this.frame = 0;
    this.microtask = false;
    const s = this.flow.getState();
    const ctx = this.ctx;
    // a draw asked for before the last grid left: the layer is gone
    if (!ctx || !s.domNode || this.grids.size === 0) return;
    if (this.canvas.parentNode !== s.domNode) s.domNode.appendChild(this.canvas);
    const dpr = window.devicePixelRatio || 1;
    const width = Math.round(s.width * dpr);
    const height = Math.round(s.height * dpr);
    if (this.canvas.width !== width || this.canvas.height !== height) {
      // resizing blanks the bitmap: no clear needed
      Object.assign(this.canvas, { width, height });
      Object.assign(this.canvas.style, { width: `${s.width}px`, height: `${s.height}px` });
    } else ctx.clearRect(0, 0, width, height);
    for (const grid of this.grids) {
      grid.node = s.nodeLookup.get(grid.nodeId)?.internals.positionAbsolute ?? grid.node;
      if (!grid.needsPlace) continue;
      grid.needsPlace = false;
      const offset = grid.place();
      if (offset) Object.assign(grid, { offset, placed: true });
    }
    const shown = gridsOnScreen(this.grids, s.transform, s, dpr).filter(({ grid }) => grid.placed);
    for (const { grid, rect } of shown) {
      const { width, height } = grid.area;
      if (width > 0 && height > 0 && grid.bitmap.height >= height) ctx.drawImage(grid.bitmap, 0, 0, width, height, rect.x, rect.y, rect.width, rect.height);
    }
    // rings after every bitmap: a ring reaching over a neighbouring grid stays on top
    for (const { grid, rect } of shown) {
      if (grid.focus >= 0) this.ring(grid, rect, grid.focus, FOCUS_RING, dpr);
      if (grid.hover >= 0) this.ring(grid, rect, grid.hover, HOVER_RING, dpr);
    }
    const drawn = String(shown.length);
    if (this.canvas.dataset.drawn !== drawn) this.canvas.dataset.drawn = drawn;
  }

  /** A ring around tile `index` of a grid drawn at `grid` (device px). */
  private ring(grid: LayerGrid, at: Rect, index: number, ring: typeof FOCUS_RING, dpr: number): void {
    const ctx = this.ctx!;
    const k = at.width / grid.size.width;
    const t = tileRect(index, grid.cols);
    const out = (ring.offset + ring.width / 2) * dpr;
    ctx.globalAlpha = ring.alpha;
    ctx.strokeStyle = grid.ringColour;
    ctx.lineWidth = ring.width * dpr;
    ctx.strokeRect(at.x + t.x * k - out, at.y + t.y * k - out, t.width * k + 2 * out, t.height * k + 2 * out);
    ctx.globalAlpha = 1;
  }
}

/** Layers by their graph's store, known by its `getState` (useStoreApi() hands each component a new wrapper object). */
const layers = new WeakMap<FlowStore['getState'], TileLayer>();

/** The tile layer of the graph whose React Flow store this is (made by its first grid, gone with its last). */
export function tileLayerFor(flow: FlowStore): Pick<TileLayer, 'add' | 'remove' | 'invalidate' | 'drewInFrame'> {
  let layer = layers.get(flow.getState);
  if (!layer) layers.set(flow.getState, (layer = new TileLayer(flow, () => layers.delete(flow.getState))));
  return layer;
}
