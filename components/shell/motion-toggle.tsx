'use client';

import { useDocumentFlag } from './document-flag';
import { MOTION_STORAGE_KEY } from './theme-script';

/**
 * 애니메이션 줄이기: for slow classroom PCs and projectors. Sets `data-reduce-motion` on <html> (globals.css and
 * graph.css then drop animations and transitions, as they do for the system's reduced-motion setting) and
 * remembers the choice; theme-script re-applies it before paint.
 */
export function MotionToggle({ className = '' }: { className?: string }) {
  const reduced = useDocumentFlag('data-reduce-motion');
  const toggle = () => {
    const next = !reduced;
    document.documentElement.toggleAttribute('data-reduce-motion', next);
    try {
      if (next) localStorage.setItem(MOTION_STORAGE_KEY, '1');
      else localStorage.removeItem(MOTION_STORAGE_KEY);
    } catch {
      // Private mode: the choice lasts for this page only.
    }
  };
  return (
    <button
      type="button"
      aria-pressed={reduced}
      onClick={toggle}
      title="느린 PC나 프로젝터에서 파드가 나타나고 사라지는 움직임을 끕니다"
      className={`whitespace-nowrap rounded border px-1.5 py-0.5 ${
        reduced ? 'border-brand-500 bg-brand-500 text-white' : 'border-zinc-300 text-zinc-700 hover:bg-zinc-100 dark:border-zinc-700 dark:text-zinc-300 dark:hover:bg-zinc-800'
      } ${className}`}
    >
      {reduced ? '✓ ' : ''}애니메이션 줄이기
    </button>
  );
}
