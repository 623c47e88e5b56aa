'use client';

import { useEffect, useRef } from 'react';
import type { ClusterClient } from '@/lib/cluster/types';
import { useTrafficStats } from './use-traffic-stats';

/** The toolbar button that shows the traffic panel; it marks a running generator and opens the panel when one starts. */
export function TrafficToggle({ client, open, onOpenChange }: { client: ClusterClient; open: boolean; onOpenChange: (open: boolean) => void }) {
  const running = useTrafficStats(client)?.running ?? false;
  const wasRunning = useRef(running);
  useEffect(() => {
    // started from the terminal (or a lesson): show the chart
    if (running && !wasRunning.current) onOpenChange(true);
    wasRunning.current = running;
  }, [running, onOpenChange]);
  // a real cluster gets the button too: the panel then says why traffic cannot be sent there
  return (
    <button
      type="button"
      data-traffic-toggle=""
      aria-expanded={open}
      aria-controls="playground-traffic"
      onClick={() => onOpenChange(!open)}
      className="whitespace-nowrap rounded-md border border-zinc-300 px-2.5 py-1 text-xs font-semibold hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
    >
      <svg aria-hidden="true" viewBox="0 0 16 16" className="mr-1 inline h-3.5 w-3.5 align-[-2px]" fill="none" stroke="currentColor" strokeWidth={1.6}>
        <path d="M1.5 14.5h13M3 11l3.5-4 3 2.5L14 3.5" />
      </svg>
      트래픽 보내기
      {running && (
        <span className="ml-1 text-emerald-700 dark:text-emerald-300">
          <span aria-hidden="true">●</span> 보내는 중
        </span>
      )}
    </button>
  );
}
