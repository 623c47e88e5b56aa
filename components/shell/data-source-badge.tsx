'use client';

import { useEffect, useState } from 'react';
import { DATA_SOURCE_EVENT } from '@/lib/cluster/source';

type Announced = 'sim' | 'live' | null;

/**
 * Beside the header's source switch (a server with a real cluster, from 640 px up) the switch already names the chosen
 * cluster: the badge then shows only while a real cluster's graph is on screen, and on a tablet not even then, to
 * make room. A phone has no switch and keeps the badge.
 */
const BESIDE_SWITCH = {
  live: 'group-has-[[data-testid=source-switch]]/header:sm:max-lg:hidden',
  sim: 'group-has-[[data-testid=source-switch]]/header:sm:hidden',
};

/**
 * Shows which cluster the graph draws from: a real cluster while a live client is on (its setup announces it), the
 * simulator otherwise (no graph on the page counts as the simulator, the app's default).
 */
export function DataSourceBadge() {
  const [announced, setAnnounced] = useState<Announced>(null);
  useEffect(() => {
    const onMode = (e: Event) => setAnnounced((e as CustomEvent<Announced>).detail);
    window.addEventListener(DATA_SOURCE_EVENT, onMode);
    return () => window.removeEventListener(DATA_SOURCE_EVENT, onMode);
  }, []);
  const live = announced === 'live';
  return (
    <span
      data-testid="data-source-badge"
      title={live ? '실제 클러스터의 상태를 보여 줍니다' : '브라우저 안의 시뮬레이터가 클러스터를 흉내 냅니다'}
      className={`inline-flex shrink-0 items-center ${live ? BESIDE_SWITCH.live : BESIDE_SWITCH.sim} gap-1.5 whitespace-nowrap rounded-full px-2.5 py-1 text-xs font-semibold ${
        live
          ? 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900/50 dark:text-emerald-100'
          : 'bg-brand-100 text-brand-700 dark:bg-blue-900/50 dark:text-blue-100'
      }`}
    >
      <span aria-hidden="true">{live ? '●' : '◆'}</span>
      {/* Phones show the symbol only; the word stays for screen readers. */}
      <span className="max-sm:sr-only">{live ? '실제 클러스터' : '시뮬레이터'}</span>
    </span>
  );
}
