'use client';

import { lessonPercent } from '@/lib/lessons/progress-schema';
import { useProgress } from './progress-provider';

export interface LessonTotals {
  steps: number;
  exercises: number;
  quiz: boolean;
}

/** Percent done for one lesson, with a text label (never colour alone). Shows nothing until progress loads. */
export function LessonProgressView({ slug, totals }: { slug: string; totals: LessonTotals }) {
  const hydrated = useProgress((s) => s.hydrated);
  const lesson = useProgress((s) => s.lessons[slug]);
  if (!hydrated) return null;
  const percent = lessonPercent(lesson, totals);
  const label = percent === 100 ? '완료' : percent === 0 ? '시작 전' : `${percent}% 진행`;
  const quiz = lesson?.quiz ? ` · 퀴즈 ${lesson.quiz.score}/${lesson.quiz.total}` : '';
  return (
    <span className="inline-flex items-center gap-2 text-sm" data-progress-slug={slug} data-percent={percent}>
      <span aria-hidden="true" className="h-1.5 w-16 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-700">
        <span className={`block h-full ${percent === 100 ? 'bg-emerald-600' : 'bg-brand-500'}`} style={{ width: `${percent}%` }} />
      </span>
      <span className={percent === 100 ? 'font-semibold text-emerald-700 dark:text-emerald-400' : 'text-zinc-600 dark:text-zinc-400'}>
        {label}
        {quiz}
      </span>
    </span>
  );
}

/** "진도 초기화": clears every lesson's saved progress after a confirmation. */
export function ProgressResetButton() {
  const resetAll = useProgress((s) => s.resetAll);
  return (
    <button
      type="button"
      onClick={() => {
        if (window.confirm('모든 레슨의 진도를 지울까요? 되돌릴 수 없습니다.')) resetAll();
      }}
      className="rounded-md border border-zinc-300 px-3 py-1.5 text-sm font-semibold hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
    >
      진도 초기화
    </button>
  );
}
