import { describe, expect, it } from 'vitest';
import { makeNode, makePod } from '@/lib/graph/test-fixtures';
import { createPlaygroundStore } from '@/lib/store/playground-store';
import type { ClusterChange } from '@/lib/cluster/types';
import { repaintWhenDue, TilePainter } from './tile-painter';
import { countingCanvas, describedElement, PALETTE } from './tile-painter-fixtures';

const podUp = (name: string): ClusterChange => ({ type: 'upsert', kind: 'Pod', key: `Pod/default/${name}`, object: makePod({ name, node: 'w' }) });

/** A store with node `w` and `count` pods p0, p1, … on it. */
function storeWithPods(count: number) {
  const store = createPlaygroundStore();
  const names = Array.from({ length: count }, (_, i) => `p${i}`);
  store.getState().applyBatch([{ type: 'upsert', kind: 'Node', key: 'Node//w', object: makeNode('w') }, ...names.map(podUp)]);
  return { store, names };
}

describe('TilePainter', () => {
  it('a new pod list with the same look redraws only the tiles whose pod changed', () => {
    const { store, names } = storeWithPods(12);
    const { canvas, drawn } = countingCanvas();
    const painter = new TilePainter(canvas);
    const grid = describedElement();
    painter.describeOn(grid);
    const setup = { cols: 5, scale: 1, detailed: false, palette: PALETTE };
    const ids = () => store.getState().groups.podIdsByNode['w'];
    painter.configure({ ...setup, ids: ids() });
    painter.paint(store.getState());
    expect(drawn.tiles).toBe(12);

    // One pod added at the end (12 → 13 pods: still three rows of five, same look): one tile drawn, nothing else touched.
    store.getState().applyBatch([podUp('p12')]);
    drawn.tiles = 0;
    painter.configure({ ...setup, ids: ids() });
    painter.paint(store.getState());
    expect(drawn.tiles).toBe(1);

    // The last pod gone: its tile is cleared, none redrawn.
    store.getState().applyBatch([{ type: 'delete', kind: 'Pod', key: 'Pod/default/p12', object: makePod({ name: 'p12', node: 'w' }) }]);
    drawn.tiles = 0;
    drawn.clears = 0;
    painter.configure({ ...setup, ids: ids() });
    painter.paint(store.getState());
    expect(drawn).toEqual({ tiles: 0, clears: 1 });
    expect(grid.dataset.painted).toBe('12');
    expect(grid.getAttribute('aria-label')).toMatch(/^파드 타일 12개: /);

    // A new look (zoomed in far enough for names) repaints every tile.
    drawn.tiles = 0;
    painter.configure({ ...setup, detailed: true, ids: ids() });
    painter.paint(store.getState());
    expect(drawn.tiles).toBe(12);
  });
});

describe('TilePainter when its grid outgrows the bitmap', () => {
  const setup = { cols: 5, scale: 1, detailed: false, palette: PALETTE };
  const ids = (store: ReturnType<typeof storeWithPods>['store']) => store.getState().groups.podIdsByNode['w'];
  const morePods = (store: ReturnType<typeof storeWithPods>['store']) => store.getState().applyBatch(Array.from({ length: 10 }, (_, i) => podUp(`q${i}`)));

  it('moves its tiles into a new bitmap with one copy and draws only the new pods; the old bitmap is emptied', () => {
    const { store } = storeWithPods(12);
    const made: ReturnType<typeof countingCanvas>[] = [];
    const fresh = () => (made.push(countingCanvas()), made.at(-1)!.canvas);
    const first = fresh();
    const painter = new TilePainter(first, fresh);
    painter.configure({ ...setup, ids: ids(store) });
    painter.paint(store.getState());
    expect(made[0].drawn.tiles).toBe(12);
    const before = { width: first.width, height: first.height };

    // 12 → 22 pods: five rows of tiles where the bitmap has room for three and a quarter
    morePods(store);
    painter.configure({ ...setup, ids: ids(store) });
    expect(made).toHaveLength(2);
    expect(painter.canvas).toBe(made[1].canvas);
    expect(painter.canvas.width).toBe(before.width);
    expect(painter.canvas.height).toBeGreaterThan(before.height);
    expect(made[1].copies).toEqual([[first, 0, 0, before.width, before.height, 0, 0, before.width, before.height]]);
    expect({ width: first.width, height: first.height }).toEqual({ width: 0, height: 0 });
    painter.paint(store.getState());
    expect(made[1].drawn.tiles).toBe(10);
  });

  it('without a way to make bitmaps, or with a new look, reallocates its own bitmap blank and draws every tile', () => {
    const { store } = storeWithPods(12);
    const { canvas, drawn, copies } = countingCanvas();
    const painter = new TilePainter(canvas);
    painter.configure({ ...setup, ids: ids(store) });
    painter.paint(store.getState());
    morePods(store);
    drawn.tiles = 0;
    painter.configure({ ...setup, ids: ids(store) });
    expect(painter.canvas).toBe(canvas);
    painter.paint(store.getState());
    expect(drawn.tiles).toBe(22);
    expect(copies).toEqual([]);

    const made: ReturnType<typeof countingCanvas>[] = [];
    const fresh = () => (made.push(countingCanvas()), made.at(-1)!.canvas);
    const other = new TilePainter(fresh(), fresh);
    other.configure({ ...setup, ids: ids(store) });
    other.paint(store.getState());
    // four columns instead of five: the tiles move, so nothing is copied
    other.configure({ ...setup, cols: 4, ids: ids(store) });
    expect(made).toHaveLength(1);
    other.paint(store.getState());
    expect(made[0].drawn.tiles).toBe(44);
  });
});

