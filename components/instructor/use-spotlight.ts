'use client';

import { useEffect, useState } from 'react';
import type { ClusterClient } from '@/lib/cluster/types';
import type { KubeObject, V1Deployment, V1ReplicaSet, V1Service } from '@/lib/k8s/types';
import { labelSelectorObjectMatches, labelsMatch } from '@/lib/k8s/selectors';
import type { SpotlightTarget } from '@/lib/scenarios/schema';

export interface Spotlight {
  pods: string[];
  nodes: string[];
}

const EMPTY: Spotlight = { pods: [], nodes: [] };

/** Which pod tiles and node boxes a step's spotlight covers now. O(objects in the cache). */
export function spotlightTargets(target: SpotlightTarget | undefined, cache: ReadonlyMap<string, KubeObject>): Spotlight {
  if (!target) return EMPTY;
  if (target.kind === 'Node') return { pods: [], nodes: target.name ? [target.name] : [] };
  const owner = target.name ? cache.get(`${target.kind}/default/${target.name}`) : undefined;
  const selects = (labels: Record<string, string> | undefined): boolean => {
    if (target.labelSelector) return labelsMatch(target.labelSelector, labels);
    if (target.kind === 'Pod') return false;
    if (!owner) return false;
    if (target.kind === 'Service') {
      const sel = (owner as V1Service).spec?.selector;
      return !!sel && Object.entries(sel).every(([k, v]) => labels?.[k] === v);
    }
    return labelSelectorObjectMatches((owner as V1Deployment | V1ReplicaSet).spec?.selector, labels);
  };
  const pods: string[] = [];
  for (const [key, obj] of cache) {
    if (!key.startsWith('Pod/default/')) continue;
    const name = obj.metadata?.name ?? '';
    if ((target.kind === 'Pod' && target.name === name) || selects(obj.metadata?.labels)) pods.push(name);
  }
  return { pods: pods.sort(), nodes: [] };
}

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
