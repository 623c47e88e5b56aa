/**
 * Why preStop exists, on a fixed seed: when a pod is deleted the kubelet starts stopping it at the same moment the
 * EndpointSlice controller marks its endpoint terminating (not ready), but each node's kube-proxy rewrites its rules
 * only on its next sync (pkg/proxy/iptables/proxier.go: a BoundedFrequencyRunner limited by minSyncPeriod, 1 s by
 * default). A server that closes its socket on SIGTERM refuses the connections routed to it in that gap; a
 * `preStop: sleep 5` holds SIGTERM back until the rules have caught up
 * (https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-termination: the endpoint removal happens
 * "at the same time" as the kubelet's graceful shutdown; preStop runs before the TERM signal).
 */
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../k8s/types';
import { createSimulator } from '../simulator';
import { deploymentManifest, rolloutComplete } from '../testing';
import { clientPod } from './testing';

type Container = Record<string, unknown>;

function rolloutUnderTraffic(preStop: boolean): { failed: number; sent: number; refusedBy: Set<string> } {
  const sim = createSimulator({ seed: 42 });
  const d = deploymentManifest({ name: 'hello', replicas: 3, image: 'kubelab/hello:1.0', maxSurge: 1, maxUnavailable: 0 }) as { spec: { template: { spec: { terminationGracePeriodSeconds?: number; containers: Container[] } } } };
  const c = d.spec.template.spec.containers[0];
  c.ports = [{ containerPort: 8080 }];
  c.readinessProbe = { httpGet: { path: '/ready', port: 8080 }, periodSeconds: 1 };
  if (preStop) {
    c.lifecycle = { preStop: { exec: { command: ['sleep', '5'] } } };
    d.spec.template.spec.terminationGracePeriodSeconds = 15;
  }
  sim.create(d as KubeObject);
  sim.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'hello' }, spec: { selector: { app: 'hello' }, ports: [{ port: 80, targetPort: 8080 }] } } as KubeObject);
  sim.create(clientPod('client', 'busybox:1.37'));
  sim.advance(30_000);
  const oldPods = new Set(sim.list('Pod', 'default', { labelSelector: 'app=hello' }).items.map((p) => p.metadata!.name!));
  sim.patch('Deployment', 'hello', 'default', { spec: { template: { spec: { containers: [{ name: 'nginx', image: 'kubelab/hello:2.0-slow' }] } } } }, 'strategic');
  let sent = 0;
  let failed = 0;
  const refusedBy = new Set<string>();
  // 10 requests a second until the rollout is done and the last old pod is gone
  for (let t = 0; t < 180_000 && !(t > 5_000 && rolloutComplete(sim, 'hello') && sim.list('Pod', 'default', { labelSelector: 'app=hello' }).items.length === 3); t += 100) {
    sim.advance(100);
    sent++;
    const r = sim.sendRequest({ from: { pod: 'client' }, url: 'http://hello/' });
    if (!r.ok) failed++;
    if (r.refusedBy) refusedBy.add(r.refusedBy);
  }
  expect(rolloutComplete(sim, 'hello')).toBe(true);
  for (const pod of refusedBy) expect(oldPods.has(pod)).toBe(true); // only pods being stopped refuse: the probe kept new ones out
  return { failed, sent, refusedBy };
}

describe('rolling update under traffic: readiness probe with and without preStop', () => {
  it('without preStop, requests kube-proxy still routes to a pod that got SIGTERM are refused', () => {
    const r = rolloutUnderTraffic(false);
    expect(r.failed).toBeGreaterThan(0);
    expect(r.refusedBy.size).toBeGreaterThan(0);
  });

  it('with preStop sleep 5 (grace 15 s) the app listens until kube-proxy has caught up: nothing fails', () => {
    const r = rolloutUnderTraffic(true);
    expect(r.failed).toBe(0);
    expect(r.sent).toBeGreaterThan(150); // the rollout ran > 15 s under traffic
  });
});
