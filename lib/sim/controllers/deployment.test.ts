import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { V1Deployment, V1ReplicaSet } from '../../k8s/api-types';
import { EngineClient } from '../../kubectl/testing/engine-client';
import { kubectl } from '../../kubectl/testing/run';
import { createSimulator } from '../index';
import type { Simulator } from '../types';
import { advanceUntil, deploymentManifest, isReady, podsOf, replicaSetsOf, rolloutComplete } from '../testing';

const setImage = (sim: Simulator, image: string, name = 'web') =>
  sim.patch('Deployment', name, 'default', { spec: { template: { spec: { containers: [{ name: 'nginx', image }] } } } }, 'strategic');
const dep = (sim: Simulator, name = 'web') => sim.get('Deployment', name) as V1Deployment;
const rsByImage = (sim: Simulator, image: string) => replicaSetsOf(sim).find((r) => r.spec!.template!.spec!.containers[0].image === image)!;
const cond = (d: V1Deployment, type: string) => d.status?.conditions?.find((c) => c.type === type);
/** `kubectl rollout …` through the browser kubectl (lib/kubectl/commands/rollout.ts), the one rollback there is. */
const rollout = (sim: Simulator, args: string) => kubectl(new EngineClient(sim), `kubectl rollout ${args}`, { now: () => sim.now() });
const revisions = (sim: Simulator) =>
  replicaSetsOf(sim).map((r) => Number(r.metadata!.annotations!['deployment.kubernetes.io/revision'])).sort((a, b) => a - b);
const big = { cluster: { workers: 3, workerCapacity: { cpu: '16', memory: '32Gi' } } };

/** Independent statement of the rounding rule: surge rounds up, unavailable rounds down. */
function bounds(replicas: number, surge: number | string, unavailable: number | string): [number, number] {
  const scale = (v: number | string, up: boolean) => (typeof v === 'number' ? v : (up ? Math.ceil : Math.floor)((parseInt(v, 10) * replicas) / 100));
  const s = scale(surge, true);
  let u = scale(unavailable, false);
  if (s === 0 && u === 0) u = 1;
  return [s, Math.min(u, replicas)];
}

