/**
 * The only ids a progress event may carry: lesson slugs, their guided step commands and exercise ids, read
 * from the lesson content. Checking against them keeps students' free text out of the database even if a
 * browser is modified, and keeps junk out of the instructor's grid.
 */
import { allLessons } from '@/lib/lessons/content';
import { lessonOutline, runStepId } from '@/lib/lessons/outline';
import type { ProgressEvent } from './validation';

let cache: Map<string, { steps: Set<string>; exercises: Set<string> }> | null = null;

function known() {
  cache ??= new Map(allLessons().map((l) => {
    const o = lessonOutline(l.body);
    return [l.slug, { steps: new Set(o.runSteps.map(runStepId)), exercises: new Set(o.exercises.map((e) => e.id)) }];
  }));
  return cache;
}

/** A Korean reason when an event names something the lessons don't have; null when all is known. */
export function unknownId(events: ProgressEvent[]): string | null {
  const lessons = known();
  for (const e of events) {
    if (e.lesson === undefined) continue;
    const lesson = lessons.get(e.lesson);
    if (!lesson) return `알 수 없는 레슨입니다: ${e.lesson}`;
    if (e.kind === 'step' && !lesson.steps.has(e.step)) return '레슨에 없는 단계입니다.';
    if (e.kind === 'check' && !lesson.exercises.has(e.exercise)) return '레슨에 없는 실습 과제입니다.';
  }
  return null;
}
