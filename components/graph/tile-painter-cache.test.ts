import { describe, expect, it } from 'vitest';
import { makeNode, makePod } from '@/lib/graph/test-fixtures';
import { createPlaygroundStore } from '@/lib/store/playground-store';
import { keepPaintedGrid, takePaintedGrid } from './tile-painter-cache';
import { countingCanvas, PALETTE } from './tile-painter-fixtures';

function clusterOf(pods: number) {
  const store = createPlaygroundStore();
  const upserts = Array.from({ length: pods }, (_, i) => ({ type: 'upsert' as const, kind: 'Pod' as const, key: `Pod/default/p${i}`, object: makePod({ name: `p${i}`, node: 'w' }) }));
  store.getState().applyBatch([{ type: 'upsert', kind: 'Node', key: 'Node//w', object: makeNode('w') }, ...upserts]);
  return store;
}

describe('painted grids kept off screen', () => {
  it('a box coming back into view gets its painted canvas back and draws nothing again', () => {
    const store = clusterOf(110);
    const canvases: ReturnType<typeof countingCanvas>[] = [];
    const create = () => (canvases.push(countingCanvas()), canvases.at(-1)!.canvas);
    const show = () => {
      const grid = takePaintedGrid(store, 'worker w', create);
      grid.painter.configure({ ids: store.getState().groups.podIdsByNode['w'], cols: 11, scale: 0.25, detailed: false, palette: PALETTE });
      grid.painter.paint(store.getState());
      return grid;
    };
    const first = show();
    expect(canvases[0].drawn.tiles).toBe(110);
    keepPaintedGrid(store, 'worker w', first); // scrolled out of view
    const again = show(); // and back
    expect(again.canvas).toBe(first.canvas);
    expect(canvases).toHaveLength(1);
    expect(canvases[0].drawn.tiles).toBe(110);
    // Another graph with a box of the same name has grids of its own.
    takePaintedGrid(clusterOf(1), 'worker w', create);
    expect(canvases).toHaveLength(2);
  });

  it('gives back the least recently shown bitmaps past the pixel budget', () => {
    const graph = {};
    const grid = (side: number) => {
      const { canvas } = countingCanvas();
      canvas.width = side;
      canvas.height = side;
      return takePaintedGrid(graph, `new-${side}`, () => canvas);
    };
    const a = grid(100);
    const b = grid(100);
    const c = grid(100);
    keepPaintedGrid(graph, 'a', a, 25_000);
    keepPaintedGrid(graph, 'b', b, 25_000);
    keepPaintedGrid(graph, 'c', c, 25_000); // 30,000 px kept: 'a', shown longest ago, goes
    expect(a.canvas.width).toBe(0);
    expect(takePaintedGrid(graph, 'b', () => countingCanvas().canvas)).toBe(b);
    expect(takePaintedGrid(graph, 'c', () => countingCanvas().canvas)).toBe(c);
    expect(takePaintedGrid(graph, 'a', () => countingCanvas().canvas)).not.toBe(a);
  });
});
