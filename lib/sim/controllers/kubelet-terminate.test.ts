// Pod termination as https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-termination describes it:
// the kubelet sends SIGTERM (Killing "Stopping container NAME", pkg/kubelet/kuberuntime/kuberuntime_container.go
// killContainer), waits up to the grace period (spec.terminationGracePeriodSeconds, default 30, or the delete's
// gracePeriodSeconds), then SIGKILL. PID 1 that does not handle SIGTERM (sh, sleep) runs until the SIGKILL.
import { describe, expect, it } from 'vitest';
import type { CoreV1Event, V1Container, V1Pod } from '../../k8s/api-types';
import type { KubeObject } from '../../k8s/types';
import { createSimulator } from '../index';
import type { Simulator } from '../types';

const pod = (name: string, container: Partial<V1Container>, grace?: number): KubeObject =>
  ({ apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { ...(grace !== undefined ? { terminationGracePeriodSeconds: grace } : {}), containers: [{ name: 'app', image: 'nginx:1.25', ...container }] } }) as V1Pod;
const sleeper = { image: 'busybox:1.36', command: ['sleep', '3600'] };
const exists = (sim: Simulator, name: string) => sim.list('Pod', 'default').items.some((p) => p.metadata!.name === name);
const running = (seed: number, ...pods: KubeObject[]) => {
  const sim = createSimulator({ seed });
  for (const p of pods) sim.create(p);
  sim.advance(10_000);
  return sim;
};

describe('kubelet: graceful termination', () => {
  it('waits the whole default 30 s grace period for `sleep 3600` as PID 1, then kills it', () => {
    const sim = running(51, pod('sleeper', sleeper));
    sim.delete('Pod', 'sleeper');
    sim.advance(29_000);
    expect(exists(sim, 'sleeper')).toBe(true);
    expect((sim.get('Pod', 'sleeper') as V1Pod).metadata!.deletionGracePeriodSeconds).toBe(30);
    sim.advance(1_000);
    expect(exists(sim, 'sleeper')).toBe(false);
    const killing = (sim.list('Event', 'default', { fieldSelector: 'involvedObject.name=sleeper,reason=Killing' }).items as CoreV1Event[]).map((e) => e.message);
    expect(killing).toEqual(['Stopping container app']);
  });

  it('lets nginx exit promptly on SIGTERM', () => {
    const sim = running(52, pod('web', {}));
    sim.delete('Pod', 'web');
    sim.advance(sim.timings().terminationGrace);
    expect(exists(sim, 'web')).toBe(false);
  });

  it('honours spec.terminationGracePeriodSeconds and the delete gracePeriodSeconds', () => {
    const sim = running(53, pod('short', sleeper, 5), pod('cli', sleeper));
    sim.delete('Pod', 'short');
    sim.delete('Pod', 'cli', 'default', { gracePeriodSeconds: 10 }); // kubectl delete --grace-period=10
    sim.advance(4_900);
    expect(exists(sim, 'short')).toBe(true);
    sim.advance(100);
    expect(exists(sim, 'short')).toBe(false);
    sim.advance(4_900);
    expect(exists(sim, 'cli')).toBe(true);
    sim.advance(100);
    expect(exists(sim, 'cli')).toBe(false);
  });

  it('removes the pod at once with gracePeriodSeconds 0 (kubectl delete --grace-period=0 --force)', () => {
    const sim = running(54, pod('sleeper', sleeper));
    sim.delete('Pod', 'sleeper', 'default', { gracePeriodSeconds: 0 });
    expect(exists(sim, 'sleeper')).toBe(false);
  });

  // pkg/registry/rest/delete.go BeforeDelete: a second delete may shorten the grace period, never lengthen it
  it('shortens a running termination when deleted again with a shorter grace period', () => {
    const sim = running(55, pod('sleeper', sleeper));
    sim.delete('Pod', 'sleeper');
    sim.advance(5_000);
    sim.delete('Pod', 'sleeper', 'default', { gracePeriodSeconds: 3 });
    sim.delete('Pod', 'sleeper', 'default', { gracePeriodSeconds: 60 });
    expect((sim.get('Pod', 'sleeper') as V1Pod).metadata!.deletionGracePeriodSeconds).toBe(3);
    sim.advance(3_000);
    expect(exists(sim, 'sleeper')).toBe(false);
  });

  it('lets a shell script that traps TERM exit promptly, and a command that ends first stop then', () => {
    const sim = running(56, pod('trap', { image: 'busybox:1.36', command: ['sh', '-c', "trap 'exit 0' TERM; sleep 3600 & wait"] }), pod('soon', { image: 'busybox:1.36', command: ['sh', '-c', 'sleep 20'] }));
    sim.delete('Pod', 'trap');
    sim.delete('Pod', 'soon'); // started at ~4 s, its sleep 20 ends at ~24 s of the run
    sim.advance(sim.timings().terminationGrace);
    expect(exists(sim, 'trap')).toBe(false);
    expect(exists(sim, 'soon')).toBe(true);
    sim.advance(13_000);
    expect(exists(sim, 'soon')).toBe(false);
  });
});
