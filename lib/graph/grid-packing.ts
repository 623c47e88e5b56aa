/**
 * Grid packing for the cluster view: node boxes in rows, pod tiles in a fixed-size grid inside each box.
 * No generic graph layout (dagre/elk take seconds at ~1,000 nodes): sizes follow from pod counts alone,
 * so packing costs O(boxes) and each tile's place is O(1) from its index.
 */

export interface TileMetrics {
  tileWidth: number;
  tileHeight: number;
  gap: number;
  /** Space above the tile grid for the node's name, status and resource bars. */
  header: number;
  /** The pending lane has a one-line header. */
  laneHeader: number;
  padding: number;
  /** Space between boxes. */
  spacing: number;
}

export const DEFAULT_TILE_METRICS: TileMetrics = {
  // Wide enough for an 11-character name ("web-…-x7k2p") on one line; tall enough for name + status.
  tileWidth: 84,
  tileHeight: 44,
  gap: 4,
  header: 96,
  laneHeader: 36,
  padding: 12,
  spacing: 28,
};

export interface BoxInput {
  id: string;
  podCount: number;
  /** The pending lane spans a whole row below the nodes. */
  lane?: boolean;
}

export interface BoxLayout {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
  cols: number;
  rows: number;
}

export interface PackOptions {
  metrics?: TileMetrics;
  /** Bounds for the tile columns every node box shares (uniform width keeps rows tidy). */
  minCols?: number;
  maxCols?: number;
  /** Node boxes per row; default grows with √boxes so large clusters stay roughly square. */
  boxesPerRow?: number;
}

/**
 * Tile columns shared by all node boxes: about √(most pods on one node) so a busy box is roughly
 * square, clamped to [minCols, maxCols].
 */
export function sharedColumns(maxPodsOnOneNode: number, minCols = 4, maxCols = 16): number {
  const ideal = Math.ceil(Math.sqrt(Math.max(0, maxPodsOnOneNode) * 1.6));
  return Math.min(maxCols, Math.max(minCols, ideal));
}

/** Rows needed for n tiles in `cols` columns; an empty box keeps one row so it never collapses. */
export function rowsFor(n: number, cols: number): number {
  return Math.max(1, Math.ceil(n / cols));
}

/** Pixel size of a box holding `rows` × `cols` tiles. */
export function boxSize(cols: number, rows: number, m: TileMetrics = DEFAULT_TILE_METRICS): { width: number; height: number } {
  return {
    width: m.padding * 2 + cols * m.tileWidth + (cols - 1) * m.gap,
    height: m.header + m.padding * 2 + rows * m.tileHeight + (rows - 1) * m.gap,
  };
}

/** Top-left of tile `index` inside a box with `cols` columns, relative to the tile grid. O(1). */
export function tilePosition(index: number, cols: number, m: TileMetrics = DEFAULT_TILE_METRICS): { x: number; y: number } {
  return { x: (index % cols) * (m.tileWidth + m.gap), y: Math.floor(index / cols) * (m.tileHeight + m.gap) };
}

/**
 * Place the boxes: node boxes left to right in rows (in input order), lanes each on a full row below.
 * Every node box gets the same width; a row is as tall as its tallest box. O(boxes).
 */
export function packBoxes(boxes: readonly BoxInput[], opts: PackOptions = {}): BoxLayout[] {
  const m = opts.metrics ?? DEFAULT_TILE_METRICS;
  const nodes = boxes.filter((b) => !b.lane);
  const lanes = boxes.filter((b) => b.lane);
  let maxPods = 0;
  for (const b of nodes) maxPods = Math.max(maxPods, b.podCount);
  const cols = sharedColumns(maxPods, opts.minCols, opts.maxCols);
  const perRow = Math.max(1, opts.boxesPerRow ?? Math.max(3, Math.ceil(Math.sqrt(nodes.length))));
  const boxWidth = boxSize(cols, 1, m).width;

  const out: BoxLayout[] = [];
  let y = 0;
  for (let start = 0; start < nodes.length; start += perRow) {
    let rowHeight = 0;
    const end = Math.min(nodes.length, start + perRow);
    for (let i = start; i < end; i++) {
      const rows = rowsFor(nodes[i].podCount, cols);
      const { height } = boxSize(cols, rows, m);
      rowHeight = Math.max(rowHeight, height);
      out.push({ id: nodes[i].id, x: (i - start) * (boxWidth + m.spacing), y, width: boxWidth, height, cols, rows });
    }
    y += rowHeight + m.spacing;
  }

  // A lane spans the width of a full row of node boxes, so pending pods read as "not on any node yet".
  const rowBoxes = Math.min(perRow, Math.max(1, nodes.length));
  const laneWidth = rowBoxes * boxWidth + (rowBoxes - 1) * m.spacing;
  const laneCols = Math.max(1, Math.floor((laneWidth - m.padding * 2 + m.gap) / (m.tileWidth + m.gap)));
  for (const lane of lanes) {
    const rows = rowsFor(lane.podCount, laneCols);
    const { height } = boxSize(laneCols, rows, { ...m, header: m.laneHeader });
    out.push({ id: lane.id, x: 0, y, width: laneWidth, height, cols: laneCols, rows });
    y += height + m.spacing;
  }
  return out;
}

