/**
 * Where the tile layer (tile-layer.ts) draws each grid's bitmap: pure arithmetic on React Flow's viewport transform,
 * no DOM reads. A grid's place is its node's position in flow coordinates plus the grid's offset inside the node box
 * (read after layout when the grid or its box changes size); on screen that is `flow × zoom + pan`, like React Flow's own
 * `translate(x, y) scale(zoom)` on its viewport. O(grids) per frame.
 */

/** React Flow's viewport transform: [pan x, pan y, zoom]. */
export type FlowTransform = readonly [number, number, number];

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A grid as the layer knows it: where its node is, where the grid sits in the node, and its size (flow px). */
export interface GridPlace {
  node: { x: number; y: number };
  offset: { x: number; y: number };
  size: { width: number; height: number };
}

/** The grid's rectangle on the pane, in CSS px. */
export function gridScreenRect(place: GridPlace, [tx, ty, zoom]: FlowTransform): Rect {
  return {
    x: (place.node.x + place.offset.x) * zoom + tx,
    y: (place.node.y + place.offset.y) * zoom + ty,
    width: place.size.width * zoom,
    height: place.size.height * zoom,
  };
}

/** Whether a rectangle shows any of a pane `width` × `height` (touching an edge is not showing). */
export function meetsPane(r: Rect, width: number, height: number): boolean {
  return r.width > 0 && r.height > 0 && r.x < width && r.y < height && r.x + r.width > 0 && r.y + r.height > 0;
}

/**
 * The rectangle in device pixels of the layer's bitmap: corners rounded to whole device pixels, so a bitmap painted
 * at the scale it is seen at lands 1:1 (no resampling blur), and neighbouring grids neither overlap nor leave a seam.
 */
export function devicePixelRect(r: Rect, dpr: number): Rect {
  const x = Math.round(r.x * dpr);
  const y = Math.round(r.y * dpr);
  return { x, y, width: Math.round((r.x + r.width) * dpr) - x, height: Math.round((r.y + r.height) * dpr) - y };
}

/** The grids to draw for a transform and pane, each with its device-pixel rectangle, in the order given. */
export function gridsOnScreen<G extends GridPlace>(grids: Iterable<G>, transform: FlowTransform, pane: { width: number; height: number }, dpr: number): { grid: G; rect: Rect }[] {
  const out: { grid: G; rect: Rect }[] = [];
  for (const grid of grids) {
    const r = gridScreenRect(grid, transform);
    if (meetsPane(r, pane.width, pane.height)) out.push({ grid, rect: devicePixelRect(r, dpr) });
  }
  return out;
}
