import { describe, expect, it } from 'vitest';
import { fitMove } from './fit-policy';

const at = (zoom: number, x = 0, y = 0) => ({ x, y, zoom });

describe('fitMove: when the automatic fit moves the view', () => {
  it('zooms out at once: the picture grew and would be cut off', () => {
    expect(fitMove(at(0.576), at(0.45), false)).toBe('now');
  });

  it('zooms back in only once the picture has settled (a rollout grows and shrinks the boxes several times)', () => {
    expect(fitMove(at(0.45), at(0.501), false)).toBe('settle');
  });

  it('a move at the same zoom (the picture shifted) happens at once', () => {
    expect(fitMove(at(0.5, 10, 0), at(0.5, 40, 0), false)).toBe('now');
  });

  it('the first fit, a resized pane or a fixed viewport move at once, even inward', () => {
    expect(fitMove(at(0.45), at(0.576), true)).toBe('now');
  });

  it('nothing to do when the view is already there (to well under a pixel)', () => {
    expect(fitMove(at(0.5, 10.2, 3), at(0.50001, 10, 3.1), false)).toBe('stay');
  });
});
