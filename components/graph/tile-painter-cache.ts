/**
 * Painted pod grids kept while their node box is off screen. React Flow unmounts boxes that leave the view
 * (onlyRenderVisibleElements) and mounts the ones that enter it, many per frame while a big cluster is panned
 * or zoomed; a box coming back takes its bitmap (a <canvas> outside the page) — painter and what the painter knows it drew — from
 * here instead of painting ~110 tiles again, so a remount costs a compare per tile.
 * Grids are kept per graph (its store) and by the box's label; the least recently shown go first once the
 * kept bitmaps pass MAX_KEPT_PIXELS. Cost: O(kept grids) per put, O(1) per take.
 */
import { TilePainter, type PaintTarget } from './tile-painter';

export interface PaintedGrid<C extends PaintTarget = HTMLCanvasElement> {
  /** The painter's bitmap now (a grid that grows moves to a new one). */
  readonly canvas: C;
  painter: TilePainter<C>;
}

/** Device pixels of bitmaps kept off screen, in all (≈ 64 MB of RGBA). */
export const MAX_KEPT_PIXELS = 16_000_000;

const keptByGraph = new WeakMap<object, Map<string, PaintedGrid<PaintTarget>>>();

/** The grid kept for `key` in this graph (removed from the keep), or a new blank one. */
export function takePaintedGrid<C extends PaintTarget>(graph: object, key: string, create: () => C): PaintedGrid<C> {
  const kept = keptByGraph.get(graph);
  const grid = kept?.get(key);
  if (grid) {
    kept!.delete(key);
    // a graph's grids all come from its one `create`: what it kept is what it makes
    return grid as PaintedGrid<C>;
  }
  const painter = new TilePainter(create(), create);
  return {
    get canvas() {
      return painter.canvas;
    },
    painter,
  };
}

/** Keeps an unmounted grid for its box's return; evicts the oldest kept grids past the pixel budget. */
export function keepPaintedGrid<C extends PaintTarget>(graph: object, key: string, grid: PaintedGrid<C>, maxPixels = MAX_KEPT_PIXELS): void {
  let kept = keptByGraph.get(graph);
  if (!kept) keptByGraph.set(graph, (kept = new Map()));
  kept.delete(key);
  kept.set(key, grid); // a Map iterates in insertion order: the first entries are the least recently shown
  let pixels = 0;
  for (const g of kept.values()) pixels += g.canvas.width * g.canvas.height;
  for (const [k, g] of kept) {
    if (pixels <= maxPixels) break;
    pixels -= g.canvas.width * g.canvas.height;
    kept.delete(k);
    // a zero-sized canvas gives its backing store back now rather than at the next collection
    g.canvas.width = 0;
    g.canvas.height = 0;
  }
}
