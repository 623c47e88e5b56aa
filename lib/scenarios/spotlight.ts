/**
 * Which pod tiles and node boxes a scenario step's spotlight covers: a Node by name, pods by name or selector, or
 * the pods a Deployment/ReplicaSet/Service selects. Pure; O(objects in the cache).
 */
import type { KubeObject, V1Deployment, V1ReplicaSet, V1Service } from '../k8s/types';
import { labelSelectorObjectMatches, labelsMatch } from '../k8s/selectors';
import type { SpotlightTarget } from './schema';

export interface Spotlight {
  pods: string[];
  nodes: string[];
}

export const NO_SPOTLIGHT: Spotlight = { pods: [], nodes: [] };

/** Pods and nodes to outline for `target` in the current cache. */
export function spotlightTargets(target: SpotlightTarget | undefined, cache: ReadonlyMap<string, KubeObject>): Spotlight {
  if (!target) return NO_SPOTLIGHT;
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

