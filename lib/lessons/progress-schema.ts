/**
 * The saved-progress schema and its migrations, kept pure so they can be tested without a browser.
 *
 * v1 (first draft) kept three flat maps keyed by lesson slug; v2 groups everything per lesson so one lesson
 * can be reset on its own. Anything that does not fit either shape is treated as corrupt.
 */

export const PROGRESS_VERSION = 2;

export interface QuizResult {
  score: number;
  total: number;
  /** Chosen option per question (null = unanswered). */
  answers: (number | null)[];
}

export interface LessonProgress {
  /** Ids of guided steps ("실행" buttons) the student ran. */
  steps: string[];
  /** Ids of exercises that passed their checks. */
  exercises: string[];
  quiz?: QuizResult;
  /**
   * Bumped by each reset of the lesson. Tabs merge their copies by union, except that a higher epoch wins
   * outright, so a reset is not undone by another tab's older copy (lib/lessons/progress-merge.ts).
   * Absent = 0, so saves from before resets were tracked stay valid v2.
   */
  epoch?: number;
}

export interface ProgressData {
  lessons: Record<string, LessonProgress>;
}

/** v1 layout, kept only so old saves migrate. */
interface ProgressDataV1 {
  completedSteps: Record<string, string[]>;
  completedExercises: Record<string, string[]>;
  quizScores: Record<string, { score: number; total: number }>;
}

/** Thrown when saved data cannot be read as any known version. */
export class CorruptProgressError extends Error {
  constructor(detail: string) {
    super(`저장된 진도 데이터를 읽을 수 없습니다: ${detail}`);
    this.name = 'CorruptProgressError';
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;

function isQuizResult(v: unknown): v is QuizResult {
  if (!isRecord(v) || !isCount(v.score) || !isCount(v.total) || v.score > v.total) return false;
  return Array.isArray(v.answers) && v.answers.every((a) => a === null || isCount(a));
}

function isLessonProgress(v: unknown): v is LessonProgress {
  if (!isRecord(v) || !isStringList(v.steps) || !isStringList(v.exercises)) return false;
  return (v.quiz === undefined || isQuizResult(v.quiz)) && (v.epoch === undefined || isCount(v.epoch));
}

/** True when the value is a well-formed v2 state. */
export function isProgressData(v: unknown): v is ProgressData {
  return isRecord(v) && isRecord(v.lessons) && Object.values(v.lessons).every(isLessonProgress);
}

function isProgressDataV1(v: unknown): v is ProgressDataV1 {
  if (!isRecord(v) || !isRecord(v.completedSteps) || !isRecord(v.completedExercises) || !isRecord(v.quizScores)) return false;
  return (
    Object.values(v.completedSteps).every(isStringList) &&
    Object.values(v.completedExercises).every(isStringList) &&
    Object.values(v.quizScores).every((q) => isRecord(q) && isCount(q.score) && isCount(q.total) && q.score <= q.total)
  );
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
    if (!isProgressDataV1(state)) throw new CorruptProgressError('v1 형식이 아닙니다');
    return fromV1(state);
  }
  if (fromVersion === PROGRESS_VERSION) {
    if (!isProgressData(state)) throw new CorruptProgressError('v2 형식이 아닙니다');
    return state;
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
