import v8 from 'node:v8';
import { describe, expect, it } from 'vitest';
import type { V1Pod } from '../k8s/api-types';
import type { KubeObject } from '../k8s/types';
import { createSimulator } from './index';
import { withFields } from './json';
import { deploymentManifest } from './testing';

// V8's own answer to "do these two objects share a hidden class" (test-only: the engine runs without V8 flags)
v8.setFlagsFromString('--allow-natives-syntax');
const sameMap = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (a: object, b: object) => boolean;

describe('withFields', () => {
  it('gives the keys, order and values of the spread it replaces', () => {
    const base = { phase: 'Pending', qosClass: 'BestEffort', conditions: [] as string[] };
    const fields = { hostIP: '10.0.0.1', phase: 'Running', podIP: undefined };
    const got = withFields(base, fields);
    expect(Object.keys(got)).toEqual(Object.keys({ ...base, ...fields }));
    expect(Object.entries(got)).toEqual(Object.entries({ ...base, ...fields }));
    expect(got).not.toBe(base);
    expect(Object.keys(base)).toEqual(['phase', 'qosClass', 'conditions']);
    expect(withFields(undefined, { a: 1 })).toEqual({ a: 1 });
  });

  it('copies an own __proto__ key as a key and never makes it the prototype', () => {
    const base = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as Record<string, unknown>;
    const got = withFields(base, { b: 2 }) as Record<string, unknown>;
    expect(Object.getPrototypeOf(got)).toBe(Object.prototype);
    expect(Object.keys(got)).toEqual(['__proto__', 'a', 'b']);
    expect(got.polluted).toBeUndefined();
  });

  it('gives results with one key order one hidden class, also when it adds a key the base lacks', () => {
    const base = { a: 1, b: 2, c: 3 };
    const made = Array.from({ length: 50 }, (_, i) => withFields(base, { added: `v${i}` }));
    for (const o of made) expect(sameMap(o, made[0])).toBe(true);
  });
});

describe('pod shapes', () => {
  it('bound pods share one hidden class for spec and one for status (not one per pod)', () => {
    const sim = createSimulator({ seed: 5 });
    sim.create(deploymentManifest({ replicas: 40 }));
    sim.advance(30_000);
    // the engine's own stored objects (the public API returns copies, which would prove nothing)
    const store = (sim as unknown as { e: { store: { values(kind: string): Iterable<V1Pod> } } }).e.store;
    const pods = [...store.values('Pod')].filter((p) => p.metadata!.name!.startsWith('web-') && p.status?.podIP);
    expect(pods.length).toBe(40);
    const specMaps: object[] = [];
    const statusMaps: object[] = [];
    for (const p of pods) {
      if (!specMaps.some((s) => sameMap(s, p.spec!))) specMaps.push(p.spec!);
      if (!statusMaps.some((s) => sameMap(s, p.status!))) statusMaps.push(p.status!);
    }
    expect(specMaps.length).toBeLessThanOrEqual(2);
    expect(statusMaps.length).toBeLessThanOrEqual(2);
  });

  it('every Pod version a deploy and a rollout write shares one top-level hidden class (not one per writer and step)', () => {
    const sim = createSimulator({ seed: 8 });
    const tops: object[] = [];
    let versions = 0;
    // watch events carry the stored objects themselves (reads would return copies)
    sim.watch('Pod', { namespace: 'default' }, (ev) => {
      versions++;
      if (!tops.some((t) => sameMap(t, ev.object))) tops.push(ev.object);
    });
    sim.create(deploymentManifest({ replicas: 60 }));
    sim.advance(15_000);
    sim.patch('Deployment', 'web', 'default', { spec: { template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } } } }, 'strategic');
    sim.advance(60_000);
    // created, bound, each kubelet step, marked for deletion, removed: all kept as one literal in the API's field order
    expect(versions).toBeGreaterThan(500);
    expect(tops.length).toBe(1);
    expect(Object.keys(tops[0])).toEqual(['apiVersion', 'kind', 'metadata', 'spec', 'status']);
  });

  it('objects the engine creates share hidden classes: node metadata, daemon and static pod specs (not one each)', () => {
    const sim = createSimulator({ seed: 6, cluster: { workers: 30 } });
    const store = (sim as unknown as { e: { store: { values(kind: string): Iterable<KubeObject> } } }).e.store;
    const mapsOf = (objs: object[]) => {
      const reps: object[] = [];
      for (const o of objs) if (!reps.some((r) => sameMap(r, o))) reps.push(o);
      return reps.length;
    };
    const nodes = [...store.values('Node')];
    const systemPods = [...store.values('Pod')].filter((p) => p.metadata!.namespace === 'kube-system') as V1Pod[];
    expect(nodes.length).toBe(31);
    expect(systemPods.length).toBeGreaterThan(60);
    expect(mapsOf(nodes.map((n) => n.metadata!))).toBeLessThanOrEqual(2);
    expect(mapsOf(systemPods.map((p) => p.metadata!))).toBeLessThanOrEqual(3);
    expect(mapsOf(systemPods.map((p) => p.spec!))).toBeLessThanOrEqual(3);
  });
});
