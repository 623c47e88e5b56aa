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
    expect(progressEvents(before, after, lessons)).toMatchObject([
      { kind: 'step', lesson: 'pods', step: 'b' },
      { kind: 'check', lesson: 'pods', exercise: 'run-nginx', ok: true, key: 'pass.pods.run-nginx' },
      { kind: 'quiz', lesson: 'pods', score: 2, total: 3, key: 'quiz.pods.2.3' },
    ]);
    expect(progressEvents(after, after, lessons)).toEqual([]);
  });

  it('names each event the same way on every report, so a reload re-sends nothing new', () => {
    const after = { pods: { steps: ['kubectl run web --image=nginx', 'kubectl get pods'], exercises: [] } };
    const first = progressEvents({}, after, ['pods']).map((e) => e.key);
    const again = progressEvents({}, after, ['pods']).map((e) => e.key);
    expect(again).toEqual(first);
    expect(new Set(first).size).toBe(2);
    for (const key of first) expect(key).toMatch(/^step\.pods\.[a-z0-9]+\.\d+$/);
  });
});
