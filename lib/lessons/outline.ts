/**
 * Reads a lesson's MDX body for what the UI and the tests count: guided "실행" commands, exercise blocks and
 * the quiz. Text-level parsing (no MDX compile) keeps it cheap enough for the curriculum map and the content
 * test; the same parser feeds the renderer's code-block hook, so both always agree.
 */
import { parse as parseYaml } from 'yaml';
import { runStepId, type RunStep } from './run-step';

export { runStepId, type RunStep };
import { validateExercise, type ExerciseSpec } from './exercise-spec';
import { validateQuiz, type QuizQuestion } from './quiz-spec';

/** Fence languages that carry data instead of code. */
export const EXERCISE_FENCE = 'exercise';
export const QUIZ_FENCE = 'quiz';

export interface LessonOutline {
  runCommands: string[];
  /** The same steps in order, with the machine each targets (`<Run cmd="…" machine="worker-1" />`). */
  runSteps: RunStep[];
  exercises: ExerciseSpec[];
  quiz: QuizQuestion[] | null;
  /** Files the lesson opens in the editor (`<OpenInEditor name>` around a fence), by name. */
  editorFiles: Record<string, string>;
  /** Problems found while reading data blocks, in Korean. */
  problems: string[];
}

const RUN_TAG = /<Run\s+cmd="([^"]+)"(?:\s+machine="([^"]+)")?/g;
const EDITOR_FILE = /<OpenInEditor\s+name="([^"]+)">\s*```[\w-]*\n([\s\S]*?)^```/gm;
const FENCE = /^```([\w-]+)[^\n]*\n([\s\S]*?)^```\s*$/gm;

/** Parse a YAML data block; a syntax error becomes a problem string instead of an exception. */
export function parseDataBlock(source: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: parseYaml(source) };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

/** Outline one lesson body. */
export function lessonOutline(body: string): LessonOutline {
  const runSteps: RunStep[] = [...body.matchAll(RUN_TAG)].map((m) => (m[2] ? { cmd: m[1], machine: m[2] } : { cmd: m[1] }));
  const runCommands = runSteps.map((s) => s.cmd);
  const exercises: ExerciseSpec[] = [];
  let quiz: QuizQuestion[] | null = null;
  const problems: string[] = [];
  for (const [, lang, source] of body.matchAll(FENCE)) {
    if (lang !== EXERCISE_FENCE && lang !== QUIZ_FENCE) continue;
    const parsed = parseDataBlock(source);
    if (!parsed.ok) {
      problems.push(`${lang} 블록의 YAML을 읽을 수 없습니다: ${parsed.error}`);
      continue;
    }
    const result = lang === EXERCISE_FENCE ? validateExercise(parsed.value) : validateQuiz(parsed.value);
    if (!result.ok) problems.push(...result.errors);
    else if (lang === EXERCISE_FENCE) exercises.push(result.value as ExerciseSpec);
    else if (quiz) problems.push('quiz 블록은 레슨마다 하나만 둘 수 있습니다');
    else quiz = result.value as QuizQuestion[];
  }
  const editorFiles = Object.fromEntries([...body.matchAll(EDITOR_FILE)].map((m) => [m[1], m[2]]));
  return { runCommands, runSteps, exercises, quiz, editorFiles, problems };
}

/** What a lesson's progress is measured against. */
export function lessonTotals(body: string): { steps: number; exercises: number; quiz: boolean } {
  const o = lessonOutline(body);
  return { steps: new Set(o.runSteps.map(runStepId)).size, exercises: o.exercises.length, quiz: o.quiz !== null };
}
