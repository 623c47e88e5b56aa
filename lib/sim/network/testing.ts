/** A small cluster with a web Deployment, its Service and client pods, for the network's tests and benches. */
import type { V1Pod, V1Service } from '../../k8s/api-types';
import type { KubeObject } from '../../k8s/types';
import { createSimulator } from '../simulator';
import { deploymentManifest } from '../testing';
import type { Simulator, Timings } from '../types';

export interface WebCluster {
  sim: Simulator;
  svc: () => V1Service;
  /** names of the web pods, sorted */
  webPods: () => V1Pod[];
  /** runs a command in a pod (stdout + stderr, exit code) */
  sh: (pod: string, script: string) => { out: string; err: string; code: number };
}

export const clientPod = (name: string, image: string, nodeName?: string): KubeObject =>
  ({ apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { ...(nodeName ? { nodeName } : {}), containers: [{ name: 'c', image, command: ['sleep', '3600'] }] } }) as KubeObject;

export function webCluster(opts: { seed?: number; replicas?: number; image?: string; service?: Partial<V1Service['spec']>; containerPort?: { name: string; containerPort: number } } = {}): WebCluster {
  const sim = createSimulator({ seed: opts.seed ?? 7 });
  const d = deploymentManifest({ name: 'web', replicas: opts.replicas ?? 2, image: opts.image ?? 'nginx:1.27.3' }) as { spec: { template: { spec: { containers: { ports?: unknown[] }[] } } } };
  if (opts.containerPort) d.spec.template.spec.containers[0].ports = [opts.containerPort];
  sim.create(d as KubeObject);
  sim.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ name: 'http', port: 80 }], ...opts.service } } as KubeObject);
  sim.create(clientPod('client', 'busybox:1.37', 'worker-1'));
  sim.create(clientPod('curl', 'curlimages/curl:8.11.1', 'worker-2'));
  sim.advance(15_000);
  return {
    sim,
    svc: () => sim.get('Service', 'web') as V1Service,
    webPods: () => (sim.list('Pod', 'default', { labelSelector: 'app=web' }).items as V1Pod[]).sort((a, b) => (a.metadata!.name! < b.metadata!.name! ? -1 : 1)),
    sh: (pod, script) => {
      const r = sim.exec(pod, 'default', undefined, ['sh', '-c', script]);
      return { out: r.stdout, err: r.stderr, code: r.exitCode };
    },
  };
}

/**
 * The zero-downtime setup: Deployment `hello` (3 × kubelab/hello:1.0 on :8080, maxSurge 1, maxUnavailable 0), with
 * or without an HTTP readiness probe, Service `hello` (80 → 8080) and a client pod, settled for 30 s.
 */
export function helloCluster(withReadinessProbe: boolean, seed = 42, opts: { preStop?: boolean; timings?: Partial<Timings> } = {}): Simulator {
  const sim = createSimulator({ seed, timings: opts.timings });
  const d = deploymentManifest({ name: 'hello', replicas: 3, image: 'kubelab/hello:1.0', maxSurge: 1, maxUnavailable: 0 }) as { spec: { template: { spec: { containers: Record<string, unknown>[] } } } };
  const c = d.spec.template.spec.containers[0];
  c.ports = [{ containerPort: 8080 }];
  if (withReadinessProbe) c.readinessProbe = { httpGet: { path: '/ready', port: 8080 }, periodSeconds: 1 };
  if (opts.preStop) c.lifecycle = { preStop: { sleep: { seconds: 5 } } };
  sim.create(d as KubeObject);
  sim.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'hello' }, spec: { selector: { app: 'hello' }, ports: [{ port: 80, targetPort: 8080 }] } } as KubeObject);
  sim.create(clientPod('client', 'busybox:1.37'));
  sim.advance(30_000);
  return sim;
}

/** Starts the rolling update of `hello` to the version whose app listens only ~20 s after it starts. */
export const rollOutSlowHello = (sim: Simulator) => sim.patch('Deployment', 'hello', 'default', { spec: { template: { spec: { containers: [{ name: 'nginx', image: 'kubelab/hello:2.0-slow' }] } } } }, 'strategic');

/**
 * The benches' cluster: 3 workers, Deployment `web` (10 × nginx, optionally with a readiness probe) behind Service
 * `web`, and a client pod, settled for 30 s.
 */
export function tenWebPods(opts: { readinessProbe?: boolean; seed?: number; timings?: Partial<Timings> } = {}): Simulator {
  const sim = createSimulator({ seed: opts.seed ?? 11, cluster: { workers: 3 }, timings: opts.timings });
  const probe = opts.readinessProbe ? { readinessProbe: { httpGet: { path: '/', port: 80 }, periodSeconds: 5 } } : {};
  sim.create({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { replicas: 10, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27.3', ...probe }] } } } } as KubeObject);
  sim.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } } as KubeObject);
  sim.create(clientPod('client', 'busybox:1.37'));
  sim.advance(30_000);
  return sim;
}
