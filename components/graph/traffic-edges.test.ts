import { describe, expect, it } from 'vitest';
import { dotsFor, isFailedDot, travelSeconds } from './traffic-edges';

describe('edge dots follow the rate', () => {
  it('more and quicker dots for a busier pod, within bounds', () => {
    expect([dotsFor(0.3), dotsFor(7), dotsFor(20), dotsFor(500)]).toEqual([1, 4, 10, 12]);
    expect(travelSeconds(1)).toBeGreaterThan(travelSeconds(20));
    expect(travelSeconds(20)).toBeGreaterThan(travelSeconds(100));
    expect(travelSeconds(100_000)).toBe(0.5);
  });

  it('red dots: their share of the dots, at least one when anything failed, none when nothing did', () => {
    const red = (n: number, failed: number, rate: number) => Array.from({ length: n }, (_, i) => isFailedDot(i, n, failed, rate)).filter(Boolean).length;
    expect(red(10, 0, 20)).toBe(0);
    expect(red(10, 0.1, 20)).toBe(1);
    expect(red(10, 5, 20)).toBe(3); // 2.5 rounds to 3 of 10
    expect(red(10, 20, 20)).toBe(10);
  });
});
