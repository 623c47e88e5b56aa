import { describe, expect, it } from 'vitest';
import { backingScale, gridSize, nextTileIndex, tileIndexAt, tileModeFor, tileRect, zoomStep } from './tile-geometry';

// Default metrics: tiles 84 × 44 with a 4 px gap, so the pitch is 88 × 48.
describe('tileIndexAt', () => {
  it('finds the tile under a point, row-major', () => {
    expect(tileIndexAt(0, 0, 10, 4)).toBe(0);
    expect(tileIndexAt(83, 43, 10, 4)).toBe(0);
    expect(tileIndexAt(88, 0, 10, 4)).toBe(1);
    expect(tileIndexAt(88 * 3 + 10, 48 + 10, 10, 4)).toBe(7);
  });
  it('answers -1 for gaps, outside the grid and past the last tile', () => {
    expect(tileIndexAt(85, 10, 10, 4)).toBe(-1); // horizontal gap
    expect(tileIndexAt(10, 45, 10, 4)).toBe(-1); // vertical gap
    expect(tileIndexAt(-1, 10, 10, 4)).toBe(-1);
    expect(tileIndexAt(88 * 4 + 1, 10, 10, 4)).toBe(-1); // right of the last column
    expect(tileIndexAt(88 * 3, 48 * 2, 10, 4)).toBe(-1); // index 11 of 10 tiles
  });
  it('agrees with tileRect for every tile', () => {
    for (let i = 0; i < 23; i++) {
      const r = tileRect(i, 5);
      expect(tileIndexAt(r.x + 1, r.y + 1, 23, 5)).toBe(i);
      expect(tileIndexAt(r.x + r.width - 1, r.y + r.height - 1, 23, 5)).toBe(i);
    }
  });
});

describe('gridSize', () => {
  it('measures rows × columns with gaps between, one row when empty', () => {
    expect(gridSize(10, 4)).toEqual({ width: 4 * 84 + 3 * 4, height: 3 * 44 + 2 * 4 });
    expect(gridSize(0, 3)).toEqual({ width: 3 * 84 + 2 * 4, height: 44 });
  });
});

describe('nextTileIndex', () => {
  it('moves like the DOM grid: arrows by one or by a row, Home and End to the ends', () => {
    expect(nextTileIndex('ArrowRight', 0, 10, 4)).toBe(1);
    expect(nextTileIndex('ArrowDown', 1, 10, 4)).toBe(5);
    expect(nextTileIndex('ArrowUp', 5, 10, 4)).toBe(1);
    expect(nextTileIndex('ArrowLeft', 5, 10, 4)).toBe(4);
    expect(nextTileIndex('End', 2, 10, 4)).toBe(9);
    expect(nextTileIndex('Home', 9, 10, 4)).toBe(0);
  });
  it('keeps keys that would leave the grid or do not move focus', () => {
    expect(nextTileIndex('ArrowLeft', 0, 10, 4)).toBeNull();
    expect(nextTileIndex('ArrowDown', 8, 10, 4)).toBeNull();
    expect(nextTileIndex('Tab', 3, 10, 4)).toBeNull();
    expect(nextTileIndex('ArrowRight', 0, 0, 4)).toBeNull();
  });
});

describe('tileModeFor', () => {
  it('keeps a small cluster on DOM tiles and draws big boxes or big clusters on canvas', () => {
    expect(tileModeFor(10, 10)).toBe('dom');
    expect(tileModeFor(200, 200)).toBe('dom');
    expect(tileModeFor(201, 201)).toBe('canvas');
    expect(tileModeFor(20, 1000)).toBe('canvas');
    expect(tileModeFor(20, 1000, 'dom')).toBe('dom');
    expect(tileModeFor(3, 3, 'canvas')).toBe('canvas');
  });
});

describe('zoomStep and backingScale', () => {
  it('rounds zoom to steps of √2', () => {
    expect(zoomStep(1)).toBe(1);
    expect(zoomStep(1.1)).toBe(1);
    expect(zoomStep(0.5)).toBeCloseTo(0.5);
    expect(zoomStep(0.13)).toBeCloseTo(0.125);
    expect(zoomStep(0)).toBe(1);
  });
  it('is sharp at the zoom on screen, never below a quarter, and within the size limits', () => {
    expect(backingScale({ width: 1000, height: 400 }, 1, 2)).toBe(2);
    expect(backingScale({ width: 1000, height: 400 }, 0.05, 1)).toBe(0.25);
    // 4,000 × 4,000 CSS px at 4× would be 256 M device pixels; the area limit (8 M) wins.
    expect(backingScale({ width: 4000, height: 4000 }, 4, 1)).toBeCloseTo(Math.sqrt(8_000_000 / 16_000_000));
    // A very long grid: the side limit (8,192) wins.
    expect(backingScale({ width: 100, height: 20_000 }, 1, 1)).toBeCloseTo(8192 / 20_000);
  });
});
