import { findLesson } from '@/lib/lessons/content';
import { lessonTotals } from '@/lib/lessons/outline';
import { LessonProgressView } from './lesson-progress-view';

/**
 * Per-lesson progress for the curriculum map (server component): counts the lesson's steps, exercises and
 * quiz from its MDX, then the client view reads the saved progress.
 */
export function LessonProgressBadge({ slug }: { slug: string }) {
  const found = findLesson(slug);
  if (!found) return null;
  return <LessonProgressView slug={slug} totals={lessonTotals(found.lesson.body)} />;
}
