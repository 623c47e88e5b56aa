'use client';

import { useEffect } from 'react';
import type { TimeControls } from '@/lib/cluster/types';
import { isTypingTarget } from './presenter-mode';

/**
 * N: "다음 사건으로 ▶|". Presses the on-screen button (so its note says what was skipped) or, without one, skips
 * directly. Ignored while typing in a field, the editor or the terminal.
 */
export function useSkipAheadKey(time: TimeControls | undefined): void {
  useEffect(() => {
    if (!time?.skipToNextEvent) return;
    const onKey = (e: KeyboardEvent) => {
      if ((e.key !== 'n' && e.key !== 'N') || e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || isTypingTarget(e.target)) return;
      e.preventDefault();
      const button = document.querySelector<HTMLButtonElement>('[data-skip-ahead]');
      if (button) button.click();
      else void time.skipToNextEvent!();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [time]);
}