describe('TilePainter rasterises within its paint', () => {
  it('a paint that draws reads one pixel back from a main-memory bitmap, and a paint with nothing to draw reads none', () => {
    const store = createPlaygroundStore();
    store.getState().applyBatch([{ type: 'upsert', kind: 'Node', key: 'Node//w', object: makeNode('w') }, podUp('a'), podUp('b')]);
    const { canvas, drawn, reads } = countingCanvas();
    const painter = new TilePainter(canvas);
    painter.configure({ cols: 5, scale: 1, detailed: false, palette: PALETTE, ids: store.getState().groups.podIdsByNode['w'] });
    painter.paint(store.getState());
    expect(drawn.tiles).toBe(2);
    // the read makes the browser rasterise the recorded tiles now (the paint queue's budget times it), not in the
    // layer's copy; in main memory the read is no GPU round trip
    expect(reads).toEqual({ count: 1, settings: { willReadFrequently: true } });
    painter.paint(store.getState());
    expect(reads.count).toBe(1);
  });
});

describe('TilePainter with a time limit', () => {
  it('stops drawing at its limit and the next paints go on from the first tile left, until none is left', () => {
    const { store, names } = storeWithPods(100);
    const { canvas, drawn, reads } = countingCanvas();
    const painter = new TilePainter(canvas);
    const grid = describedElement();
    painter.describeOn(grid);
    const setup = { cols: 10, scale: 1, detailed: false, palette: PALETTE };
    painter.configure({ ...setup, ids: store.getState().groups.podIdsByNode['w'] });
    // a grid's first paint has no limit (tile-canvas.tsx: a box never shows half its tiles)
    let t = 0;
    const limit = () => ({ until: t + 1, now: () => ++t });
    expect(painter.paint(store.getState())).toBe(true);
    expect([drawn.tiles, painter.behind]).toEqual([100, false]);

    // every pod replaced (a rollout): the clock passes the limit at the first look (after 32 tiles)
    store.getState().applyBatch(names.map((n) => ({ type: 'upsert', kind: 'Pod', key: `Pod/default/${n}`, object: makePod({ name: n, node: 'w', phase: 'Pending' }) }) as ClusterChange));
    drawn.tiles = 0;
    reads.count = 0;
    painter.paint(store.getState(), limit());
    expect([drawn.tiles, painter.behind, grid.dataset.painted]).toEqual([32, true, '100']);
    // the 32 tiles were rasterised (a pixel read back) before the clock was read, and once more at the end
    expect(reads.count).toBe(2);
    painter.paint(store.getState(), limit());
    painter.paint(store.getState(), limit());
    expect([drawn.tiles, painter.behind]).toEqual([96, true]);
    painter.paint(store.getState(), limit());
    expect([drawn.tiles, painter.behind]).toEqual([100, false]);
    expect(painter.paint(store.getState(), limit())).toBe(false);
    expect(drawn.tiles).toBe(100);
  });
});

