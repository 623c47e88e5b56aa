/** Pod status helpers shared by controllers (ready, active, available, resource requests). */
import type { V1Pod, V1PodCondition } from '../k8s/api-types';
import { parseCpuMillis, parseMemoryBytes } from '../k8s/quantity';

export function podCondition(pod: V1Pod, type: string): V1PodCondition | undefined {
  // an indexed loop: every controller asks this of every pod change; find() allocates a closure per call, and for…of
  // runs the iterator protocol while the code is still interpreted (a cold process)
  const conditions = pod.status?.conditions;
  if (conditions) for (let i = 0; i < conditions.length; i++) if (conditions[i].type === type) return conditions[i];
  return undefined;
}

export function isPodReady(pod: V1Pod): boolean {
  return podCondition(pod, 'Ready')?.status === 'True';
}

/** Not terminating and not finished: counts toward a ReplicaSet's replicas. */
export function isPodActive(pod: V1Pod): boolean {
  const phase = pod.status?.phase;
  return !pod.metadata?.deletionTimestamp && phase !== 'Succeeded' && phase !== 'Failed';
}

/** Ready for at least minReadySeconds. */
export function isPodAvailable(pod: V1Pod, minReadySeconds: number, now: number): boolean {
  const c = podCondition(pod, 'Ready');
  if (c?.status !== 'True') return false;
  if (minReadySeconds <= 0) return true;
  return Date.parse(String(c.lastTransitionTime)) + minReadySeconds * 1000 <= now;
}

export interface PodRequests {
  cpu: number; // millicores
  memory: number; // bytes
}

const requestCache = new WeakMap<object, PodRequests>();
const NO_REQUESTS: PodRequests = Object.freeze({ cpu: 0, memory: 0 });

/**
 * Sum of container requests (limits stand in for missing requests, as the API defaults them). Cached per containers
 * array: binding gives a pod a new spec object but keeps its containers, which every pod of a set shares.
 */
export function podRequests(pod: V1Pod): PodRequests {
  const containers = pod.spec!.containers;
  if (!containers) return NO_REQUESTS;
  const hit = requestCache.get(containers);
  if (hit) return hit;
  let cpu = 0;
  let memory = 0;
  for (const c of containers) {
    const r = c.resources?.requests ?? {};
    const l = c.resources?.limits ?? {};
    cpu += parseCpuMillis(r.cpu ?? l.cpu);
    memory += parseMemoryBytes(r.memory ?? l.memory);
  }
  const out = { cpu, memory };
  requestCache.set(containers, out);
  return out;
}

/** The controller owner reference, if any. A loop, not find(): three controllers ask on every pod change. */
export function controllerRef(obj: { metadata?: { ownerReferences?: { controller?: boolean; kind: string; name: string; uid: string }[] } }) {
  const refs = obj.metadata?.ownerReferences;
  if (refs) for (let i = 0; i < refs.length; i++) if (refs[i].controller) return refs[i];
  return undefined;
}
