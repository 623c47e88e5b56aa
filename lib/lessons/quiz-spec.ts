/**
 * Quizzes are data in the lesson (a ```quiz YAML block): 3–5 questions, each with choices, the index of the
 * right answer and an explanation shown after grading.
 */
import type { Validation } from './exercise-spec';

export interface QuizQuestion {
  question: string;
  choices: string[];
  /** Index into choices. */
  answer: number;
  explanation: string;
}

export const QUIZ_MIN = 3;
export const QUIZ_MAX = 5;

/** Validate a quiz block as parsed from YAML; problems are reported in Korean. */
export function validateQuiz(raw: unknown): Validation<QuizQuestion[]> {
  if (!Array.isArray(raw)) return { ok: false, errors: ['quiz: 질문 목록이어야 합니다'] };
  const errors: string[] = [];
  if (raw.length < QUIZ_MIN || raw.length > QUIZ_MAX) errors.push(`quiz: 질문은 ${QUIZ_MIN}~${QUIZ_MAX}개여야 합니다 (지금 ${raw.length}개)`);
  raw.forEach((q, i) => {
    const where = `quiz[${i}]`;
    if (typeof q !== 'object' || q === null) return void errors.push(`${where}: 객체여야 합니다`);
    const { question, choices, answer, explanation } = q as Record<string, unknown>;
    if (typeof question !== 'string' || !question.trim()) errors.push(`${where}: question이 필요합니다`);
    if (typeof explanation !== 'string' || !explanation.trim()) errors.push(`${where}: explanation이 필요합니다`);
    if (!Array.isArray(choices) || choices.length < 2 || !choices.every((c) => typeof c === 'string' && c.trim())) {
      errors.push(`${where}: choices는 2개 이상의 문자열이어야 합니다`);
    } else if (new Set(choices).size !== choices.length) errors.push(`${where}: 같은 보기가 두 번 있습니다`);
    else if (!Number.isInteger(answer) || (answer as number) < 0 || (answer as number) >= choices.length) errors.push(`${where}: answer는 보기 번호(0부터)여야 합니다`);
  });
  return errors.length ? { ok: false, errors } : { ok: true, value: raw as QuizQuestion[] };
}

/** Number of right answers. */
export function gradeQuiz(questions: readonly QuizQuestion[], answers: readonly (number | null)[]): number {
  return questions.reduce((n, q, i) => n + (answers[i] === q.answer ? 1 : 0), 0);
}

/** FNV-1a over UTF-16 code units: a small, stable string → 32-bit seed. */
function hashSeed(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: a tiny seeded PRNG with good spread for shuffling a handful of items. */
function seededRandom(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The order to show `count` choices in: a Fisher–Yates shuffle seeded by `seed` (a per-browser id plus the
 * question), so one student sees the same order on every visit while the right answer lands on every position
 * equally often across students. Returns indices into the authored choices.
 */
export function choiceOrder(seed: string, count: number): number[] {
  const order = Array.from({ length: count }, (_, i) => i);
  const random = seededRandom(hashSeed(seed));
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}
