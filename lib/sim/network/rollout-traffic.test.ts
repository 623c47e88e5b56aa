/**
 * The zero-downtime lesson on a fixed seed: during a rolling update to a slow-starting version, a pod that is
 * Ready before its app listens receives traffic and refuses it; a readiness probe keeps it out of the endpoints
 * until the app answers (https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#container-probes:
 * "the endpoints controller removes the Pod's IP address from the endpoints of all Services that match the Pod"
 * while readiness fails). Pods being stopped refuse a few requests of their own while kube-proxy catches up
 * (rollout-prestop.test.ts): those are counted apart, as the readiness probe is not what fixes them.
 */
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../k8s/types';
import { createSimulator } from '../simulator';
import { deploymentManifest, rolloutComplete } from '../testing';
import { clientPod } from './testing';

function failedDuringRollout(withReadinessProbe: boolean): { failed: number; sent: number; refusedByNew: number } {
  const sim = createSimulator({ seed: 42 });
  const d = deploymentManifest({ name: 'hello', replicas: 3, image: 'kubelab/hello:1.0', maxSurge: 1, maxUnavailable: 0 }) as { spec: { template: { spec: { containers: Record<string, unknown>[] } } } };
  const c = d.spec.template.spec.containers[0];
  c.ports = [{ containerPort: 8080 }];
  if (withReadinessProbe) c.readinessProbe = { httpGet: { path: '/ready', port: 8080 }, periodSeconds: 1 };
  sim.create(d as KubeObject);
  sim.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'hello' }, spec: { selector: { app: 'hello' }, ports: [{ port: 80, targetPort: 8080 }] } } as KubeObject);
  sim.create(clientPod('client', 'busybox:1.37'));
  sim.advance(30_000);
  const oldPods = new Set(sim.list('Pod', 'default', { labelSelector: 'app=hello' }).items.map((p) => p.metadata!.name!));
  sim.patch('Deployment', 'hello', 'default', { spec: { template: { spec: { containers: [{ name: 'nginx', image: 'kubelab/hello:2.0-slow' }] } } } }, 'strategic');
  let sent = 0;
  let failed = 0;
  let refusedByNew = 0;
  for (let t = 0; t < 180_000 && !(t > 5_000 && rolloutComplete(sim, 'hello')); t += 250) {
    sim.advance(250);
    sent++;
    const r = sim.sendRequest({ from: { pod: 'client' }, url: 'http://hello/' });
    if (!r.ok) failed++;
    if (r.refusedBy && !oldPods.has(r.refusedBy)) refusedByNew++;
  }
  expect(rolloutComplete(sim, 'hello')).toBe(true);
  return { failed, sent, refusedByNew };
}

describe('rolling update under traffic', () => {
  it('without a readiness probe new pods refuse requests while they warm up; with one, no new pod refuses any', () => {
    const without = failedDuringRollout(false);
    const withProbe = failedDuringRollout(true);
    expect(without.refusedByNew).toBeGreaterThan(0);
    expect(withProbe.refusedByNew).toBe(0);
    expect(withProbe.sent).toBeGreaterThan(60); // the rollout took > 15 s of traffic: the probe waited for the app
  });
});
