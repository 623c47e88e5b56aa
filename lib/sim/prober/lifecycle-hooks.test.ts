/**
 * Lifecycle hooks. Sources:
 * - https://kubernetes.io/docs/concepts/containers/container-lifecycle-hooks/ (preStop before TERM, counted in the
 *   grace period; a failed postStart kills the container; FailedPostStartHook / FailedPreStopHook events)
 * - pkg/kubelet/kuberuntime/kuberuntime_container.go (killContainer: grace − hook time, at least 2 s;
 *   startContainer: "PostStartHook failed", then killContainer with message "FailedPostStartHook")
 */
import { describe, expect, it } from 'vitest';
import type { CoreV1Event, V1Container, V1Pod } from '../../k8s/api-types';
import type { KubeObject } from '../../k8s/types';
import { createSimulator } from '../index';
import type { Simulator } from '../types';
import { stopDelayMs } from './lifecycle-hooks';

const pod = (name: string, container: Partial<V1Container>): KubeObject =>
  ({ apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { containers: [{ name: 'app', image: 'nginx:1.25', ...container }] } }) as V1Pod;
const exists = (sim: Simulator, name: string) => sim.list('Pod', 'default').items.some((p) => p.metadata!.name === name);
const events = (sim: Simulator, name: string, reason: string) =>
  (sim.list('Event', 'default', { fieldSelector: `involvedObject.name=${name},reason=${reason}` }).items as CoreV1Event[]).map((e) => e.message ?? '');
const running = (seed: number, p: KubeObject) => {
  const sim = createSimulator({ seed });
  sim.create(p);
  sim.advance(10_000);
  return sim;
};

describe('preStop', () => {
  it('runs before SIGTERM: nginx with `preStop: sleep 10` stops 10 s + its shutdown after the delete', () => {
    const sim = running(61, pod('web', { lifecycle: { preStop: { sleep: { seconds: 10 } } } }));
    sim.delete('Pod', 'web');
    sim.advance(11_000);
    expect(exists(sim, 'web')).toBe(true);
    sim.advance(sim.timings().terminationGrace);
    expect(exists(sim, 'web')).toBe(false);
  });

  it('counts against the grace period; the process still gets at least 2 s after a hook that ran it out', () => {
    const sim = running(62, pod('sleeper', { image: 'busybox:1.36', command: ['sleep', '3600'], lifecycle: { preStop: { exec: { command: ['sh', '-c', 'sleep 40'] } } } }));
    sim.delete('Pod', 'sleeper');
    sim.advance(31_900);
    expect(exists(sim, 'sleeper')).toBe(true);
    sim.advance(100);
    expect(exists(sim, 'sleeper')).toBe(false);
    expect(stopDelayMs(10_000, 30_000, Infinity)).toBe(30_000);
    expect(stopDelayMs(0, 30_000, 2_000)).toBe(2_000);
  });

  it('a failing preStop hook is a FailedPreStopHook event and the container is stopped anyway', () => {
    const sim = running(63, pod('web', { lifecycle: { preStop: { exec: { command: ['false'] } } } }));
    sim.delete('Pod', 'web');
    sim.advance(3_000);
    expect(events(sim, 'web', 'FailedPreStopHook')).toEqual(['PreStopHook failed']);
    expect(exists(sim, 'web')).toBe(false);
  });
});

describe('postStart', () => {
  it('a failing postStart hook kills the container, which is restarted', () => {
    const sim = running(64, pod('web', { lifecycle: { postStart: { exec: { command: ['false'] } } } }));
    expect(events(sim, 'web', 'FailedPostStartHook')).toEqual(['PostStartHook failed']);
    expect(events(sim, 'web', 'Killing')).toEqual(['FailedPostStartHook']);
    const cs = (sim.get('Pod', 'web') as V1Pod).status!.containerStatuses![0];
    expect(cs.restartCount).toBeGreaterThanOrEqual(1);
  });

  it('a postStart hook that works changes nothing', () => {
    const sim = running(65, pod('web', { lifecycle: { postStart: { httpGet: { port: 80, path: '/' } } } }));
    expect(events(sim, 'web', 'FailedPostStartHook')).toEqual([]);
    expect((sim.get('Pod', 'web') as V1Pod).status!.containerStatuses![0]).toMatchObject({ ready: true, restartCount: 0 });
  });
});
