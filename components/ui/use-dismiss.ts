'use client';

import { useEffect, type RefObject } from 'react';

/** While `open`, Escape or a press outside `root` calls `close` (a menu or a popover that drops down). */
export function useDismiss(open: boolean, root: RefObject<Element | null>, close: () => void): void {
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && close();
    const onPointer = (e: PointerEvent) => !root.current?.contains(e.target as Node) && close();
    window.addEventListener('keydown', onKey);
    window.addEventListener('pointerdown', onPointer);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('pointerdown', onPointer);
    };
  }, [open, root, close]);
}
