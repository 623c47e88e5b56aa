'use client';

import { useState } from 'react';
import { usePlayground } from '@/components/wiring/playground-context';
import { announceCheck } from '@/lib/classroom/signals';
import type { ExerciseSpec } from '@/lib/lessons/exercise-spec';
import { useProgress } from './progress-provider';
import { useLessonSlug } from './use-lesson-slug';

type Result = { state: 'idle' } | { state: 'checking' } | { state: 'passed' } | { state: 'failed'; failures: string[] };

/** A hands-on task checked against the active cluster with the lesson's check data. */
export function ExerciseCard({ spec }: { spec: ExerciseSpec }) {
  const { client, machines } = usePlayground();
  const slug = useLessonSlug();
  const passedBefore = useProgress((s) => s.lessons[slug]?.exercises.includes(spec.id) ?? false);
  const completeExercise = useProgress((s) => s.completeExercise);
  const [result, setResult] = useState<Result>({ state: 'idle' });
  const headingId = `exercise-${spec.id}`;

  async function check() {
    if (!client) {
      setResult({ state: 'failed', failures: ['실습 클러스터가 아직 준비되지 않았습니다. 잠시 후 다시 눌러 주세요.'] });
      return;
    }
    setResult({ state: 'checking' });
    // the machines lab's code is already on the page when there are machines; other lessons never load it
    const facts = machines ? (await import('@/lib/machines/lesson-facts')).machineFacts(machines) : null;
    // the checks need every kind's definition (lib/k8s/kinds, ~23 KB gzipped): loaded at the first check, not with the lesson
    const { evaluateChecks } = await import('@/lib/lessons/check');
    const outcome = await evaluateChecks(client, spec.checks, facts);
    announceCheck({ lesson: slug, exercise: spec.id, ok: outcome.ok });
    if (outcome.ok) {
      completeExercise(slug, spec.id);
      setResult({ state: 'passed' });
    } else setResult({ state: 'failed', failures: outcome.failures });
  }

  return (
    <section aria-labelledby={headingId} data-exercise={spec.id} className="not-prose my-6 rounded-xl border-2 border-emerald-600/40 bg-emerald-50/50 p-5 dark:border-emerald-500/30 dark:bg-emerald-950/20">
      <p className="m-0 text-xs font-bold uppercase tracking-wide text-emerald-800 dark:text-emerald-300">실습 과제</p>
      <h3 id={headingId} className="m-0 mt-1 flex items-center gap-2 text-lg font-bold">
        {spec.title}
        {passedBefore && <span className="rounded-full bg-emerald-600 px-2 py-0.5 text-xs font-semibold text-white">완료</span>}
      </h3>
      <p className="mt-2">{spec.task}</p>
      {spec.hint && (
        <details className="mt-2 text-sm">
          <summary className="cursor-pointer font-semibold text-emerald-800 dark:text-emerald-300">힌트 보기</summary>
          <p className="mt-1 whitespace-pre-wrap">{spec.hint}</p>
        </details>
      )}
      <button
        type="button"
        onClick={check}
        disabled={result.state === 'checking'}
        className="mt-3 rounded-md bg-emerald-700 px-4 py-2 font-semibold text-white hover:bg-emerald-800 disabled:opacity-60"
      >
        {result.state === 'checking' ? '확인하는 중…' : '확인하기'}
      </button>
      <div aria-live="polite" className="mt-3">
        {result.state === 'passed' && <p className="m-0 font-semibold text-emerald-800 dark:text-emerald-300">✓ 통과했습니다! 클러스터가 기대한 상태입니다.</p>}
        {result.state === 'failed' && (
          <div role="alert" className="rounded-md bg-red-50 p-3 text-red-900 dark:bg-red-950/40 dark:text-red-200">
            <p className="m-0 font-semibold">✗ 아직 아니에요. 다음을 확인해 보세요.</p>
            <ul className="m-0 mt-1 list-disc pl-5">
              {result.failures.map((f) => (
                <li key={f}>{f}</li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </section>
  );
}
