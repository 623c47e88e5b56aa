import { describe, expect, it } from 'vitest';
import { mergeLesson, mergeProgress } from './progress-merge';
import type { LessonProgress } from './progress-schema';

const lesson = (steps: string[], exercises: string[] = [], extra: Partial<LessonProgress> = {}): LessonProgress => ({ steps, exercises, ...extra });

describe('mergeLesson', () => {
  it('unions steps and exercises, keeping the local order first', () => {
    expect(mergeLesson(lesson(['a', 'b'], ['x']), lesson(['c', 'a'], ['y']))).toEqual(lesson(['a', 'b', 'c'], ['x', 'y']));
  });

  it('returns the local copy itself when the other adds nothing', () => {
    const local = lesson(['a', 'b'], ['x'], { quiz: { score: 1, total: 2, answers: [0, 1] } });
    expect(mergeLesson(local, lesson(['b'], []))).toBe(local);
  });

  it("takes the incoming (newer) quiz result, and keeps the local one when the other has none", () => {
    const older = { score: 1, total: 3, answers: [0, 0, 0] };
    const newer = { score: 3, total: 3, answers: [1, 2, 0] };
    expect(mergeLesson(lesson([], [], { quiz: older }), lesson([], [], { quiz: newer })).quiz).toEqual(newer);
    expect(mergeLesson(lesson([], [], { quiz: older }), lesson(['a'])).quiz).toEqual(older);
  });

  it('lets a reset (higher epoch) win outright in either direction', () => {
    const reset = lesson([], [], { epoch: 1 });
    const stale = lesson(['a', 'b'], ['x']);
    expect(mergeLesson(stale, reset)).toBe(reset);
    expect(mergeLesson(reset, stale)).toBe(reset);
    // progress made after the reset merges as usual
    expect(mergeLesson(lesson(['c'], [], { epoch: 1 }), lesson(['d'], [], { epoch: 1 }))).toEqual(lesson(['c', 'd'], [], { epoch: 1 }));
  });
});

describe('mergeProgress', () => {
  it('keeps lessons only one side has and merges the shared ones', () => {
    const local = { lessons: { pods: lesson(['run']), services: lesson(['expose']) } };
    const incoming = { lessons: { pods: lesson(['get']), deployments: lesson([], ['web']) } };
    expect(mergeProgress(local, incoming)).toEqual({
      lessons: { pods: lesson(['run', 'get']), services: lesson(['expose']), deployments: lesson([], ['web']) },
    });
  });

  it('is order-independent for steps and exercises (both tabs end up with the same set)', () => {
    const a = { lessons: { pods: lesson(['1', '2']), x: lesson(['k']) } };
    const b = { lessons: { pods: lesson(['3']), y: lesson([], ['e']) } };
    const ab = mergeProgress(a, b).lessons;
    const ba = mergeProgress(b, a).lessons;
    for (const slug of ['pods', 'x', 'y']) {
      expect(new Set(ab[slug].steps)).toEqual(new Set(ba[slug].steps));
      expect(new Set(ab[slug].exercises)).toEqual(new Set(ba[slug].exercises));
    }
  });

  it('returns the local copy itself when nothing changes', () => {
    const local = { lessons: { pods: lesson(['run']) } };
    expect(mergeProgress(local, { lessons: { pods: lesson(['run']) } })).toBe(local);
    expect(mergeProgress(local, { lessons: {} })).toBe(local);
  });
});
