'use client';

import { useEffect, useState } from 'react';
import { usePlayground } from '@/components/wiring/playground-context';
import type { BusRequest } from '@/lib/store/bus';

const SHOW_MS = 7000;

/**
 * While the Playground is hidden behind the 실습 tab, a step's 실행 (or 에디터에 열기) would seem to do
 * nothing. This notices such requests: `notice` for a short message, `attention` to mark the 실습 tab
 * until it is opened.
 */
export function useHiddenLabRequests(labHidden: boolean) {
  const { bus } = usePlayground();
  const [notice, setNotice] = useState<{ at: number; request: BusRequest } | null>(null);
  const [attention, setAttention] = useState(false);
  useEffect(() => {
    if (!labHidden) return;
    return bus.onRequest((request) => {
      setNotice({ at: Date.now(), request });
      setAttention(true);
    });
  }, [bus, labHidden]);
  useEffect(() => {
    if (!notice) return;
    const t = setTimeout(() => setNotice(null), SHOW_MS);
    return () => clearTimeout(t);
  }, [notice]);
  const clear = () => {
    setNotice(null);
    setAttention(false);
  };
  return { notice: labHidden ? notice : null, attention: labHidden && attention, clear };
}

/** "실행됨" with a way to the result, at the bottom of the screen; a polite live region for screen readers. */
export function RunNotice({ request, onShowLab }: { request: BusRequest | null; onShowLab: () => void }) {
  return (
    <div role="status" aria-live="polite" className="pointer-events-none fixed inset-x-0 bottom-4 z-50 flex justify-center px-3">
      {request && (
        <div data-run-notice="" className="pointer-events-auto flex max-w-lg flex-wrap items-center gap-x-3 gap-y-2 rounded-xl bg-zinc-900 px-4 py-3 text-sm text-white shadow-xl dark:bg-zinc-100 dark:text-zinc-900">
          <p className="min-w-0 flex-1">
            <span className="font-semibold">{request.kind === 'run' ? '✓ 실행됨' : '✓ 에디터에 열었어요'}</span>{' '}
            <code className="break-all font-mono text-xs opacity-90">{request.kind === 'run' ? request.command : request.file}</code>
          </p>
          <button
            type="button"
            onClick={onShowLab}
            className="shrink-0 whitespace-nowrap rounded-md bg-brand-500 px-3 py-1.5 font-semibold text-white hover:bg-brand-600"
          >
            {request.kind === 'run' ? '실습 탭에서 결과 보기 →' : '실습 탭에서 보기 →'}
          </button>
        </div>
      )}
    </div>
  );
}
