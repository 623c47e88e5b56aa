'use client';

import { useEffect } from 'react';
import { usePlayground } from '@/components/wiring/playground-context';
import { registerLessonFile } from './lesson-files';

/** "에디터에 열기": puts a YAML file into the Playground editor (and the file list `kubectl apply -f` reads). */
export function EditorButton({ name, content }: { name: string; content: string }) {
  const { bus } = usePlayground();
  useEffect(() => registerLessonFile(bus, { name, content }), [bus, name, content]);
  return (
    <button
      type="button"
      aria-label={`에디터에 열기: ${name}`}
      onClick={() => bus.openInEditor({ name, content })}
      className="rounded-md border border-brand-500 px-3 py-1 text-sm font-semibold text-brand-700 hover:bg-brand-50 dark:border-blue-400 dark:text-blue-200 dark:hover:bg-zinc-800"
    >
      에디터에 열기
    </button>
  );
}