/** Bounding box of a packed layout. O(boxes). */
export function layoutBounds(layout: readonly BoxLayout[]): { width: number; height: number } {
  let width = 0;
  let height = 0;
  for (const b of layout) {
    width = Math.max(width, b.x + b.width);
    height = Math.max(height, b.y + b.height);
  }
  return { width, height };
}

/**
 * The size of the packed layout (layoutBounds of packBoxes) for each row length from 1 to the number of node boxes
 * (entry perRow − 1), from the sums alone: every node box is as wide, a row as tall as its tallest box, the lanes below
 * as wide as a row. O(boxes) a row length, O(boxes²) in all, and no layout built.
 */
export function packedSizes(boxes: readonly BoxInput[], opts: PackOptions = {}): { width: number; height: number }[] {
  const m = opts.metrics ?? DEFAULT_TILE_METRICS;
  const nodes = boxes.filter((b) => !b.lane);
  const lanes = boxes.filter((b) => b.lane);
  const nodeCount = nodes.length;
  let maxPods = 0;
  for (const b of nodes) maxPods = Math.max(maxPods, b.podCount);
  const cols = sharedColumns(maxPods, opts.minCols, opts.maxCols);
  const boxWidth = boxSize(cols, 1, m).width;
  const heights = nodes.map((b) => boxSize(cols, rowsFor(b.podCount, cols), m).height);
  const laneMetrics = { ...m, header: m.laneHeader };
  const sizes: { width: number; height: number }[] = [];
  for (let perRow = 1; perRow <= nodeCount; perRow++) {
    let y = 0;
    for (let start = 0; start < nodeCount; start += perRow) {
      let rowHeight = 0;
      for (let i = start; i < Math.min(nodeCount, start + perRow); i++) rowHeight = Math.max(rowHeight, heights[i]);
      y += rowHeight + m.spacing;
    }
    const width = perRow * boxWidth + (perRow - 1) * m.spacing;
    const laneCols = Math.max(1, Math.floor((width - m.padding * 2 + m.gap) / (m.tileWidth + m.gap)));
    for (const lane of lanes) y += boxSize(laneCols, rowsFor(lane.podCount, laneCols), laneMetrics).height + m.spacing;
    sizes.push({ width, height: y - m.spacing });
  }
  return sizes;
}

/**
 * Node boxes per row that let the whole cluster be shown largest in a `container` (the zoom fitView would pick).
 * Tries every row length (packedSizes): it runs in every re-layout of a big cluster (each step of a rollout's growth),
 * where packing all 50 row lengths of a 5,000-pod cluster was ~7 % of the main thread's longest tasks.
 */
export function bestBoxesPerRow(boxes: readonly BoxInput[], container: { width: number; height: number }, opts: PackOptions = {}): number {
  const nodeCount = boxes.filter((b) => !b.lane).length;
  if (nodeCount <= 1 || container.width <= 0 || container.height <= 0) return Math.max(1, nodeCount);
  let best = 1;
  let bestZoom = -1;
  const sizes = packedSizes(boxes, opts);
  for (let perRow = 1; perRow <= nodeCount; perRow++) {
    const { width, height } = sizes[perRow - 1];
    const zoom = Math.min(container.width / width, container.height / height);
    // Prefer fewer rows on ties: a wide row reads like "nodes side by side".
    if (zoom > bestZoom + 1e-9 || (Math.abs(zoom - bestZoom) <= 1e-9 && perRow > best)) {
      best = perRow;
      bestZoom = zoom;
    }
  }
  return best;
}
