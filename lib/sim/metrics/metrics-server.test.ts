/**
 * metrics.k8s.io from the application model. Sources:
 * - sigs.k8s.io/metrics-server pkg/storage/pod.go (a fresh container is served once a scrape lands ≥ 10 s after its
 *   start, window = scrape − start; otherwise two scrapes 15 s apart), node.go (two points), types.go resourceUsage
 *   (CPU in nanocores DecimalSI, memory BinarySI bytes), pkg/api/pod.go Get (NotFound `podmetrics.metrics.k8s.io "ns/name"`)
 * - CPU limits are a CFS quota: https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/#how-pods-with-resource-limits-are-run
 * - k8s.io/apimachinery pkg/api/resource quantity.go: canonical form (largest exact suffix: 500000000n → 500m)
 */
import { describe, expect, it } from 'vitest';
import type { V1Container, V1Pod } from '../../k8s/api-types';
import type { KubeObject } from '../../k8s/types';
import { isStatusError } from '../../k8s/types';
import { createSimulator } from '../index';
import type { Simulator } from '../types';
import { goDuration, nanocoresQuantity, NODE_SYSTEM_MEMORY_BYTES } from './metrics-server';
import { stressWorkers } from './cpu';
import { parseMemoryBytes } from '../../k8s/quantity';

const pod = (name: string, container: Partial<V1Container>, nodeName?: string): KubeObject =>
  ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, labels: { app: name } }, spec: { ...(nodeName ? { nodeName } : {}), containers: [{ name: 'app', image: 'nginx:1.25', ...container }] } }) as V1Pod;
const startedAt = (sim: Simulator, name: string) => Date.parse(String((sim.get('Pod', name) as V1Pod).status!.containerStatuses![0].state!.running!.startedAt));
const MiB = 2 ** 20;

/** Advance to `ms` after the next multiple of 15 s. */
function toScrape(sim: Simulator, after = 0): number {
  const next = Math.ceil((sim.now() + 1) / 15_000) * 15_000;
  sim.advance(next + after - sim.now());
  return next;
}

function running(sim: Simulator, name: string): void {
  for (let i = 0; i < 100 && !(sim.get('Pod', name) as V1Pod).status?.containerStatuses?.[0]?.state?.running; i++) sim.advance(500);
}

describe('metrics-server timing', () => {
  it('a fresh pod has no metrics until a scrape lands at least 10 s after its container started', () => {
    const sim = createSimulator({ seed: 3 });
    sim.create(pod('web', {}));
    running(sim, 'web');
    const start = startedAt(sim, 'web');
    expect(sim.metrics.listPods('default')).toEqual([]);
    expect(() => sim.metrics.getPod('web', 'default')).toThrow('podmetrics.metrics.k8s.io "default/web" not found');
    // the first scrape at or after start + 10 s serves it
    const first = Math.ceil((start + 10_000) / 15_000) * 15_000;
    sim.advance(first - 1 - sim.now());
    expect(sim.metrics.listPods('default')).toEqual([]);
    sim.advance(1);
    const m = sim.metrics.getPod('web', 'default');
    expect(m.timestamp).toBe(new Date(first).toISOString().replace('.000Z', 'Z'));
    expect(m.window).toBe(goDuration(Math.min(first - start, 15_000)));
    expect(m.metadata).toMatchObject({ name: 'web', namespace: 'default', labels: { app: 'web' } });
    // nginx idles: about a millicore, and its resident memory (3.5 MiB in the model, whole 4 KiB pages)
    expect(m.containers).toEqual([{ name: 'app', usage: { cpu: expect.stringMatching(/^\d+n$/), memory: '3584Ki' } }]);
    // afterwards the window is the full resolution
    toScrape(sim);
    expect(sim.metrics.getPod('web', 'default').window).toBe('15s');
  });

  it('a pod that does not exist is NotFound as a pod, not as metrics', () => {
    const sim = createSimulator({ seed: 3 });
    try {
      sim.metrics.getPod('nope', 'default');
      expect.unreachable();
    } catch (e) {
      expect(isStatusError(e) && e.status.message).toBe('pods "nope" not found');
    }
  });
});