describe('TilePainter room', () => {
  it('a pod list crossing a row within the room its box keeps neither resizes the bitmap nor repaints other tiles', () => {
    const { store, names } = storeWithPods(10);
    const { canvas, drawn } = countingCanvas();
    const painter = new TilePainter(canvas);
    // two full rows of five drawn in a bitmap with room for three rows (the box keeps a row spare in a rollout)
    const setup = { cols: 5, room: 15, scale: 1, detailed: false, palette: PALETTE };
    const ids = () => store.getState().groups.podIdsByNode['w'];
    painter.configure({ ...setup, ids: ids() });
    painter.paint(store.getState());
    const bitmap = { width: canvas.width, height: canvas.height };
    expect(drawn.tiles).toBe(10);

    // an eleventh pod starts the third row: one tile drawn, the bitmap as it was
    store.getState().applyBatch([podUp('p10')]);
    drawn.tiles = 0;
    painter.configure({ ...setup, ids: ids() });
    painter.paint(store.getState());
    expect(drawn.tiles).toBe(1);
    expect({ width: canvas.width, height: canvas.height }).toEqual(bitmap);

    // and going back to two rows clears that one tile
    store.getState().applyBatch([{ type: 'delete', kind: 'Pod', key: 'Pod/default/p10', object: makePod({ name: 'p10', node: 'w' }) }]);
    drawn.tiles = 0;
    drawn.clears = 0;
    painter.configure({ ...setup, ids: ids() });
    painter.paint(store.getState());
    expect(drawn).toEqual({ tiles: 0, clears: 1 });
    expect({ width: canvas.width, height: canvas.height }).toEqual(bitmap);
  });

  it('a grid growing a row at a time draws only its new tiles until it outgrows its spare rows, then is drawn whole', () => {
    const { store, names } = storeWithPods(40);
    const { canvas, drawn } = countingCanvas();
    const painter = new TilePainter(canvas);
    const setup = { cols: 5, scale: 1, detailed: false, palette: PALETTE };
    const ids = () => store.getState().groups.podIdsByNode['w'];
    painter.configure({ ...setup, ids: ids() });
    painter.paint(store.getState());
    // eight rows of 44 px tiles with 4 px gaps: 8 × 44 + 7 × 4 = 380 px used, a quarter more allocated
    expect([painter.area.height, canvas.height]).toEqual([380, 475]);
    // a ninth row (428 px) fits the spare rows: same bitmap, one tile drawn
    store.getState().applyBatch([podUp('p40')]);
    drawn.tiles = 0;
    painter.configure({ ...setup, ids: ids() });
    painter.paint(store.getState());
    expect([drawn.tiles, painter.area.height, canvas.height]).toEqual([1, 428, 475]);
    // an eleventh row (524 px) does not: a new bitmap, blank, drawn whole (here in two slices)
    store.getState().applyBatch(['p41', 'p42', 'p43', 'p44', 'p45', 'p46', 'p47', 'p48', 'p49', 'p50'].map(podUp));
    drawn.tiles = 0;
    painter.configure({ ...setup, ids: ids() });
    painter.paint(store.getState(), { until: 0, now: () => 1 });
    expect([drawn.tiles, painter.behind, painter.area.height, canvas.height]).toEqual([32, true, 524, 655]);
    painter.paint(store.getState());
    expect([drawn.tiles, painter.behind]).toEqual([51, false]);
  });
});

describe('repaintWhenDue', () => {
  it('paints a blank canvas at once and queues one that already shows tiles', () => {
    const store = createPlaygroundStore();
    store.getState().applyBatch([{ type: 'upsert', kind: 'Node', key: 'Node//w', object: makeNode('w') }, podUp('p0')]);
    const { canvas, drawn } = countingCanvas();
    const painter = new TilePainter(canvas);
    const grid = describedElement();
    const queued: (() => void)[] = [];
    const later = (paint: () => void) => void queued.push(paint);
    let detailed = false;
    const repaint = () => {
      painter.configure({ ids: store.getState().groups.podIdsByNode['w'], cols: 5, scale: 1, detailed, palette: PALETTE });
      painter.paint(store.getState());
    };

    repaintWhenDue(painter, repaint, later);
    expect(drawn.tiles).toBe(1);
    expect(queued).toHaveLength(0);

    // Zoomed in: the new look waits for the queue, and until then the canvas keeps its drawing (not blanked).
    detailed = true;
    drawn.tiles = 0;
    repaintWhenDue(painter, repaint, later);
    expect(drawn.tiles).toBe(0);
    expect(painter.look?.detailed).toBe(false);
    expect(queued).toHaveLength(1);
    queued[0]();
    expect(drawn.tiles).toBe(1);
    // described on the grid's element once it is attached (a painter kept off screen has none)
    expect(grid.dataset.detailed).toBeUndefined();
    painter.describeOn(grid);
    expect(grid.dataset).toEqual({ painted: '1', detailed: 'true', scale: '1' });
  });
});

describe('TilePainter says when its bitmap changed', () => {
  it('true for drawn tiles and for a bitmap blanked by a resize, false for a paint that found nothing to draw', () => {
    const store = createPlaygroundStore();
    store.getState().applyBatch([{ type: 'upsert', kind: 'Node', key: 'Node//w', object: makeNode('w') }, podUp('p0'), podUp('p1')]);
    const painter = new TilePainter(countingCanvas().canvas);
    const setup = { cols: 5, scale: 1, detailed: false, palette: PALETTE };
    const ids = () => store.getState().groups.podIdsByNode['w'];
    painter.configure({ ...setup, ids: ids() });
    expect(painter.paint(store.getState())).toBe(true);
    // nothing changed: what shows the canvas's picture (a still image of it) stays
    expect(painter.paint(store.getState())).toBe(false);
    // every pod gone and the grid resized to a different bitmap: no tile drawn, but the picture is not the same
    store.getState().applyBatch(['p0', 'p1'].map((name) => ({ type: 'delete' as const, kind: 'Pod' as const, key: `Pod/default/${name}`, object: makePod({ name, node: 'w' }) })));
    painter.configure({ ...setup, scale: 2, ids: ids() });
    expect(painter.paint(store.getState())).toBe(true);
    expect(painter.paint(store.getState())).toBe(false);
  });
});
