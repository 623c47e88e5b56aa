'use client';

import type { ClusterClient } from '@/lib/cluster/types';
import { summarizeTraffic } from '@/lib/sim/network/load-summary';
import { useTrafficStats } from './use-traffic-stats';

/** Requests per second this pod answered over the generator's last 10 simulated seconds (a pod's details). */
export function PodRequestRate({ client, pod }: { client: ClusterClient; /** `ns/name` */ pod: string }) {
  const stats = useTrafficStats(client);
  if (!stats?.buckets.length) return null;
  const rate = summarizeTraffic(stats.buckets, 10).podRates[pod];
  return (
    <div data-pod-request-rate="" className="grid grid-cols-[6.5rem_1fr] gap-2 border-b border-zinc-100 py-1 text-xs dark:border-zinc-800">
      <dt className="text-zinc-600 dark:text-zinc-400">받은 요청</dt>
      <dd className="font-mono">{rate ? `초당 ${rate}개 (최근 10초, 트래픽 보내기)` : '최근 10초 동안 받은 요청 없음'}</dd>
    </div>
  );
}
