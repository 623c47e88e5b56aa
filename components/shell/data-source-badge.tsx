'use client';

import { useEffect, useState } from 'react';

interface Info {
  mode: 'sim' | 'live' | 'replay';
}

/**
 * On a tablet the header's source switch already shows which cluster is chosen, so this badge makes room for it
 * there (phones have no switch; a recording's replay is not a choice the switch shows).
 */
const SWITCH_SAYS_IT = 'group-has-[[data-testid=source-switch]]/header:sm:max-lg:hidden';

/** Shows which cluster the graph draws from. Defaults to the simulator until the server says otherwise. */
export function DataSourceBadge() {
  const [mode, setMode] = useState<Info['mode']>('sim');
  useEffect(() => {
    const onMode = (e: Event) => setMode((e as CustomEvent<Info['mode']>).detail);
    window.addEventListener('k8s-ko:data-source', onMode);
    return () => window.removeEventListener('k8s-ko:data-source', onMode);
  }, []);
  const live = mode === 'live';
  return (
    <span
      data-testid="data-source-badge"
      title={live ? '실제 클러스터의 상태를 보여 줍니다' : '브라우저 안의 시뮬레이터가 클러스터를 흉내 냅니다'}
      className={`inline-flex shrink-0 items-center ${mode === 'replay' ? '' : SWITCH_SAYS_IT} gap-1.5 whitespace-nowrap rounded-full px-2.5 py-1 text-xs font-semibold ${
        live
          ? 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900/50 dark:text-emerald-100'
          : 'bg-brand-100 text-brand-700 dark:bg-blue-900/50 dark:text-blue-100'
      }`}
    >
      <span aria-hidden="true">{live ? '●' : '◆'}</span>
      {/* Phones show the symbol only; the word stays for screen readers. */}
      <span className="max-sm:sr-only">{live ? '실제 클러스터' : mode === 'replay' ? '녹화 재생' : '시뮬레이터'}</span>
    </span>
  );
}
