import { describe, expect, it } from 'vitest';
import { CommitSize } from './commit-size';

const opts = { budgetMs: 6, min: 50, max: 4000, first: 500 };

describe('CommitSize', () => {
  it('starts at `first` and keeps it while updates are not full (small updates are mostly fixed costs)', () => {
    const size = new CommitSize(opts);
    expect(size.limit).toBe(500);
    size.observe(10, 30);
    size.observe(499, 100);
    expect(size.limit).toBe(500);
  });

  it('a full update over budget makes the next one proportionally smaller', () => {
    const size = new CommitSize(opts);
    size.observe(500, 30); // 5× the budget
    expect(size.limit).toBe(100);
    size.observe(100, 3); // half the budget: grows, by at most twice
    expect(size.limit).toBe(200);
  });

  it('never grows more than twice a step, nor past `max`, nor shrinks under `min`', () => {
    const size = new CommitSize(opts);
    size.observe(500, 0.1);
    expect(size.limit).toBe(1000);
    for (let i = 0; i < 5; i++) size.observe(size.limit, 0);
    expect(size.limit).toBe(4000);
    size.observe(4000, 10_000);
    expect(size.limit).toBe(50);
  });
});
