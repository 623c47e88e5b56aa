/**
 * The saved-progress schema and its migrations, kept pure so they can be tested without a browser.
 *
 * v1 (first draft) kept three flat maps keyed by lesson slug; v2 groups everything per lesson so one lesson
 * can be reset on its own. Anything that does not fit either shape is treated as corrupt. The types are the zod
 * schemas' own, so a loaded save is exactly what its schema proved.
 */

import { z } from '../validation/zod';

export const PROGRESS_VERSION = 2;

const count = z.number().int().min(0);

const QuizResultSchema = z
  .object({
    score: count,
    total: count,
    /** Chosen option per question (null = unanswered). */
    answers: z.array(count.nullable()),
  })
  .refine((q) => q.score <= q.total);
export type QuizResult = z.infer<typeof QuizResultSchema>;

const LessonProgressSchema = z.object({
  /** Ids of guided steps ("실행" buttons) the student ran. */
  steps: z.array(z.string()),
  /** Ids of exercises that passed their checks. */
  exercises: z.array(z.string()),
  quiz: QuizResultSchema.optional(),
  /**
   * Bumped by each reset of the lesson. Tabs merge their copies by union, except that a higher epoch wins
   * outright, so a reset is not undone by another tab's older copy (lib/lessons/progress-merge.ts).
   * Absent = 0, so saves from before resets were tracked stay valid v2.
   */
  epoch: count.optional(),
});
export type LessonProgress = z.infer<typeof LessonProgressSchema>;

const ProgressDataSchema = z.object({ lessons: z.record(z.string(), LessonProgressSchema) });
export type ProgressData = z.infer<typeof ProgressDataSchema>;

/** v1 layout, kept only so old saves migrate. */
const ProgressDataV1Schema = z.object({
  completedSteps: z.record(z.string(), z.array(z.string())),
  completedExercises: z.record(z.string(), z.array(z.string())),
  quizScores: z.record(z.string(), z.object({ score: count, total: count }).refine((q) => q.score <= q.total)),
});
type ProgressDataV1 = z.infer<typeof ProgressDataV1Schema>;

/** Thrown when saved data cannot be read as any known version. */
export class CorruptProgressError extends Error {
  constructor(detail: string) {
    super(`저장된 진도 데이터를 읽을 수 없습니다: ${detail}`);
    this.name = 'CorruptProgressError';
  }
}

function fromV1(old: ProgressDataV1): ProgressData {
  const lessons: Record<string, LessonProgress> = {};
  const entry = (slug: string) => (lessons[slug] ??= { steps: [], exercises: [] });
  for (const [slug, steps] of Object.entries(old.completedSteps)) entry(slug).steps = [...new Set(steps)];
  for (const [slug, ids] of Object.entries(old.completedExercises)) entry(slug).exercises = [...new Set(ids)];
  // v1 did not keep individual answers; the score survives, the answers start blank.
  for (const [slug, q] of Object.entries(old.quizScores)) entry(slug).quiz = { score: q.score, total: q.total, answers: [] };
  return { lessons };
}

/** Bring a saved state of any known version up to the current one; throws CorruptProgressError otherwise. */
export function migrateProgress(state: unknown, fromVersion: number): ProgressData {
  if (fromVersion === 1) {
    const v1 = ProgressDataV1Schema.safeParse(state);
    if (!v1.success) throw new CorruptProgressError('v1 형식이 아닙니다');
    return fromV1(v1.data);
  }
  if (fromVersion === PROGRESS_VERSION) {
    const v2 = ProgressDataSchema.safeParse(state);
    if (!v2.success) throw new CorruptProgressError('v2 형식이 아닙니다');
    return v2.data;
  }
  throw new CorruptProgressError(`알 수 없는 버전 ${fromVersion}`);
}

/** Percent of a lesson's steps, exercises and quiz that are done (quiz counts once, when answered). */
export function lessonPercent(progress: LessonProgress | undefined, totals: { steps: number; exercises: number; quiz: boolean }): number {
  const all = totals.steps + totals.exercises + (totals.quiz ? 1 : 0);
  if (all === 0 || !progress) return 0;
  const done = Math.min(progress.steps.length, totals.steps) + Math.min(progress.exercises.length, totals.exercises) + (totals.quiz && progress.quiz ? 1 : 0);
  return Math.round((done / all) * 100);
}
