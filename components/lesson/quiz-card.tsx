'use client';

import { useState, useSyncExternalStore } from 'react';
import { choiceOrder, gradeQuiz, type QuizQuestion } from '@/lib/lessons/quiz-spec';
import { useProgress } from './progress-provider';
import { useLessonSlug } from './use-lesson-slug';

const QUIZ_SEED_KEY = 'k8s-ko:quiz-seed';
/** Used when storage is unavailable (private mode): stable for this page, new on the next visit. */
let memorySeed: string | undefined;

function newSeed(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : Math.random().toString(36).slice(2);
}

/** This browser's random id, created once and kept in localStorage so the choice order survives reloads. */
function browserSeed(): string {
  try {
    let seed = window.localStorage.getItem(QUIZ_SEED_KEY);
    if (!seed) {
      seed = newSeed();
      window.localStorage.setItem(QUIZ_SEED_KEY, seed);
    }
    return seed;
  } catch {
    return (memorySeed ??= newSeed());
  }
}

const noSubscription = () => () => {};

/**
 * A short multiple-choice quiz; grading shows every explanation and saves the score. Choices are shown in an
 * order shuffled per browser and question, so the answer's position says nothing. The server (and hydration)
 * renders the authored order; the browser's order follows right after, without a hydration mismatch.
 * Answers are kept as indices into the authored choices, so saved progress never depends on the order.
 */
export function QuizCard({ questions }: { questions: QuizQuestion[] }) {
  const slug = useLessonSlug();
  const seed = useSyncExternalStore(noSubscription, browserSeed, () => null);
  const saved = useProgress((s) => s.lessons[slug]?.quiz);
  const recordQuiz = useProgress((s) => s.recordQuiz);
  const [answers, setAnswers] = useState<(number | null)[]>(() => questions.map(() => null));
  const [graded, setGraded] = useState(false);
  const [missing, setMissing] = useState<number[]>([]);
  const score = gradeQuiz(questions, answers);

  function submit() {
    const unanswered = answers.flatMap((a, i) => (a === null ? [i + 1] : []));
    setMissing(unanswered);
    if (unanswered.length > 0) return;
    setGraded(true);
    recordQuiz(slug, { score, total: questions.length, answers });
  }

  return (
    <section
      aria-labelledby="quiz-title"
      // "shuffled" once this browser's order is on screen: before it the authored order shows (server render, hydration)
      data-choice-order={seed ? 'shuffled' : 'authored'}
      className="not-prose my-8 rounded-xl border border-zinc-200 p-5 dark:border-zinc-800">
      <h2 id="quiz-title" className="m-0 text-xl font-bold">
        확인 퀴즈
      </h2>
      {saved && !graded && (
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          지난번 점수: {saved.total}문제 중 {saved.score}문제 정답
        </p>
      )}
      <div className="mt-4 space-y-6">
        {questions.map((q, qi) => {
          const chosen = answers[qi];
          const right = chosen === q.answer;
          const order = seed ? choiceOrder(`${seed}:${slug}:${q.question}`, q.choices.length) : q.choices.map((_, i) => i);
          return (
            <div key={q.question}>
              <fieldset>
                <legend className="font-semibold">
                  {qi + 1}. {q.question}
                </legend>
                <div className="mt-2 space-y-1">
                  {order.map((ci) => (
                    <label key={ci} className="flex cursor-pointer items-start gap-2 rounded px-2 py-1 hover:bg-zinc-100 dark:hover:bg-zinc-900">
                      <input
                        type="radio"
                        name={`quiz-${qi}`}
                        className="mt-1.5"
                        checked={chosen === ci}
                        disabled={graded}
                        onChange={() => {
                          setAnswers((a) => a.map((v, i) => (i === qi ? ci : v)));
                          setMissing((m) => m.filter((n) => n !== qi + 1));
                        }}
                      />
                      <span>
                        {q.choices[ci]}
                        {graded && ci === q.answer && <span className="ml-2 text-sm font-semibold text-emerald-700 dark:text-emerald-400">(정답)</span>}
                      </span>
                    </label>
                  ))}
                </div>
                {graded && (
                  <p className={`mt-2 rounded-md p-3 text-sm ${right ? 'bg-emerald-50 text-emerald-900 dark:bg-emerald-950/40 dark:text-emerald-200' : 'bg-red-50 text-red-900 dark:bg-red-950/40 dark:text-red-200'}`}>
                    <strong>{right ? '정답입니다. ' : '오답입니다. '}</strong>
                    {q.explanation}
                  </p>
                )}
              </fieldset>
            </div>
          );
        })}
      </div>
      <div className="mt-5 flex items-center gap-3" aria-live="polite">
        {graded ? (
          <>
            <p className="m-0 font-bold">
              {questions.length}문제 중 {score}문제 정답
            </p>
            <button
              type="button"
              onClick={() => {
                setGraded(false);
                setAnswers(questions.map(() => null));
              }}
              className="rounded-md border border-zinc-300 px-3 py-1.5 font-semibold hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
            >
              다시 풀기
            </button>
          </>
        ) : (
          <>
            <button type="button" onClick={submit} className="rounded-md bg-brand-500 px-4 py-2 font-semibold text-white hover:bg-brand-600">
              채점하기
            </button>
            {missing.length > 0 && <p className="m-0 text-sm text-amber-800 dark:text-amber-300">아직 고르지 않은 문제가 있어요: {missing.join(', ')}번</p>}
          </>
        )}
      </div>
    </section>
  );
}
