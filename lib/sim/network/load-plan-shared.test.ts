/**
 * The load generator's plan for pods of one template (load-plan-shared.ts): one program start per distinct container,
 * not per pod, and every endpoint's outcome — its body size included — what a request to that pod gets.
 */
import { describe, expect, it, vi } from 'vitest';
import type { V1Pod } from '../../k8s/api-types';
import type { KubeObject } from '../../k8s/types';
import { createSimulator } from '../simulator';
import { runContainer } from '../apps/run-container';
import type { TrafficPlan } from './load-plan';
import { clientPod, tenWebPods } from './testing';

vi.mock('../apps/run-container', async (importOriginal) => {
  const m = await importOriginal<typeof import('../apps/run-container')>();
  return { ...m, runContainer: vi.fn(m.runContainer) };
});

const planOf = (snapshot: string) => (JSON.parse(snapshot) as { state: { traffic: { run: { plan: TrafficPlan } } } }).state.traffic.run.plan;

describe('the plan asks one program per template', () => {
  it('10 nginx pods of one Deployment: the plan starts the program once, and every pod gets a tenth', () => {
    const sim = tenWebPods({ seed: 21 });
    vi.mocked(runContainer).mockClear();
    sim.startTraffic({ target: 'svc/web', rate: 1000 });
    sim.advance(0);
    // before: a process per pod (10), each only to read its ports, readiness timing and answer
    expect(vi.mocked(runContainer).mock.calls.length).toBe(1);
    const plan = planOf(sim.snapshot());
    expect(plan.outcomes).toHaveLength(10);
    expect(new Set(plan.outcomes.map((o) => o.servedBy?.pod)).size).toBe(10);
    expect(plan.outcomes.every((o) => o.ok && o.status === 200)).toBe(true);
  });

  it('a body that carries the pod name and address: each endpoint’s size is its own, as a request to it reads', () => {
    const sim = createSimulator({ seed: 4 });
    const labels = { app: 'php' };
    // bare pods of one template, with names of different lengths (a Deployment's names all have one length)
    for (const [name, node] of [['a', 'worker-1'], ['php-hello-with-a-much-longer-name', 'worker-2']])
      sim.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name, labels }, spec: { nodeName: node, containers: [{ name: 'php', image: 'kubelab/php-hello:1.0' }] } } as KubeObject);
    sim.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'php' }, spec: { selector: labels, ports: [{ port: 8000 }] } } as KubeObject);
    sim.create(clientPod('client', 'busybox:1.37', 'worker-1'));
    sim.advance(20_000);
    sim.startTraffic({ target: 'svc/php', fromPod: 'client', rate: 10 });
    sim.advance(0);
    const plan = planOf(sim.snapshot());
    const client = sim.get('Pod', 'client', 'default') as V1Pod;
    const expected = ['a', 'php-hello-with-a-much-longer-name'].map((name) => {
      const pod = sim.get('Pod', name, 'default') as V1Pod;
      // kubelab/php-hello answers 'Hello from {pod} ({podIP})\n' (lib/sim/apps/proxy-chain-images.ts)
      return { pod: name, bytes: `Hello from ${name} (${pod.status!.podIP})\n`.length, latencyMs: pod.spec!.nodeName === 'worker-1' ? 1 : 2, client: client.status!.podIP };
    });
    const got = plan.outcomes.map((o) => ({ pod: o.servedBy!.pod, bytes: o.access!.bytes, latencyMs: o.latencyMs, client: o.access!.client })).sort((x, y) => x.pod.localeCompare(y.pod));
    expect(got).toEqual(expected);
    // and a real request to each pod answers with a body of exactly that size
    for (const { pod, bytes } of expected) {
      const ip = (sim.get('Pod', pod, 'default') as V1Pod).status!.podIP!;
      const r = sim.exec('client', 'default', undefined, ['wget', '-qO-', `http://${ip}:8000/`]);
      expect(r.stdout.length).toBe(bytes);
    }
  });
});
