import { describe, expect, it } from 'vitest';
import type { CoreV1Event } from '@kubernetes/client-node';
import { createSimulator } from './index';
import type { SimWatchEvent } from './types';
import { deploymentManifest } from './testing';

const HANGUL = /[가-힣]/;

describe('events and causes', () => {
  it('every write carries a Korean cause naming its actor', () => {
    const sim = createSimulator({ seed: 61, timings: { podEvictionTimeout: 30_000 } });
    const seen: SimWatchEvent[] = [];
    sim.subscribe((b) => seen.push(...b));
    sim.create(deploymentManifest({ replicas: 3 }));
    sim.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } });
    sim.advance(10_000);
    sim.patch('Deployment', 'web', 'default', { spec: { template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.99' }] } } } }, 'strategic');
    sim.failNode('worker-1');
    sim.advance(120_000);
    const writes = seen.filter((e) => !(e.kind === 'Event' && e.type === 'DELETED'));
    expect(writes.length).toBeGreaterThan(50);
    for (const e of writes) {
      expect(e.cause, `${e.kind} ${e.type} ${e.object.metadata!.name}`).toBeDefined();
      expect(e.cause!.message).toMatch(HANGUL);
    }
    const actors = new Set(writes.map((e) => e.cause!.actor.split('/')[0]));
    for (const a of ['kubectl', 'deployment-controller', 'replicaset-controller', 'scheduler', 'kubelet', 'endpoints-controller', 'node-lifecycle-controller', 'taint-eviction-controller'])
      expect(actors, a).toContain(a);
    const rsCause = writes.find((e) => e.kind === 'Pod' && e.type === 'ADDED')!.cause!.message;
    expect(rsCause).toMatch(/^레플리카셋 web-\w+: 원하는 3개 중 0개만 있어 3개 생성$/);
  });

  it('records the real reasons and aggregates repeats', () => {
    const sim = createSimulator({ seed: 62 });
    sim.create(deploymentManifest({ replicas: 1, image: 'nginx:nope' }));
    sim.advance(120_000);
    const evs = sim.list('Event', 'default').items as CoreV1Event[];
    const reasons = new Set(evs.map((e) => e.reason));
    for (const r of ['ScalingReplicaSet', 'SuccessfulCreate', 'Scheduled', 'Pulling', 'Failed', 'BackOff']) expect(reasons).toContain(r);
    const pulling = evs.find((e) => e.reason === 'Pulling')!;
    expect(pulling.count).toBeGreaterThan(2);
    expect(pulling.firstTimestamp).not.toBe(pulling.lastTimestamp);
    expect(pulling.source).toEqual({ component: 'kubelet', host: expect.stringMatching(/^worker-/) });
    expect(pulling.involvedObject).toMatchObject({ kind: 'Pod', apiVersion: 'v1', fieldPath: 'spec.containers{nginx}' });
  });
});
