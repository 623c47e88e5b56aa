import { describe, expect, it } from 'vitest';
import { progressEvents } from './progress-diff';

describe('progressEvents', () => {
  const lessons = ['pods', 'replicasets'];
  it('reports only what is new, only for the class lessons', () => {
    const before = { pods: { steps: ['a'], exercises: [] } };
    const after = {
      pods: { steps: ['a', 'b'], exercises: ['run-nginx'], quiz: { score: 2, total: 3, answers: [0, 1, 2] } },
      services: { steps: ['x'], exercises: [] },
    };
    expect(progressEvents(before, after, lessons)).toEqual([
      { kind: 'step', lesson: 'pods', step: 'b' },
      { kind: 'check', lesson: 'pods', exercise: 'run-nginx', ok: true },
      { kind: 'quiz', lesson: 'pods', score: 2, total: 3 },
    ]);
    expect(progressEvents(after, after, lessons)).toEqual([]);
  });
});
