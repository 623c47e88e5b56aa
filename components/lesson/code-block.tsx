import { isValidElement, type ComponentProps, type ReactNode } from 'react';
import { validateExercise } from '@/lib/lessons/exercise-spec';
import { EXERCISE_FENCE, QUIZ_FENCE, parseDataBlock } from '@/lib/lessons/outline';
import { validateQuiz } from '@/lib/lessons/quiz-spec';
import { ExerciseCard } from './exercise-card';
import { textOf } from './open-in-editor';
import { QuizCard } from './quiz-card';

function fenceLanguage(children: ReactNode): string | null {
  if (!isValidElement<{ className?: string }>(children)) return null;
  const m = /language-([\w-]+)/.exec(children.props.className ?? '');
  return m ? m[1] : null;
}

function BrokenBlock({ errors }: { errors: string[] }) {
  return (
    <div role="alert" className="my-4 rounded-md border border-red-400 bg-red-50 p-3 text-sm text-red-900 dark:bg-red-950/40 dark:text-red-200">
      <p className="m-0 font-semibold">이 블록의 데이터가 잘못되어 표시할 수 없습니다.</p>
      <ul className="m-0 list-disc pl-5">
        {errors.map((e) => (
          <li key={e}>{e}</li>
        ))}
      </ul>
    </div>
  );
}

/**
 * Replaces MDX's `pre`: ```exercise and ```quiz fences carry YAML data and become interactive cards
 * (data, not JavaScript, so lessons work with next-mdx-remote's JS blocking on); every other fence is
 * shown as code.
 */
export function CodeBlock(props: ComponentProps<'pre'>) {
  const lang = fenceLanguage(props.children);
  if (lang === EXERCISE_FENCE || lang === QUIZ_FENCE) {
    const parsed = parseDataBlock(textOf(props.children));
    if (!parsed.ok) return <BrokenBlock errors={[parsed.error]} />;
    if (lang === EXERCISE_FENCE) {
      const v = validateExercise(parsed.value);
      return v.ok ? <ExerciseCard spec={v.value} /> : <BrokenBlock errors={v.errors} />;
    }
    const v = validateQuiz(parsed.value);
    return v.ok ? <QuizCard questions={v.value} /> : <BrokenBlock errors={v.errors} />;
  }
  return (
    <pre
      {...props}
      data-language={lang ?? undefined}
      // Long lines scroll sideways; keyboard users need to be able to focus the block to scroll it.
      tabIndex={0}
      className="my-4 overflow-x-auto rounded-lg bg-zinc-900 p-4 font-mono text-sm leading-relaxed text-zinc-100 dark:bg-black/60"
    />
  );
}
