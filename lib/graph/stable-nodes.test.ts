import { describe, expect, it } from 'vitest';
import type { Node } from '@xyflow/react';
import { stableNodes } from './stable-nodes';

const box = (id: string, x: number, y: number, rows: number): Node => ({ id, type: 'k8sNode', position: { x, y }, data: { name: id, cols: 10, rows }, width: 400, height: 100 + rows * 40 });

describe('stableNodes', () => {
  it('keeps an unchanged box as the same object', () => {
    const cache = new Map<string, Node>();
    const first = stableNodes(cache, [box('w1', 0, 0, 3), box('w2', 420, 0, 3)]);
    const second = stableNodes(cache, [box('w1', 0, 0, 3), box('w2', 420, 0, 3)]);
    expect(second[0]).toBe(first[0]);
    expect(second[1]).toBe(first[1]);
  });

  it('gives a box that only moved a new node but its old data object (its component need not render)', () => {
    const cache = new Map<string, Node>();
    const first = stableNodes(cache, [box('w1', 0, 0, 3)]);
    // the pending lane grew a row above it: the box moves down 40 px, its contents are the same
    const moved = stableNodes(cache, [box('w1', 0, 40, 3)]);
    expect(moved[0]).not.toBe(first[0]);
    expect(moved[0].position).toEqual({ x: 0, y: 40 });
    expect(moved[0].data).toBe(first[0].data);
  });

  it('gives a box whose data changed its new data', () => {
    const cache = new Map<string, Node>();
    const first = stableNodes(cache, [box('w1', 0, 0, 3)]);
    const grown = stableNodes(cache, [box('w1', 0, 0, 4)]);
    expect(grown[0].data).not.toBe(first[0].data);
    expect(grown[0].data).toEqual({ name: 'w1', cols: 10, rows: 4 });
  });

  it('marks a new box as measured at its own size (React Flow shows it without observing it)', () => {
    const [n] = stableNodes(new Map(), [box('w1', 0, 0, 2)]);
    expect(n.measured).toEqual({ width: 400, height: 180 });
  });

  it('forgets boxes that are gone (a node that comes back is new)', () => {
    const cache = new Map<string, Node>();
    const first = stableNodes(cache, [box('w1', 0, 0, 3)]);
    stableNodes(cache, []);
    const back = stableNodes(cache, [box('w1', 0, 0, 3)]);
    expect(back[0]).not.toBe(first[0]);
    expect(back[0].data).not.toBe(first[0].data);
  });
});
