/**
 * Geometry of a pod-tile grid drawn on one <canvas>: which tiles a box draws where, which tile is under a
 * point, where the keyboard focus goes next, and how sharp the canvas must be at a zoom. Pure, O(1) per call,
 * shared by the painter and the hit-testing so the two can never disagree.
 */
import { DEFAULT_TILE_METRICS, rowsFor, tilePosition, type TileMetrics } from './grid-packing';

/**
 * When a grid is drawn on a canvas instead of one button per pod: a box with more than PER_BOX pods, or
 * any box once the graph shows more than TOTAL pods. At the DOM's cost (a React component and several
 * elements per tile) 1,000 tiles take more than a frame to render; a student's 10-pod cluster stays DOM.
 */
export const CANVAS_TILES = { PER_BOX: 200, TOTAL: 500 } as const;

export type TileMode = 'dom' | 'canvas';

/** DOM or canvas for a grid of `boxPods` tiles when `totalPods` are visible; `forced` overrides (bench, debugging). */
export function tileModeFor(boxPods: number, totalPods: number, forced: TileMode | null = null): TileMode {
  if (forced) return forced;
  return boxPods > CANVAS_TILES.PER_BOX || totalPods > CANVAS_TILES.TOTAL ? 'canvas' : 'dom';
}

/** CSS pixel size of a grid of `count` tiles in `cols` columns (an empty grid keeps one row, like its box). */
export function gridSize(count: number, cols: number, m: TileMetrics = DEFAULT_TILE_METRICS): { width: number; height: number } {
  const rows = rowsFor(count, cols);
  return { width: cols * m.tileWidth + (cols - 1) * m.gap, height: rows * m.tileHeight + (rows - 1) * m.gap };
}

/** The tile under a point (CSS px from the grid's top-left), or -1 for a gap, the margin or past the last tile. */
export function tileIndexAt(x: number, y: number, count: number, cols: number, m: TileMetrics = DEFAULT_TILE_METRICS): number {
  if (x < 0 || y < 0) return -1;
  const pitchX = m.tileWidth + m.gap;
  const pitchY = m.tileHeight + m.gap;
  const col = Math.floor(x / pitchX);
  const row = Math.floor(y / pitchY);
  if (col >= cols || x - col * pitchX >= m.tileWidth || y - row * pitchY >= m.tileHeight) return -1;
  const index = row * cols + col;
  return index < count ? index : -1;
}

/** Tile rectangle in CSS px from the grid's top-left. */
export function tileRect(index: number, cols: number, m: TileMetrics = DEFAULT_TILE_METRICS): { x: number; y: number; width: number; height: number } {
  const { x, y } = tilePosition(index, cols, m);
  return { x, y, width: m.tileWidth, height: m.tileHeight };
}

/**
 * Where keyboard focus goes from `index` on `key` in a row-major grid (the DOM grid's keys: arrows,
 * Home, End). Null when the key does not move focus or would leave the grid, so the page keeps the key.
 */
export function nextTileIndex(key: string, index: number, count: number, cols: number): number | null {
  if (count === 0) return null;
  const step: Record<string, number> = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: cols, ArrowUp: -cols };
  const next = key === 'Home' ? 0 : key === 'End' ? count - 1 : key in step ? index + step[key] : null;
  if (next === null || next < 0 || next >= count) return null;
  return next;
}

/**
 * Zoom rounded to steps of √2, so panning and small zooms reuse the pixels already drawn; a canvas is
 * redrawn only when the zoom changes by a step (or crosses the text threshold, which is a step value).
 */
export function zoomStep(zoom: number): number {
  if (!(zoom > 0)) return 1;
  return 2 ** (Math.round(Math.log2(zoom) * 2) / 2);
}

/** Most device pixels one grid canvas may hold (≈ 32 MB of RGBA): zoomed far in, sharpness gives way first. */
const MAX_CANVAS_PIXELS = 8_000_000;
/** Browsers refuse canvases wider or taller than this. */
const MAX_CANVAS_SIDE = 8192;

/**
 * Rows of device pixels to allocate for a grid bitmap that uses `height` of them at `width`: a quarter more, so a grid
 * that grows a row at a time (a workload box in a rollout) is reallocated, blanked and drawn whole only every few rows;
 * within the canvas limits, and never less than `height`.
 */
export function roomyHeight(width: number, height: number): number {
  const limit = Math.min(MAX_CANVAS_SIDE, Math.floor(MAX_CANVAS_PIXELS / Math.max(1, width)));
  return Math.max(height, Math.min(Math.ceil(height * 1.25), limit));
}

/**
 * Device pixels per CSS pixel for a grid canvas: sharp at the zoom on screen (× devicePixelRatio), at least
 * a quarter so tiles stay distinct when zoomed far out, and within the canvas size limits.
 */
export function backingScale(size: { width: number; height: number }, zoom: number, devicePixelRatio: number): number {
  const wanted = Math.max(0.25, Math.min(4, zoom)) * Math.max(1, devicePixelRatio);
  const byArea = Math.sqrt(MAX_CANVAS_PIXELS / Math.max(1, size.width * size.height));
  const bySide = MAX_CANVAS_SIDE / Math.max(1, size.width, size.height);
  return Math.min(wanted, byArea, bySide);
}
