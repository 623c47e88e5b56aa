'use client';

import { useCallback, useSyncExternalStore } from 'react';
import type { ClusterClient } from '@/lib/cluster/types';
import type { TrafficStats } from '@/lib/sim/types';
import { trafficFeed } from '@/lib/cluster/traffic-feed';

export { trafficFeed };

/** The load generator's latest stats (null until the first answer, or where the client has no generator). */
export function useTrafficStats(client: ClusterClient | null): TrafficStats | null {
  const subscribe = useCallback((cb: () => void) => (client?.traffic ? trafficFeed(client).subscribe(cb) : () => {}), [client]);
  return useSyncExternalStore(subscribe, () => (client?.traffic ? trafficFeed(client).get() : null), () => null);
}
