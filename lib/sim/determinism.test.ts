import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { KubeObject } from '../k8s/types';
import { createSimulator } from './index';
import type { Simulator, SimWatchEvent } from './types';
import { deploymentManifest, podsOf } from './testing';

/** A scripted session touching most controllers. */
function session(sim: Simulator): void {
  sim.create(deploymentManifest({ replicas: 3 }));
  sim.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { type: 'NodePort', selector: { app: 'web' }, ports: [{ port: 80 }] } } as KubeObject);
  sim.advance(8_000);
  sim.patch('Deployment', 'web', 'default', { spec: { template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } } } }, 'strategic');
  sim.advance(4_000);
  sim.failNode('worker-2');
  sim.advance(50_000);
  sim.create(deploymentManifest({ name: 'bad', replicas: 2, image: 'nginx:nope' }));
  sim.advance(30_000);
  sim.recoverNode('worker-2');
  sim.advance(10_000);
}

describe('determinism', () => {
  it('gives byte-identical snapshots for the same seed and calls', () => {
    const a = createSimulator({ seed: 7 });
    const b = createSimulator({ seed: 7 });
    session(a);
    session(b);
    expect(a.snapshot()).toBe(b.snapshot());
    const c = createSimulator({ seed: 8 });
    session(c);
    expect(c.snapshot()).not.toBe(a.snapshot());
  });

  it('restores a snapshot and continues exactly like the original', () => {
    const a = createSimulator({ seed: 3 });
    session(a);
    const snap = a.snapshot();
    const b = createSimulator({ seed: 3 });
    b.restore(snap);
    expect(b.snapshot()).toBe(snap);
    for (const sim of [a, b]) {
      sim.patch('Deployment', 'web', 'default', { spec: { replicas: 6 } }, 'merge');
      sim.advance(20_000);
    }
    expect(b.snapshot()).toBe(a.snapshot());
    expect(() => b.restore('{nope')).toThrow('restore: the snapshot is not valid JSON');
  });

  it('tells subscribers about a restore', () => {
    const a = createSimulator({ seed: 3 });
    const snap = a.snapshot();
    a.create(deploymentManifest());
    const seen: SimWatchEvent[] = [];
    a.subscribe((b) => seen.push(...b));
    a.restore(snap);
    expect(seen.some((e) => e.type === 'DELETED' && e.kind === 'Deployment')).toBe(true);
    expect(() => a.get('Deployment', 'web')).toThrow();
  });
});

/** Calls that must fail; each returns nothing useful. */
const invalidCalls: ((sim: Simulator) => unknown)[] = [
  (s) => s.create(deploymentManifest({ name: 'Bad_Name' })),
  (s) => s.create(deploymentManifest({ maxSurge: 0, maxUnavailable: 0 })),
  (s) => s.create({ ...(deploymentManifest() as object), spec: { replica: 1 } } as KubeObject),
  (s) => s.create({ apiVersion: 'v1', kind: 'Nope', metadata: { name: 'x' } } as KubeObject),
  (s) => s.create(deploymentManifest({ namespace: 'ghost' })),
  (s) => s.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'x' }, spec: { type: 'NodePort', ports: [{ port: 80, nodePort: 1 }] } } as KubeObject),
  (s) => s.patch('Deployment', 'missing', 'default', { spec: { replicas: 2 } }, 'merge'),
  (s) => s.patch('Node', 'worker-1', undefined, [{ op: 'replace', path: '/spec/nothing/here', value: 1 }], 'json'),
  (s) => s.update({ ...(deploymentManifest({ name: 'ghost' }) as object) } as KubeObject),
  (s) => s.delete('Pod', 'ghost'),
  (s) => s.delete('Namespace', 'kube-system'),
  (s) => s.list('Pod', 'default', { labelSelector: 'a in (' }),
  (s) => s.get('Deployment', 'ghost'),
  (s) => s.failNode('ghost'),
  (s) => s.advance(-5),
];

/** Valid steps the property interleaves with invalid ones. */
const validSteps: ((sim: Simulator, i: number) => void)[] = [
  (s, i) => s.create(deploymentManifest({ name: `app-${i}`, replicas: 1 + (i % 3) })),
  (s) => s.advance(3_000),
  (s) => {
    const p = podsOf(s)[0];
    if (p) s.delete('Pod', p.metadata!.name!);
  },
  (s) => s.advance(10_000),
];

describe('bad input never corrupts state', () => {
  it('property: random invalid calls between valid ones leave the same snapshot as the valid calls alone', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: validSteps.length - 1 }), fc.array(fc.integer({ min: 0, max: invalidCalls.length - 1 }), { maxLength: 3 })), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 1000 }),
        (plan, seed) => {
          const clean = createSimulator({ seed });
          const noisy = createSimulator({ seed });
          plan.forEach(([step, bad], i) => {
            validSteps[step](clean, i);
            for (const b of bad) expect(() => invalidCalls[b](noisy)).toThrow();
            validSteps[step](noisy, i);
          });
          expect(noisy.snapshot()).toBe(clean.snapshot());
        },
      ),
      { numRuns: 30 },
    );
  });

  it('a dry run changes nothing', () => {
    const a = createSimulator({ seed: 2 });
    const b = createSimulator({ seed: 2 });
    const out = a.create(deploymentManifest(), { dryRun: true });
    expect(out.metadata!.uid).toBeDefined();
    expect(a.snapshot()).toBe(b.snapshot());
  });
});
