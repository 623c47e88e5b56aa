import { describe, expect, it } from 'vitest';
import { devicePixelRect, gridScreenRect, gridsOnScreen, type GridPlace } from './tile-layer-geometry';

// React Flow draws its viewport with `transform: translate(x, y) scale(zoom)` and origin 0 0
// (@xyflow/system's getViewportForBounds / pointToRendererPoint): a flow point p is on screen at p × zoom + pan.
const grid = (name: string, node: { x: number; y: number }): GridPlace & { name: string } => ({
  name,
  node,
  offset: { x: 12, y: 100 },
  size: { width: 200, height: 90 },
});

describe('tile layer geometry', () => {
  it('puts a grid at (node position + offset in the node) × zoom + pan, its size × zoom', () => {
    expect(gridScreenRect(grid('a', { x: 300, y: 40 }), [-50, 20, 0.5])).toEqual({ x: (312 * 0.5) - 50, y: 140 * 0.5 + 20, width: 100, height: 45 });
    // zoom 1, no pan: flow px are screen px
    expect(gridScreenRect(grid('a', { x: 300, y: 40 }), [0, 0, 1])).toEqual({ x: 312, y: 140, width: 200, height: 90 });
  });

  it('draws only the grids whose rectangle meets the pane, in device pixels', () => {
    const grids = [
      grid('left of the pane', { x: -400, y: 0 }), // 12-400 .. 212-400 = -388 .. -188
      grid('on screen', { x: 100, y: 0 }),
      grid('touching the right edge only', { x: 788, y: 0 }), // starts at x 800 = the pane's width
      grid('half past the bottom', { x: 0, y: 500 }), // y 600 .. 690 on a 650 px pane
    ];
    const drawn = gridsOnScreen(grids, [0, 0, 1], { width: 800, height: 650 }, 2);
    expect(drawn.map((d) => d.grid.name)).toEqual(['on screen', 'half past the bottom']);
    expect(drawn[0].rect).toEqual({ x: 224, y: 200, width: 400, height: 180 });
    expect(drawn[1].rect).toEqual({ x: 24, y: 1200, width: 400, height: 180 });
  });

  it('a pan brings a grid in and a zoom out shrinks it about the origin', () => {
    const far = grid('far', { x: 2000, y: 0 });
    expect(gridsOnScreen([far], [0, 0, 1], { width: 800, height: 600 }, 1)).toEqual([]);
    expect(gridsOnScreen([far], [-1500, 0, 1], { width: 800, height: 600 }, 1)[0].rect).toEqual({ x: 512, y: 100, width: 200, height: 90 });
    expect(gridsOnScreen([far], [0, 0, 0.25], { width: 800, height: 600 }, 1)[0].rect).toEqual({ x: 503, y: 25, width: 50, height: 23 });
  });

  it('rounds corners, not sizes: neighbours share an edge and a grid seen at its bitmap scale is drawn 1:1', () => {
    // two grids 100.3 px wide side by side at x 10.4 and 110.7
    const a = devicePixelRect({ x: 10.4, y: 0, width: 100.3, height: 50 }, 1);
    const b = devicePixelRect({ x: 110.7, y: 0, width: 100.3, height: 50 }, 1);
    expect(a.x + a.width).toBe(b.x);
    // a grid 200 CSS px wide at dpr 1.5 covers exactly 300 device px wherever it sits
    expect(devicePixelRect({ x: 33.5, y: 7.25, width: 200, height: 90 }, 1.5)).toEqual({ x: 50, y: 11, width: 300, height: 135 });
  });
});
