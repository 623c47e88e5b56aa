'use client';

import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { RunNotice, useHiddenLabRequests } from './run-notice';

const WIDE_QUERY = '(min-width: 1280px)';
const SPLIT_KEY = 'k8s-ko-split';
const MIN = 30;
const MAX = 70;

function useIsWide(): boolean {
  const [wide, setWide] = useState(true);
  useEffect(() => {
    const mq = window.matchMedia(WIDE_QUERY);
    const update = () => setWide(mq.matches);
    update();
    mq.addEventListener('change', update);
    return () => mq.removeEventListener('change', update);
  }, []);
  return wide;
}

/**
 * Lesson beside the Playground. Wide screens: a resizable split (drag or arrow keys on the divider).
 * Narrow screens: two tabs, 학습 / 실습. Both panes stay mounted so the cluster keeps running.
 */
export function LessonSplit({ lesson, playground }: { lesson: ReactNode; playground: ReactNode }) {
  const wide = useIsWide();
  const [tab, setTab] = useState<'learn' | 'lab'>('learn');
  const [percent, setPercent] = useState(45);
  const container = useRef<HTMLDivElement>(null);
  const dragging = useRef(false);
  const labRequests = useHiddenLabRequests(!wide && tab !== 'lab');
  const showLab = () => {
    labRequests.clear();
    setTab('lab');
  };

  useEffect(() => {
    const saved = Number(localStorage.getItem(SPLIT_KEY));
    if (saved >= MIN && saved <= MAX) setPercent(saved);
  }, []);

  const commit = useCallback((p: number) => {
    const clamped = Math.round(Math.min(MAX, Math.max(MIN, p)));
    setPercent(clamped);
    try {
      localStorage.setItem(SPLIT_KEY, String(clamped));
    } catch {
      /* not remembered in private mode */
    }
  }, []);

  useEffect(() => {
    const move = (e: PointerEvent) => {
      if (!dragging.current || !container.current) return;
      const r = container.current.getBoundingClientRect();
      commit(((e.clientX - r.left) / r.width) * 100);
    };
    const up = () => {
      dragging.current = false;
      document.body.style.userSelect = '';
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
    return () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
    };
  }, [commit]);

  const tabClass = (active: boolean) =>
    `flex-1 whitespace-nowrap py-2.5 text-sm font-semibold border-b-2 ${
      active ? 'border-brand-500 text-brand-700 dark:text-white' : 'border-transparent text-zinc-600 dark:text-zinc-400'
    }`;

  return (
    <div ref={container} className="flex h-[calc(100dvh-3.5rem)] flex-col xl:flex-row">
      {!wide && (
        <div role="tablist" aria-label="레슨 보기 전환" className="flex border-b border-zinc-200 dark:border-zinc-800">
          <button role="tab" id="tab-learn" aria-controls="pane-learn" aria-selected={tab === 'learn'} className={tabClass(tab === 'learn')} onClick={() => setTab('learn')}>
            학습
          </button>
          <button
            role="tab"
            id="tab-lab"
            aria-controls="pane-lab"
            aria-selected={tab === 'lab'}
            data-attention={labRequests.attention ? '1' : undefined}
            className={tabClass(tab === 'lab')}
            onClick={showLab}
          >
            실습
            {labRequests.attention && (
              <>
                <span aria-hidden="true" className="ml-1.5 inline-block h-2 w-2 animate-pulse rounded-full bg-brand-500 align-middle" />
                <span className="sr-only"> (새 결과)</span>
              </>
            )}
          </button>
        </div>
      )}
      <div
        id="pane-learn"
        role={wide ? undefined : 'tabpanel'}
        aria-labelledby={wide ? undefined : 'tab-learn'}
        hidden={!wide && tab !== 'learn'}
        className="min-h-0 overflow-y-auto"
        style={wide ? { width: `${percent}%` } : undefined}
      >
        {lesson}
      </div>
      {wide && (
        <div
          role="separator"
          aria-orientation="vertical"
          aria-label="레슨과 실습 영역 크기 조절"
          aria-valuenow={percent}
          aria-valuemin={MIN}
          aria-valuemax={MAX}
          tabIndex={0}
          onPointerDown={() => {
            dragging.current = true;
            document.body.style.userSelect = 'none';
          }}
          onKeyDown={(e) => {
            if (e.key === 'ArrowLeft') commit(percent - 2);
            if (e.key === 'ArrowRight') commit(percent + 2);
          }}
          className="w-1.5 shrink-0 cursor-col-resize bg-zinc-200 hover:bg-brand-500 focus-visible:bg-brand-500 dark:bg-zinc-800"
        />
      )}
      <section
        id="pane-lab"
        aria-label="실습 영역"
        role={wide ? 'region' : 'tabpanel'}
        hidden={!wide && tab !== 'lab'}
        className="min-h-0 min-w-0 flex-1 overflow-hidden"
      >
        {playground}
      </section>
      {!wide && <RunNotice request={labRequests.notice?.request ?? null} onShowLab={showLab} />}
    </div>
  );
}