describe('CPU from the application model', () => {
  it('reads stress workers the ways stress accepts them', () => {
    expect(stressWorkers(['stress', '--cpu', '2'])).toEqual({ cpu: 2 });
    expect(stressWorkers(['stress', '-c', '1', '--vm=2', '--io', '1'])).toEqual({ cpu: 1, vm: 2, io: 1 });
  });

  it('stress --cpu 2 under a 500m limit is throttled to 500m; without a limit it uses both cores', () => {
    const sim = createSimulator({ seed: 4 });
    sim.create(pod('capped', { image: 'polinux/stress', command: ['stress'], args: ['--cpu', '2'], resources: { limits: { cpu: '500m' } } }));
    sim.create(pod('free', { image: 'polinux/stress', command: ['stress'], args: ['--cpu', '2'] }));
    running(sim, 'capped');
    running(sim, 'free');
    toScrape(sim);
    toScrape(sim);
    expect(sim.metrics.getPod('capped', 'default').containers[0].usage.cpu).toBe('500m');
    expect(sim.metrics.getPod('free', 'default').containers[0].usage.cpu).toBe('2');
  });

  it('a sleeping shell uses no CPU', () => {
    const sim = createSimulator({ seed: 5 });
    sim.create(pod('sleeper', { image: 'busybox', command: ['sleep', '3600'] }));
    running(sim, 'sleeper');
    toScrape(sim);
    toScrape(sim);
    expect(sim.metrics.getPod('sleeper', 'default').containers[0].usage.cpu).toBe('0');
  });
});

describe('memory from the application model', () => {
  it('kubelab/leaky climbs at every scrape until the OOM kill, then starts again from its idle size', () => {
    const sim = createSimulator({ seed: 6 });
    sim.create(pod('leaky', { image: 'kubelab/leaky:1.0', resources: { limits: { memory: '128Mi' } } }));
    running(sim, 'leaky');
    const seen: number[] = [];
    for (let i = 0; i < 3; i++) {
      toScrape(sim);
      const m = sim.metrics.listPods('default')[0];
      if (m) seen.push(parseMemoryBytes(m.containers[0].usage.memory) / MiB);
    }
    expect(seen.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThan(seen[i - 1]);
    expect(Math.max(...seen)).toBeLessThanOrEqual(128);
    // killed at 128 MiB ((128 − 8) / 4 MiB/s = 30 s in); the restarted instance is small again
    for (let i = 0; i < 20 && !(sim.get('Pod', 'leaky') as V1Pod).status!.containerStatuses![0].lastState?.terminated; i++) sim.advance(1_000);
    expect((sim.get('Pod', 'leaky') as V1Pod).status!.containerStatuses![0].lastState!.terminated!.reason).toBe('OOMKilled');
    sim.advance(1_000);
    running(sim, 'leaky'); // after its restart back-off
    sim.advance(25_000);
    const after = sim.metrics.getPod('leaky', 'default').containers[0].usage.memory;
    expect(parseMemoryBytes(after) / MiB).toBeLessThan(128);
  });
});

describe('node metrics', () => {
  it('a node uses its pods plus its own processes; a node whose kubelet is down has none', () => {
    const sim = createSimulator({ seed: 7, cluster: { systemPods: false } });
    sim.create(pod('hog', { image: 'polinux/stress', command: ['stress'], args: ['--vm', '1', '--vm-bytes', '100M', '--vm-hang', '1'] }, 'worker-1'));
    running(sim, 'hog');
    toScrape(sim);
    const nodes = sim.metrics.listNodes();
    expect(nodes.map((n) => n.metadata.name)).toEqual(['control-plane', 'worker-1', 'worker-2']);
    const mem = (n: string) => parseMemoryBytes(nodes.find((x) => x.metadata.name === n)!.usage.memory);
    expect(mem('worker-2')).toBe(NODE_SYSTEM_MEMORY_BYTES);
    // stress's idle 1 MiB + its 100 MiB
    expect(mem('worker-1') - NODE_SYSTEM_MEMORY_BYTES).toBe(101 * MiB);
    expect(nodes[0].window).toBe('15s');
    sim.failNode('worker-1');
    toScrape(sim);
    expect(sim.metrics.listNodes().map((n) => n.metadata.name)).toEqual(['control-plane', 'worker-2']);
    expect(sim.metrics.listPods('default')).toEqual([]);
    expect(sim.metrics.listNodes({ labelSelector: 'node-role.kubernetes.io/control-plane' }).map((n) => n.metadata.name)).toEqual(['control-plane']);
  });
});

describe('quantities as metrics-server serialises them', () => {
  it('nanocores in canonical DecimalSI form', () => {
    expect(nanocoresQuantity(0)).toBe('0');
    expect(nanocoresQuantity(1_234_567)).toBe('1234567n');
    expect(nanocoresQuantity(500_000_000)).toBe('500m');
    expect(nanocoresQuantity(2_000_000_000)).toBe('2');
    expect(nanocoresQuantity(1_500)).toBe('1500n');
    expect(nanocoresQuantity(2_000)).toBe('2u');
  });
  it('durations as Go prints them', () => {
    expect(goDuration(15_000)).toBe('15s');
    expect(goDuration(12_500)).toBe('12.5s');
  });
});
