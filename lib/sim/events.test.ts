import { describe, expect, it } from 'vitest';
import type { CoreV1Event } from '../k8s/api-types';
import type { KubeObject } from '../k8s/types';
import { createSimulator } from './index';
import type { SimWatchEvent } from './types';
import { deploymentManifest } from './testing';
import { Engine } from './engine';
import { DEFAULT_TIMINGS } from './timings';

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

  it('combines similar events and rate-limits each object like client-go', () => {
    const sim = createSimulator({ seed: 63, cluster: { workers: 3, workerCapacity: { cpu: '16', memory: '32Gi' } } });
    sim.create({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'big' },
      spec: { replicas: 60, selector: { matchLabels: { app: 'big' } }, template: { metadata: { labels: { app: 'big' } }, spec: { containers: [{ name: 'c', image: 'nginx:1.25' }] } } },
    });
    sim.advance(10_000);
    const evs = sim.list('Event', 'default', { fieldSelector: 'involvedObject.name=big' }).items as CoreV1Event[];
    const combined = evs.filter((e) => e.message!.startsWith('(combined from similar events): Created pod: big-'));
    expect(evs.filter((e) => !e.message!.startsWith('(combined')).length).toBe(10);
    expect(combined).toHaveLength(1);
    // 25 emissions in the burst: 10 single events + 15 updates of the combined one; the rest are dropped
    expect(combined[0].count).toBe(15);
    sim.advance(300_000);
    sim.patch('ReplicaSet', 'big', 'default', { spec: { replicas: 59 } }, 'merge');
    sim.advance(1_000);
    const after = sim.list('Event', 'default', { fieldSelector: 'involvedObject.name=big,reason=SuccessfulDelete' }).items;
    expect(after).toHaveLength(1); // one token refilled after 5 minutes
  });
});

describe('event aggregation across a restore and after the window', () => {
  // client-go tools/record/events_cache.go: EventAggregator combines an object's events of one source, type and reason
  // once 10 distinct messages arrived within 10 minutes (maxIntervalInSeconds 600); a later burst starts a new window.
  // The recorder keeps its counters outside snapshots and rebuilds them from the stored Events on restore.
  const rs = (replicas: number): KubeObject => ({
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: 'agg' },
    spec: { replicas, selector: { matchLabels: { app: 'agg' } }, template: { metadata: { labels: { app: 'agg' } }, spec: { containers: [{ name: 'c', image: 'nginx:1.25' }] } } },
  });
  const created = (sim: ReturnType<typeof createSimulator>) =>
    (sim.list('Event', 'default', { fieldSelector: 'involvedObject.name=agg,reason=SuccessfulCreate' }).items as CoreV1Event[]).map((e) => [e.message!.startsWith('(combined') ? 'combined' : 'single', e.count]);

  it('a restored simulator combines and filters exactly as the original, in the window and after it', () => {
    const a = createSimulator({ seed: 64, cluster: { workers: 3, workerCapacity: { cpu: '16', memory: '32Gi' } } });
    a.create(rs(12));
    a.advance(5_000);
    // 12 distinct "Created pod: …" messages: 10 single events, then the combined one (count 2)
    expect(created(a)).toEqual([...Array(10).fill(['single', 1]), ['combined', 2]]);
    const b = createSimulator({ seed: 1 });
    b.restore(a.snapshot());
    for (const sim of [a, b]) {
      // still in the window: the next pods update the combined event
      sim.patch('ReplicaSet', 'agg', 'default', { spec: { replicas: 15 } }, 'merge');
      sim.advance(5_000);
    }
    expect(created(b)).toEqual(created(a));
    expect(created(a).at(-1)).toEqual(['combined', 5]);
    for (const sim of [a, b]) {
      // past 10 minutes: the counters start over, so new pods get single events again (the spam filter has refilled)
      sim.advance(11 * 60_000);
      sim.patch('ReplicaSet', 'agg', 'default', { spec: { replicas: 18 } }, 'merge');
      sim.advance(5_000);
    }
    expect(created(b)).toEqual(created(a));
    expect(created(a).filter(([kind]) => kind === 'single')).toHaveLength(13);
    const all = (sim: ReturnType<typeof createSimulator>) => (sim.list('Event').items as CoreV1Event[]).map((e) => [e.metadata!.name, e.message, e.count, e.lastTimestamp]);
    expect(all(b)).toEqual(all(a));
  });
});

