/**
 * Memory limits. Sources:
 * - https://kubernetes.io/docs/tasks/configure-pod-container/assign-memory-resource/#exceed-a-containers-memory-limit
 *   ("the Container is killed … Reason: OOMKilled, Exit Code: 137", restarted like any crash)
 * - https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#container-restarts (back-off → CrashLoopBackOff)
 */
import { describe, expect, it } from 'vitest';
import type { V1Container, V1Pod } from '../../k8s/api-types';
import type { KubeObject } from '../../k8s/types';
import { createSimulator } from '../index';
import type { Simulator } from '../types';
import { provisionalProcessView, type ProcessViewFactory } from './process-view';

const MiB = 2 ** 20;
const pod = (name: string, container: Partial<V1Container>): KubeObject =>
  ({ apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { containers: [{ name: 'app', image: 'nginx:1.25', ...container }] } }) as V1Pod;
const cs = (sim: Simulator, name: string) => (sim.get('Pod', name) as V1Pod).status!.containerStatuses![0];
const mysql = { image: 'mysql:8.0', env: [{ name: 'MYSQL_ROOT_PASSWORD', value: 'pw' }] };

describe('memory limits', () => {
  it('a container over its memory limit is OOMKilled with exit code 137, restarted, then backs off', () => {
    const sim = createSimulator({ seed: 11 });
    sim.create(pod('db', { ...mysql, resources: { limits: { memory: '20Mi' } } }));
    sim.advance(6_000);
    const status = cs(sim, 'db');
    expect(status.state!.terminated).toMatchObject({ reason: 'OOMKilled', exitCode: 137 });
    expect(status.ready).toBe(false);
    sim.advance(2_000);
    expect(cs(sim, 'db').restartCount).toBe(1);
    expect(cs(sim, 'db').lastState!.terminated).toMatchObject({ reason: 'OOMKilled', exitCode: 137 });
    sim.advance(5_000);
    expect(cs(sim, 'db').state!.waiting?.reason).toBe('CrashLoopBackOff');
  });

  it('a container under its limit keeps running', () => {
    const sim = createSimulator({ seed: 12 });
    sim.create(pod('web', { resources: { limits: { memory: '20Mi' } } }));
    sim.create(pod('db', { ...mysql, resources: { limits: { memory: '1Gi' } } }));
    sim.advance(120_000);
    for (const name of ['web', 'db']) {
      expect(cs(sim, name).state!.running).toBeDefined();
      expect(cs(sim, name).restartCount).toBe(0);
    }
  });

  it('reads memory from the engine’s process view, following the change points it announces', () => {
    // a view whose memory grows from 10Mi to 30Mi one minute after start: the 20Mi limit is crossed then
    const growing: ProcessViewFactory = (p, c) => {
      const base = provisionalProcessView(p, c);
      return Object.assign(Object.create(base), {
        memoryBytes: (now: number) => (now - base.startedAt >= 60_000 ? 30 : 10) * MiB,
        nextMemoryChange: (now: number) => (now - base.startedAt < 60_000 ? base.startedAt + 60_000 : undefined),
      });
    };
    const sim = createSimulator({ seed: 13, processView: growing });
    sim.create(pod('web', { resources: { limits: { memory: '20Mi' } } }));
    sim.advance(60_000);
    expect(cs(sim, 'web').state!.running).toBeDefined();
    sim.advance(6_000);
    expect(cs(sim, 'web').lastState?.terminated ?? cs(sim, 'web').state!.terminated).toMatchObject({ reason: 'OOMKilled', exitCode: 137 });
  });
});
