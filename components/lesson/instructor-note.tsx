import type { ReactNode } from 'react';

/** A collapsed note for whoever teaches the lesson: timing, common mistakes, questions to ask. */
export function InstructorNote({ children }: { children: ReactNode }) {
  return (
    <details className="my-6 rounded-lg border border-dashed border-zinc-300 px-4 py-2 dark:border-zinc-700">
      <summary className="cursor-pointer font-semibold text-zinc-700 dark:text-zinc-300">강사용 메모</summary>
      <div className="text-[0.95rem] [&>ul]:mt-2">{children}</div>
    </details>
  );
}
