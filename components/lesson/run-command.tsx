'use client';

import { usePlayground } from '@/components/wiring/playground-context';
import { useProgress } from './progress-provider';
import { useLessonSlug } from './use-lesson-slug';
import { runStepId } from '@/lib/lessons/run-step';
import { openLessonFilesFor } from './lesson-files';

/**
 * A guided step: shows a command and types + runs it in the Playground terminal. With `machine` (lessons that start
 * from bare machines) it runs in that machine's shell, and the terminal switches to that machine.
 */
export function Run({ cmd, id, machine }: { cmd: string; id?: string; machine?: string }) {
  const { bus } = usePlayground();
  const slug = useLessonSlug();
  const stepId = id ?? runStepId({ cmd, machine });
  const done = useProgress((s) => s.lessons[slug]?.steps.includes(stepId) ?? false);
  const completeStep = useProgress((s) => s.completeStep);

  return (
    <div className="not-prose my-3 flex items-center gap-2 rounded-lg border border-zinc-200 bg-zinc-50 p-2 dark:border-zinc-800 dark:bg-zinc-900" data-step={stepId}>
      <code className="min-w-0 flex-1 whitespace-pre-wrap break-all px-2 font-mono text-sm">
        {machine && <span className="mr-2 select-none rounded bg-emerald-100 px-1.5 py-0.5 font-sans text-xs font-semibold text-emerald-900 dark:bg-emerald-900/60 dark:text-emerald-100">{machine}</span>}
        <span aria-hidden="true" className="select-none text-zinc-400">$ </span>
        {cmd}
      </code>
      {done && (
        <span className="shrink-0 text-sm font-semibold text-emerald-700 dark:text-emerald-400" aria-label="실행한 단계">
          ✓ 완료
        </span>
      )}
      <button
        type="button"
        aria-label={machine ? `${machine}에서 실행: ${cmd}` : `실행: ${cmd}`}
        onClick={() => {
          if (!machine) openLessonFilesFor(bus, cmd);
          bus.runCommand(cmd, machine);
          completeStep(slug, stepId);
        }}
        className="shrink-0 rounded-md bg-brand-500 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500"
      >
        ▶ 실행
      </button>
    </div>
  );
}
