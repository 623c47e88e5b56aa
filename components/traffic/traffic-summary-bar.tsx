'use client';

import { useMediaQuery } from '@/components/ui/use-media-query';
import type { TrafficSummary } from '@/lib/sim/network/load-summary';

/** Phones: below Tailwind's `sm`. */
const PHONE_QUERY = '(max-width: 639px)';
/** Tall enough for the running chart beside an open terminal (1440×900 and up; not a 768-px-tall laptop). */
const TALL_QUERY = '(min-height: 900px)';

/** Whether the screen is phone-narrow (false on the server: the full panel renders first). */
export function usePhoneScreen(): boolean {
  return useMediaQuery(PHONE_QUERY);
}

/** Whether the screen is at least 900 px tall (false on the server). */
export function useTallScreen(): boolean {
  return useMediaQuery(TALL_QUERY);
}

/**
 * The traffic panel folded to one line on a phone, so the graph keeps the screen: success rate, p95, failures, and
 * buttons to unfold it or stop.
 */
export function TrafficSummaryBar({ summary, running, onExpand, onStop }: { summary: TrafficSummary; running: boolean; onExpand: () => void; onStop: () => void }) {
  return (
    <section aria-label="트래픽 보내기 (요약)" data-traffic-panel="" data-collapsed="" className="flex items-center gap-2 border-b border-zinc-200 px-2.5 py-1.5 text-xs dark:border-zinc-800">
      <p data-traffic-summary="" className="min-w-0 flex-1 truncate">
        <span aria-hidden="true" className={running ? 'text-emerald-700 dark:text-emerald-300' : 'text-zinc-500'}>
          ●{' '}
        </span>
        성공률 <strong>{summary.successRate ?? '-'}%</strong>
        {summary.p95 !== undefined && <> · p95 {summary.p95}ms</>}
        {summary.failed > 0 && <span className="font-semibold text-red-700 dark:text-red-300"> · 실패 {summary.failed}개</span>}
        <span className="text-zinc-600 dark:text-zinc-400"> (최근 10초)</span>
      </p>
      {running && (
        <button type="button" onClick={onStop} data-traffic-stop="" className="shrink-0 rounded-md bg-zinc-700 px-2 py-1 font-semibold text-white dark:bg-zinc-600">
          ■ 멈추기
        </button>
      )}
      <button type="button" onClick={onExpand} aria-expanded={false} data-traffic-expand="" className="shrink-0 rounded-md border border-zinc-300 px-2 py-1 font-semibold dark:border-zinc-700">
        ▼ 펼치기
      </button>
    </section>
  );
}
