'use client';

import { useEffect, useState } from 'react';
import type { ClusterClient } from '@/lib/cluster/types';
import type { SpotlightTarget } from '@/lib/scenarios/schema';
import { NO_SPOTLIGHT as EMPTY, spotlightTargets, type Spotlight } from '@/lib/scenarios/spotlight';

/** Live spotlight for the current step, recomputed when pods come and go. */
export function useSpotlight(client: ClusterClient | null, target: SpotlightTarget | undefined): Spotlight {
  const [spot, setSpot] = useState<Spotlight>(EMPTY);
  const targetKey = JSON.stringify(target ?? null);
  useEffect(() => {
    const t: SpotlightTarget | undefined = JSON.parse(targetKey) ?? undefined;
    if (!client || !t) return setSpot(EMPTY);
    const update = () =>
      setSpot((prev) => {
        const next = spotlightTargets(t, client.cached());
        return JSON.stringify(next) === JSON.stringify(prev) ? prev : next;
      });
    update();
    return client.subscribe((changes) => {
      if (changes.some((c) => c.kind === 'Pod' || c.kind === t.kind)) update();
    });
  }, [client, targetKey]);
  return spot;
}
