import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bestBoxesPerRow, boxSize, layoutBounds, DEFAULT_TILE_METRICS as M, packBoxes, packedSizes, rowsFor, sharedColumns, tilePosition, type BoxLayout } from './grid-packing';

function overlaps(a: BoxLayout, b: BoxLayout): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

describe('grid packing', () => {
  it('gives every node box the same width and room for all its pods', () => {
    const out = packBoxes([
      { id: 'cp', podCount: 8 },
      { id: 'w1', podCount: 3 },
      { id: 'w2', podCount: 40 },
    ]);
    const widths = new Set(out.map((b) => b.width));
    expect(widths.size).toBe(1);
    const w2 = out.find((b) => b.id === 'w2')!;
    expect(w2.rows * w2.cols).toBeGreaterThanOrEqual(40);
    expect(w2.height).toBeGreaterThan(out.find((b) => b.id === 'w1')!.height);
  });

  it('keeps input order left to right, then wraps rows', () => {
    const out = packBoxes(
      ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, podCount: 2 })),
      { boxesPerRow: 2 },
    );
    expect(out.map((b) => [b.id, b.x === 0])).toEqual([
      ['a', true],
      ['b', false],
      ['c', true],
      ['d', false],
      ['e', true],
    ]);
    expect(out[2].y).toBeGreaterThan(out[0].y);
  });

  it('puts the pending lane on its own row below every node box', () => {
    const out = packBoxes([
      { id: 'w1', podCount: 30 },
      { id: 'w2', podCount: 2 },
      { id: 'pending', podCount: 5, lane: true },
    ]);
    const lane = out.find((b) => b.id === 'pending')!;
    for (const b of out) if (b !== lane) expect(lane.y).toBeGreaterThanOrEqual(b.y + b.height);
    expect(lane.x).toBe(0);
    expect(lane.rows * lane.cols).toBeGreaterThanOrEqual(5);
  });

  it('never overlaps boxes and always fits the pods (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(400), { minLength: 1, maxLength: 60 }), fc.nat(300), (counts, pending) => {
        const out = packBoxes([...counts.map((n, i) => ({ id: `n${i}`, podCount: n })), { id: 'p', podCount: pending, lane: true }]);
        expect(out).toHaveLength(counts.length + 1);
        for (let i = 0; i < out.length; i++) {
          const b = out[i];
          const n = i < counts.length ? counts[i] : pending;
          expect(b.rows * b.cols).toBeGreaterThanOrEqual(n);
          for (let j = i + 1; j < out.length; j++) expect(overlaps(b, out[j])).toBe(false);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('sizes columns from the busiest node and clamps them', () => {
    expect(sharedColumns(0)).toBe(4);
    expect(sharedColumns(100)).toBeGreaterThan(sharedColumns(10));
    expect(sharedColumns(100_000)).toBe(16);
    expect(rowsFor(0, 4)).toBe(1);
    expect(rowsFor(9, 4)).toBe(3);
  });

  it('places tiles row-major without gaps', () => {
    expect(tilePosition(0, 4)).toEqual({ x: 0, y: 0 });
    expect(tilePosition(5, 4)).toEqual({ x: M.tileWidth + M.gap, y: M.tileHeight + M.gap });
    const { width } = boxSize(4, 1);
    expect(tilePosition(3, 4).x + M.tileWidth + 2 * M.padding).toBe(width);
  });

  it('picks the row length that shows the cluster largest in the container', () => {
    const boxes = [
      { id: 'cp', podCount: 4 },
      { id: 'w1', podCount: 4 },
      { id: 'w2', podCount: 4 },
      { id: 'p', podCount: 0, lane: true },
    ];
    const one = packBoxes(boxes, { boxesPerRow: 3 });
    const wide = layoutBounds(one);
    // A wide, short canvas wants one row; a tall, narrow one wants a column.
    expect(bestBoxesPerRow(boxes, { width: wide.width * 2, height: wide.height })).toBe(3);
    expect(bestBoxesPerRow(boxes, { width: 320, height: 2000 })).toBe(1);
    expect(bestBoxesPerRow([{ id: 'only', podCount: 3 }], { width: 100, height: 100 })).toBe(1);
    // Many nodes in a square canvas end up roughly square.
    const many = Array.from({ length: 49 }, (_, i) => ({ id: `n${i}`, podCount: 20 }));
    const perRow = bestBoxesPerRow(many, { width: 1000, height: 1000 });
    expect(perRow).toBeGreaterThanOrEqual(5);
    expect(perRow).toBeLessThanOrEqual(10);
  });

  it('measures every row length as packing it does (layoutBounds of packBoxes), lanes included', () => {
    let seed = 7;
    const next = (k: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % k);
    for (let trial = 0; trial < 200; trial++) {
      const boxes: { id: string; podCount: number; lane?: boolean }[] = Array.from({ length: 1 + next(60) }, (_, i) => ({ id: `n${i}`, podCount: next(3) === 0 ? next(400) : next(40) }));
      if (next(2)) boxes.push({ id: 'lane', podCount: 1 + next(3000), lane: true });
      const cols = 3 + next(14);
      const opts = next(2) ? { minCols: cols, maxCols: cols } : {};
      const sizes = packedSizes(boxes, opts);
      expect(sizes).toHaveLength(boxes.filter((b) => !b.lane).length);
      sizes.forEach((size, i) => expect(size).toEqual(layoutBounds(packBoxes(boxes, { ...opts, boxesPerRow: i + 1 }))));
    }
  });
});
