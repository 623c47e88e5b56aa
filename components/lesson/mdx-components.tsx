/**
 * Every component a lesson's MDX may use, registered in one place.
 * (The curriculum work adds the interactive ones: Run, OpenInEditor, Exercise, Quiz, diagrams.)
 */
import type { ReactNode } from 'react';

function Callout({ children, title }: { children: ReactNode; title?: string }) {
  return (
    <aside className="my-5 rounded-lg border-l-4 border-brand-500 bg-brand-50 px-4 py-3 dark:bg-zinc-900">
      {title && <p className="m-0 font-bold">{title}</p>}
      <div>{children}</div>
    </aside>
  );
}

export const lessonComponents = { Callout };
