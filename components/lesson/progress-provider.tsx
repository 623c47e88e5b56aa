'use client';

import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { PROGRESS_STORAGE_KEY, createProgressStore, type ProgressState, type ProgressStore } from '@/lib/lessons/progress';

const ProgressContext = createContext<ProgressStore | null>(null);

/**
 * One progress store per app tree; loads saved progress after mount so server and client HTML agree,
 * and merges what other tabs save so two open lessons never overwrite each other's progress.
 */
export function ProgressProvider({ children }: { children: ReactNode }) {
  const [store] = useState(() => createProgressStore());
  useEffect(() => {
    store.hydrate();
    const onStorage = (e: StorageEvent) => {
      if (e.key === PROGRESS_STORAGE_KEY) store.receive(e.newValue);
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, [store]);
  return (
    <ProgressContext.Provider value={store}>
      <ProgressNotice store={store} />
      {children}
    </ProgressContext.Provider>
  );
}

/** Select from the progress store (throws outside a ProgressProvider, which app/layout mounts). */
export function useProgress<T>(selector: (s: ProgressState) => T): T {
  const store = useContext(ProgressContext);
  if (!store) throw new Error('useProgress()는 ProgressProvider 안에서만 쓸 수 있습니다.');
  return useStore(store, selector);
}

function ProgressNotice({ store }: { store: ProgressStore }) {
  const notice = useStore(store, (s) => s.notice);
  const dismiss = useStore(store, (s) => s.dismissNotice);
  if (!notice) return null;
  return (
    <div role="alert" className="fixed left-1/2 top-16 z-50 flex w-max max-w-[calc(100vw-1.5rem)] -translate-x-1/2 items-center justify-center gap-3 rounded-lg bg-amber-100 px-4 py-2 text-sm shadow-lg text-amber-950 dark:bg-amber-900 dark:text-amber-50">
      <span className="min-w-0">{notice}</span>
      <button type="button" onClick={dismiss} className="shrink-0 whitespace-nowrap rounded border border-amber-700/40 px-2 py-0.5 font-semibold hover:bg-amber-200 dark:hover:bg-amber-800">
        닫기
      </button>
    </div>
  );
}
