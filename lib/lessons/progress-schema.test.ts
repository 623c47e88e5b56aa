import { describe, expect, it } from 'vitest';
import { CorruptProgressError, lessonPercent, migrateProgress } from './progress-schema';

describe('migrateProgress', () => {
  it('passes a valid current state through', () => {
    const state = { lessons: { a: { steps: ['x'], exercises: [] } } };
    expect(migrateProgress(state, 2)).toEqual(state);
  });

  it('rejects unknown versions and shapes', () => {
    expect(() => migrateProgress({ lessons: {} }, 0)).toThrow(CorruptProgressError);
    expect(() => migrateProgress(null, 1)).toThrow(CorruptProgressError);
    expect(() => migrateProgress({ lessons: [] }, 2)).toThrow(CorruptProgressError);
  });
});

describe('lessonPercent', () => {
  const totals = { steps: 4, exercises: 1, quiz: true };
  it('counts steps, exercises and the quiz', () => {
    expect(lessonPercent(undefined, totals)).toBe(0);
    expect(lessonPercent({ steps: ['a', 'b'], exercises: [] }, totals)).toBe(33);
    expect(lessonPercent({ steps: ['a', 'b', 'c', 'd'], exercises: ['e'], quiz: { score: 1, total: 3, answers: [] } }, totals)).toBe(100);
  });

  it('never exceeds 100 when old ids linger', () => {
    expect(lessonPercent({ steps: ['a', 'b', 'c', 'd', 'e', 'f'], exercises: ['x', 'y'], quiz: { score: 0, total: 3, answers: [] } }, totals)).toBe(100);
    expect(lessonPercent({ steps: [], exercises: [] }, { steps: 0, exercises: 0, quiz: false })).toBe(0);
  });
});
