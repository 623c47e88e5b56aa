/** Pod status helpers shared by controllers (ready, active, available, resource requests). */
import type { V1Pod, V1PodCondition } from '../k8s/api-types';
import { parseCpuMillis, parseMemoryBytes } from '../k8s/quantity';

export function podCondition(pod: V1Pod, type: string): V1PodCondition | undefined {
  return pod.status?.conditions?.find((c) => c.type === type);
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

/** Sum of container requests (limits stand in for missing requests, as the API defaults them). Cached per spec object. */
export function podRequests(pod: V1Pod): PodRequests {
  const spec = pod.spec!;
  const hit = requestCache.get(spec);
  if (hit) return hit;
  let cpu = 0;
  let memory = 0;
  for (const c of spec.containers ?? []) {
    const r = c.resources?.requests ?? {};
    const l = c.resources?.limits ?? {};
    cpu += parseCpuMillis(r.cpu ?? l.cpu);
    memory += parseMemoryBytes(r.memory ?? l.memory);
  }
  const out = { cpu, memory };
  requestCache.set(spec, out);
  return out;
}

/** The controller owner reference, if any. */
export function controllerRef(obj: { metadata?: { ownerReferences?: { controller?: boolean; kind: string; name: string; uid: string }[] } }) {
  return obj.metadata?.ownerReferences?.find((r) => r.controller);
}
