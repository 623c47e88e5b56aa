/**
 * Which progress events a change in the saved progress means, restricted to a class's lessons. Pure, so the
 * reporter stays a thin shell; `before = {}` reports everything already done (the state at joining).
 */
import type { LessonProgress } from '@/lib/lessons/progress-schema';
import type { ProgressEvent } from './validation';

export function progressEvents(before: Record<string, LessonProgress>, after: Record<string, LessonProgress>, lessons: readonly string[]): ProgressEvent[] {
  const out: ProgressEvent[] = [];
  for (const lesson of lessons) {
    const was = before[lesson];
    const now = after[lesson];
    if (!now) continue;
    for (const step of now.steps) if (!was?.steps.includes(step)) out.push({ kind: 'step', lesson, step });
    for (const exercise of now.exercises) if (!was?.exercises.includes(exercise)) out.push({ kind: 'check', lesson, exercise, ok: true });
    if (now.quiz && (now.quiz.score !== was?.quiz?.score || now.quiz.total !== was?.quiz?.total)) out.push({ kind: 'quiz', lesson, score: now.quiz.score, total: now.quiz.total });
  }
  return out;
}
