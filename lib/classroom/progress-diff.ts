/**
 * Which progress events a change in the saved progress means, restricted to a class's lessons. Pure, so the
 * reporter stays a thin shell; `before = {}` reports everything already done (the state at joining or a reload).
 */
import type { LessonProgress } from '@/lib/lessons/progress-schema';
import type { ProgressEvent } from './validation';

/** FNV-1a, base 36: a short stable name for a step (its id is a whole command line). */
function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(36);
}

/**
 * Events derived from saved progress are named by what they say, so the report a reload sends again (the
 * reporter starts from `before = {}`) is stored once. Lesson and exercise ids are already key-safe.
 */
function keyed(e: ProgressEvent): ProgressEvent {
  switch (e.kind) {
    case 'step':
      return { ...e, key: `step.${e.lesson}.${shortHash(e.step)}.${e.step.length}` };
    case 'check':
      return { ...e, key: `pass.${e.lesson}.${e.exercise}` };
    case 'quiz':
      return { ...e, key: `quiz.${e.lesson}.${e.score}.${e.total}` };
    default:
      return e;
  }
}

export function progressEvents(before: Record<string, LessonProgress>, after: Record<string, LessonProgress>, lessons: readonly string[]): ProgressEvent[] {
  const out: ProgressEvent[] = [];
  for (const lesson of lessons) {
    const was = before[lesson];
    const now = after[lesson];
    if (!now) continue;
    for (const step of now.steps) if (!was?.steps.includes(step)) out.push(keyed({ kind: 'step', lesson, step }));
    for (const exercise of now.exercises) if (!was?.exercises.includes(exercise)) out.push(keyed({ kind: 'check', lesson, exercise, ok: true }));
    if (now.quiz && (now.quiz.score !== was?.quiz?.score || now.quiz.total !== was?.quiz?.total)) out.push(keyed({ kind: 'quiz', lesson, score: now.quiz.score, total: now.quiz.total }));
  }
  return out;
}
