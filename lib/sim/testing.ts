/**
 * Small builders for tests, lessons and benches: a Deployment/pod manifest and polling helpers that
 * advance simulated time (never real time).
 */
import type { V1Deployment, V1Pod, V1ReplicaSet } from '../k8s/api-types';
import { isStatusError, type KubeObject, type StatusBody } from '../k8s/types';
import type { Simulator } from './types';

export interface DeploymentSpecInput {
  name?: string;
  namespace?: string;
  replicas?: number;
  image?: string;
  labels?: Record<string, string>;
  maxSurge?: number | string;
  maxUnavailable?: number | string;
  strategy?: 'RollingUpdate' | 'Recreate';
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  extra?: Partial<NonNullable<V1Deployment['spec']>>;
}

/** A Deployment manifest like the ones in the lessons (nginx by default). */
export function deploymentManifest(o: DeploymentSpecInput = {}): KubeObject {
  const name = o.name ?? 'web';
  const labels = o.labels ?? { app: name };
  const rolling = o.maxSurge !== undefined || o.maxUnavailable !== undefined;
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, ...(o.namespace ? { namespace: o.namespace } : {}) },
    spec: {
      replicas: o.replicas ?? 3,
      selector: { matchLabels: labels },
      ...(o.strategy === 'Recreate'
        ? { strategy: { type: 'Recreate' } }
        : rolling
          ? { strategy: { type: 'RollingUpdate', rollingUpdate: { ...(o.maxSurge !== undefined ? { maxSurge: o.maxSurge } : {}), ...(o.maxUnavailable !== undefined ? { maxUnavailable: o.maxUnavailable } : {}) } } }
          : {}),
      template: {
        metadata: { labels },
        spec: { containers: [{ name: 'nginx', image: o.image ?? 'nginx:1.25', ...(o.resources ? { resources: o.resources } : {}) }] },
      },
      ...(o.extra ?? {}),
    },
  } as V1Deployment;
}

export function podsOf(sim: Simulator, namespace = 'default', labelSelector?: string): V1Pod[] {
  return sim.list('Pod', namespace, labelSelector ? { labelSelector } : undefined).items as V1Pod[];
}

export function replicaSetsOf(sim: Simulator, namespace = 'default'): V1ReplicaSet[] {
  return sim.list('ReplicaSet', namespace).items as V1ReplicaSet[];
}

export const isReady = (p: V1Pod) => p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;

/** Advances in steps until `done()` or the simulated limit; returns the simulated ms it took. */
export function advanceUntil(sim: Simulator, done: () => boolean, opts: { step?: number; limit?: number; each?: () => void } = {}): number {
  const step = opts.step ?? 500;
  const limit = opts.limit ?? 15 * 60_000;
  let t = 0;
  while (!done()) {
    if (t >= limit) throw new Error(`condition not reached within ${limit} ms of simulated time`);
    sim.advance(step);
    t += step;
    opts.each?.();
  }
  return t;
}

/** True when the deployment's rollout is complete (what `kubectl rollout status` waits for). */
export function rolloutComplete(sim: Simulator, name: string, namespace = 'default'): boolean {
  const d = sim.get('Deployment', name, namespace) as V1Deployment;
  const s = d.status ?? {};
  const want = d.spec?.replicas ?? 1;
  return (s.observedGeneration ?? 0) >= (d.metadata?.generation ?? 0) && (s.updatedReplicas ?? 0) === want && (s.replicas ?? 0) === want && (s.availableReplicas ?? 0) === want;
}

/** The Status a call fails with; throws when it succeeds or fails with anything but a StatusError. */
export function failureStatus(fn: () => unknown): StatusBody {
  try {
    fn();
  } catch (e) {
    if (isStatusError(e)) return e.status;
    throw e;
  }
  throw new Error('expected the call to fail');
}