describe('deployment controller', () => {
  it('creates a ReplicaSet named <deploy>-<pod-template-hash> with revision 1', () => {
    const sim = createSimulator({ seed: 2 });
    sim.create(deploymentManifest());
    sim.advance(10_000);
    const [rs] = replicaSetsOf(sim);
    const hash = rs.metadata!.labels!['pod-template-hash'];
    expect(hash).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{6,10}$/);
    expect(rs.metadata!.name).toBe(`web-${hash}`);
    expect(rs.spec!.selector.matchLabels).toEqual({ app: 'web', 'pod-template-hash': hash });
    expect(rs.metadata!.annotations).toMatchObject({ 'deployment.kubernetes.io/revision': '1', 'deployment.kubernetes.io/desired-replicas': '3', 'deployment.kubernetes.io/max-replicas': '4' });
    expect(rs.metadata!.ownerReferences![0]).toMatchObject({ kind: 'Deployment', name: 'web', controller: true, blockOwnerDeletion: true });
    for (const p of podsOf(sim)) expect(p.metadata!.name).toMatch(new RegExp(`^web-${hash}-[bcdfghjklmnpqrstvwxz2456789]{5}$`));
    const d = dep(sim);
    expect(d.metadata!.annotations!['deployment.kubernetes.io/revision']).toBe('1');
    expect(d.status).toMatchObject({ observedGeneration: 1, replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3 });
    expect(cond(d, 'Available')).toMatchObject({ status: 'True', reason: 'MinimumReplicasAvailable' });
    expect(cond(d, 'Progressing')).toMatchObject({ status: 'True', reason: 'NewReplicaSetAvailable', message: `ReplicaSet "${rs.metadata!.name}" has successfully progressed.` });
    // the same template always hashes the same way
    const again = createSimulator({ seed: 99 });
    again.create(deploymentManifest());
    again.advance(1000);
    expect(replicaSetsOf(again)[0].metadata!.name).toBe(rs.metadata!.name);
  });

  it('rolls out a new image with ScalingReplicaSet events and revision 2', () => {
    const sim = createSimulator({ seed: 3 });
    sim.create(deploymentManifest({ replicas: 4 }));
    sim.advance(10_000);
    setImage(sim, 'nginx:1.27');
    advanceUntil(sim, () => rolloutComplete(sim, 'web'));
    sim.advance(10_000);
    const newRS = rsByImage(sim, 'nginx:1.27');
    const oldRS = rsByImage(sim, 'nginx:1.25');
    expect(newRS.metadata!.annotations!['deployment.kubernetes.io/revision']).toBe('2');
    expect([newRS.spec!.replicas, oldRS.spec!.replicas]).toEqual([4, 0]);
    expect(podsOf(sim).every((p) => p.spec!.containers[0].image === 'nginx:1.27' && isReady(p))).toBe(true);
    const msgs = sim.list('Event', 'default', { fieldSelector: 'involvedObject.kind=Deployment' }).items.map((e) => (e as { message: string }).message);
    expect(msgs).toContain(`Scaled up replica set ${newRS.metadata!.name} from 0 to 1`);
    expect(msgs).toContain(`Scaled down replica set ${oldRS.metadata!.name} from 4 to 3`);
    expect(dep(sim).metadata!.annotations!['deployment.kubernetes.io/revision']).toBe('2');
  });

  it('rolls back to the previous revision by reusing its ReplicaSet', async () => {
    const sim = createSimulator({ seed: 4 });
    sim.create(deploymentManifest());
    sim.advance(10_000);
    setImage(sim, 'nginx:1.27');
    advanceUntil(sim, () => rolloutComplete(sim, 'web'));
    const first = rsByImage(sim, 'nginx:1.25').metadata!.name;
    expect(revisions(sim)).toEqual([1, 2]);
    expect((await rollout(sim, 'undo deploy/web')).stdout).toBe('deployment.apps/web rolled back\n');
    advanceUntil(sim, () => rolloutComplete(sim, 'web'));
    expect(replicaSetsOf(sim)).toHaveLength(2);
    const reused = rsByImage(sim, 'nginx:1.25');
    expect(reused.metadata!.name).toBe(first);
    expect(reused.spec!.replicas).toBe(3);
    expect(reused.metadata!.annotations).toMatchObject({ 'deployment.kubernetes.io/revision': '3', 'deployment.kubernetes.io/revision-history': '1' });
    expect(revisions(sim)).toEqual([2, 3]);
    expect((await rollout(sim, 'undo deploy/web --to-revision=3')).stdout).toBe('deployment.apps/web skipped rollback (current template already matches revision 3)\n');
    expect((await rollout(sim, 'undo deploy/web --to-revision=9')).stderr).toContain('unable to find specified revision 9 in history');
  });

  it('prunes old ReplicaSets beyond revisionHistoryLimit', () => {
    const sim = createSimulator({ seed: 5 });
    sim.create(deploymentManifest({ replicas: 1, extra: { revisionHistoryLimit: 2 } }));
    sim.advance(10_000);
    for (const tag of ['1.26', '1.27', 'alpine', 'stable']) {
      setImage(sim, `nginx:${tag}`);
      advanceUntil(sim, () => rolloutComplete(sim, 'web'));
      sim.advance(5_000);
    }
    const revs = replicaSetsOf(sim).map((r) => Number(r.metadata!.annotations!['deployment.kubernetes.io/revision'])).sort();
    expect(revs).toEqual([3, 4, 5]);
  });

  it('pauses and resumes', async () => {
    const sim = createSimulator({ seed: 6 });
    sim.create(deploymentManifest());
    sim.advance(10_000);
    sim.patch('Deployment', 'web', 'default', { spec: { paused: true } }, 'merge');
    setImage(sim, 'nginx:1.27');
    sim.advance(30_000);
    expect(replicaSetsOf(sim)).toHaveLength(1);
    expect(cond(dep(sim), 'Progressing')).toMatchObject({ status: 'Unknown', reason: 'DeploymentPaused', message: 'Deployment is paused' });
    expect((await rollout(sim, 'undo deploy/web')).stderr).toMatch(/cannot rollback a paused deployment/);
    sim.patch('Deployment', 'web', 'default', { spec: { paused: false } }, 'merge');
    advanceUntil(sim, () => rolloutComplete(sim, 'web'));
    expect(rsByImage(sim, 'nginx:1.27').spec!.replicas).toBe(3);
  });

  it('Recreate stops every old pod before starting new ones', () => {
    const sim = createSimulator({ seed: 7 });
    sim.create(deploymentManifest({ replicas: 3, strategy: 'Recreate' }));
    sim.advance(10_000);
    setImage(sim, 'nginx:1.27');
    let sawDowntime = false;
    advanceUntil(
      sim,
      () => rolloutComplete(sim, 'web'),
      {
        step: 100,
        each: () => {
          const pods = podsOf(sim);
          const olds = pods.filter((p) => p.spec!.containers[0].image === 'nginx:1.25');
          const news = pods.filter((p) => p.spec!.containers[0].image === 'nginx:1.27');
          expect(olds.length > 0 && news.length > 0).toBe(false);
          if (!pods.some(isReady)) sawDowntime = true;
        },
      },
    );
    expect(sawDowntime).toBe(true); // Recreate means a moment with no ready pod
  });

  it('scales proportionally during a stuck rollout (the Kubernetes docs example)', () => {
    const sim = createSimulator({ seed: 8, ...big });
    sim.create(deploymentManifest({ replicas: 10, maxSurge: 3, maxUnavailable: 2 }));
    advanceUntil(sim, () => rolloutComplete(sim, 'web'));
    setImage(sim, 'nginx:does-not-exist');
    sim.advance(20_000);
    expect(rsByImage(sim, 'nginx:1.25').spec!.replicas).toBe(8);
    expect(rsByImage(sim, 'nginx:does-not-exist').spec!.replicas).toBe(5);
    sim.patch('Deployment', 'web', 'default', { spec: { replicas: 15 } }, 'merge');
    sim.advance(1_000);
    expect(rsByImage(sim, 'nginx:1.25').spec!.replicas).toBe(11);
    expect(rsByImage(sim, 'nginx:does-not-exist').spec!.replicas).toBe(7);
  });

  it('reports ProgressDeadlineExceeded when a bad image stalls the rollout', () => {
    const sim = createSimulator({ seed: 9 });
    sim.create(deploymentManifest({ extra: { progressDeadlineSeconds: 30 } }));
    sim.advance(10_000);
    setImage(sim, 'nginx:1.99');
    sim.advance(10_000);
    expect(cond(dep(sim), 'Progressing')).toMatchObject({ status: 'True', reason: 'ReplicaSetUpdated' });
    sim.advance(40_000);
    const d = dep(sim);
    const newRS = rsByImage(sim, 'nginx:1.99');
    expect(cond(d, 'Progressing')).toMatchObject({ status: 'False', reason: 'ProgressDeadlineExceeded', message: `ReplicaSet "${newRS.metadata!.name}" has timed out progressing.` });
    expect(cond(d, 'Available')!.status).toBe('True'); // old pods keep serving
    expect(d.status).toMatchObject({ replicas: 4, updatedReplicas: 1, availableReplicas: 3, unavailableReplicas: 1 });
  });

  it('adopts a matching orphan ReplicaSet', () => {
    const sim = createSimulator();
    const d = deploymentManifest() as V1Deployment;
    sim.create({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'stray', labels: { app: 'web' } }, spec: { replicas: 1, selector: { matchLabels: { app: 'web' } }, template: d.spec!.template } } as V1ReplicaSet);
    sim.create(d);
    sim.advance(10_000);
    const stray = sim.get('ReplicaSet', 'stray') as V1ReplicaSet;
    expect(stray.metadata!.ownerReferences?.[0]).toMatchObject({ kind: 'Deployment', name: 'web' });
  });

  it('property: every step of every rollout respects maxSurge/maxUnavailable, and good rollouts complete', () => {
    const intOrPct = fc.oneof(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 100 }).map((n) => `${n}%`));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), intOrPct, intOrPct, fc.integer({ min: 1, max: 1000 }), (replicas, surge, unavailable, seed) => {
        const [s, u] = bounds(replicas, surge, unavailable);
        fc.pre(!(typeof surge === 'number' && typeof unavailable === 'number' && surge === 0 && unavailable === 0));
        fc.pre(!(parseInt(String(surge), 10) === 0 && parseInt(String(unavailable), 10) === 0));
        const sim = createSimulator({ seed, ...big });
        sim.create(deploymentManifest({ replicas, maxSurge: surge, maxUnavailable: unavailable }));
        advanceUntil(sim, () => rolloutComplete(sim, 'web'));
        setImage(sim, 'nginx:1.27');
        advanceUntil(sim, () => rolloutComplete(sim, 'web') && podsOf(sim).every((p) => !p.metadata!.deletionTimestamp), {
          step: 250,
          each: () => {
            const active = podsOf(sim).filter((p) => !p.metadata!.deletionTimestamp);
            const available = active.filter(isReady).length;
            expect(active.length).toBeLessThanOrEqual(replicas + s);
            expect(available).toBeGreaterThanOrEqual(replicas - u);
          },
        });
        expect(podsOf(sim).every((p) => p.spec!.containers[0].image === 'nginx:1.27')).toBe(true);
      }),
      { numRuns: 40 },
    );
  });
});
