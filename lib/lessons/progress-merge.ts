/**
 * Merging two copies of saved progress (this tab's and another tab's), so tabs never clobber each other.
 *
 * Progress only grows — a step run or an exercise passed stays done — so two copies merge by union per
 * lesson. The one way to shrink it is a reset, which bumps the lesson's `epoch`: the copy with the higher
 * epoch wins that lesson outright, so a reset in one tab is not undone by another tab's older copy.
 * Pure and O(lessons + ids).
 */
import type { LessonProgress, ProgressData } from './progress-schema';

const EMPTY: LessonProgress = { steps: [], exercises: [] };

/** `a`'s ids in order, then `b`'s that `a` lacks. Returns `a` itself when nothing is added. */
function union(a: string[], b: string[]): string[] {
  if (b.every((id) => a.includes(id))) return a;
  const seen = new Set(a);
  return [...a, ...b.filter((id) => !seen.has(id) && (seen.add(id), true))];
}

/**
 * Merge one lesson. `incoming` is the newer copy (just read from storage), so its quiz result wins when
 * both have one. Returns `local` itself when the merge changes nothing (narrow re-renders).
 */
export function mergeLesson(local: LessonProgress, incoming: LessonProgress): LessonProgress {
  const localEpoch = local.epoch ?? 0;
  const incomingEpoch = incoming.epoch ?? 0;
  if (localEpoch > incomingEpoch) return local;
  if (incomingEpoch > localEpoch) return incoming;
  const steps = union(local.steps, incoming.steps);
  const exercises = union(local.exercises, incoming.exercises);
  const quiz = incoming.quiz ?? local.quiz;
  if (steps === local.steps && exercises === local.exercises && quiz === local.quiz) return local;
  return { ...local, steps, exercises, ...(quiz ? { quiz } : {}) };
}

/** Merge every lesson of two copies; returns `local` itself when nothing changes. */
export function mergeProgress(local: ProgressData, incoming: ProgressData): ProgressData {
  let lessons: Record<string, LessonProgress> | null = null;
  for (const [slug, theirs] of Object.entries(incoming.lessons)) {
    const ours = local.lessons[slug];
    const merged = mergeLesson(ours ?? EMPTY, theirs);
    if (merged !== ours && !(ours === undefined && merged === EMPTY)) (lessons ??= { ...local.lessons })[slug] = merged;
  }
  return lessons ? { lessons } : local;
}
