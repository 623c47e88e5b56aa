/** Choice shuffling: stable per seed, a true permutation, and fair across students. */
import { describe, expect, it } from 'vitest';
import { choiceOrder } from './quiz-spec';

describe('choiceOrder', () => {
  it('is a permutation that depends only on the seed', () => {
    for (const n of [2, 3, 4, 5]) {
      const order = choiceOrder('browser-1:pods:q1', n);
      expect([...order].sort()).toEqual(Array.from({ length: n }, (_, i) => i));
      expect(choiceOrder('browser-1:pods:q1', n)).toEqual(order);
    }
  });

  it('puts the authored answer on every position about equally often across 4,000 students', () => {
    const counts = [0, 0, 0, 0];
    for (let s = 0; s < 4000; s++) counts[choiceOrder(`student-${s}:services:포트 질문`, 4).indexOf(1)]++;
    for (const c of counts) expect(c).toBeGreaterThan(850); // 1,000 expected per position
    for (const c of counts) expect(c).toBeLessThan(1150);
  });

  it('gives different questions of one student different orders', () => {
    const orders = new Set(Array.from({ length: 20 }, (_, q) => choiceOrder(`browser-1:pods:question ${q}`, 3).join('')));
    expect(orders.size).toBeGreaterThan(3);
  });
});