describe('event recorder state of deleted pods', () => {
  // The recorder keeps per-object dedupe state (client-go's EventCorrelator keeps it in an LRU cache keyed by the
  // event's fields); the simulator drops a pod's as the pod goes, so thousands of deleted pods do not keep it alive.
  it('forgets a pod’s dedupe state when the pod is removed, and keeps its Events', () => {
    const e = new Engine(1, Date.parse('2024-01-01T00:00:00Z'), DEFAULT_TIMINGS);
    const pod = e.createObject<KubeObject>('Pod', { metadata: { name: 'p', namespace: 'default' }, spec: { containers: [] } } as KubeObject);
    const involved = { kind: 'Pod' as const, name: 'p', namespace: 'default', uid: pod.metadata!.uid };
    const cause = { actor: 'kubelet', message: '테스트', hop: 'kubelet' as const };
    e.recordEvent(involved, 'Normal', 'Pulling', 'Pulling image "nginx"', 'kubelet', cause, 'worker-1');
    e.recordEvent(involved, 'Normal', 'Pulling', 'Pulling image "nginx"', 'kubelet', cause, 'worker-1');
    const events = () => [...e.store.values('Event')] as CoreV1Event[];
    expect(events().map((ev) => ev.count)).toEqual([2]);
    e.removeObject('Pod', 'p', 'default');
    expect(events().map((ev) => ev.count)).toEqual([2]);
    // the same event again finds no state to bump: proof the state is gone (no live component records for a removed pod)
    e.recordEvent(involved, 'Normal', 'Pulling', 'Pulling image "nginx"', 'kubelet', cause, 'worker-1');
    expect(events().map((ev) => ev.count)).toEqual([2, 1]);
  });
});

describe('event dedupe for objects with many messages', () => {
  // client-go tools/record/events_cache.go eventLogger.eventObserve: an event whose key (source, involved object, type,
  // reason, message …) matches one already recorded updates that Event's count and lastTimestamp instead of creating
  // another. The recorder keeps an object's first few (reason, message) pairs in a flat list and moves them to Maps
  // past eight, so both forms must find every earlier message.
  it('bumps the count of any earlier message, before and after the object has more than eight', () => {
    const e = new Engine(1, Date.parse('2024-01-01T00:00:00Z'), DEFAULT_TIMINGS);
    const d = e.createObject<KubeObject>('Deployment', { metadata: { name: 'web', namespace: 'default' }, spec: {} } as KubeObject);
    const involved = { kind: 'Deployment' as const, name: 'web', namespace: 'default', uid: d.metadata!.uid };
    const cause = { actor: 'deployment-controller', message: '테스트', hop: 'controller' as const };
    // two sources and two reasons, 12 distinct messages in all (under the aggregator's 10 per source, type and reason)
    const say = (reason: string, i: number, component = 'deployment-controller') =>
      e.recordEvent(involved, 'Normal', reason, `Scaled up replica set web-1 to ${i}`, component, cause);
    for (let i = 1; i <= 6; i++) say('ScalingReplicaSet', i);
    for (let i = 1; i <= 6; i++) say('Other', i, 'someone-else');
    const counts = () => Object.fromEntries(([...e.store.values('Event')] as CoreV1Event[]).map((ev) => [`${ev.reason} ${ev.message}`, ev.count]));
    expect(Object.values(counts())).toEqual(Array(12).fill(1));
    // repeats of the first (kept flat) and last (kept in a Map) messages of each reason
    for (const i of [1, 6]) {
      say('ScalingReplicaSet', i);
      say('Other', i, 'someone-else');
    }
    const after = counts();
    expect(Object.keys(after)).toHaveLength(12);
    for (const i of [1, 6]) {
      expect(after[`ScalingReplicaSet Scaled up replica set web-1 to ${i}`]).toBe(2);
      expect(after[`Other Scaled up replica set web-1 to ${i}`]).toBe(2);
    }
    expect(after['ScalingReplicaSet Scaled up replica set web-1 to 3']).toBe(1);
  });
});
