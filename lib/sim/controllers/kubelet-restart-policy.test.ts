// restartPolicy as https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#restart-policy and
// #pod-phase describe it: Always restarts every exit, OnFailure only non-zero exits, Never none; a pod whose
// containers all ended is Succeeded (all exit 0) or Failed. The terminated reason is "Completed" for exit 0 and
// "Error" otherwise (pkg/kubelet/kuberuntime/kuberuntime_container.go toKubeContainerStatus), which is what
// kubectl's STATUS column shows (pkg/printers/internalversion/printers.go printPod).
import { describe, expect, it } from 'vitest';
import type { V1Container, V1Pod } from '../../k8s/api-types';
import type { KubeObject } from '../../k8s/types';
import { createSimulator } from '../index';
import type { Simulator } from '../types';

const pod = (name: string, command: string[], restartPolicy: string): KubeObject =>
  ({ apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { restartPolicy, containers: [{ name: 'app', image: 'busybox:1.36', command } as V1Container] } }) as V1Pod;
const get = (sim: Simulator, name: string) => sim.get('Pod', name) as V1Pod;
const cs = (sim: Simulator, name: string) => get(sim, name).status!.containerStatuses![0];

describe('kubelet: restartPolicy with a container that exits', () => {
  it('Never: `echo hello` → Succeeded/Completed, `false` → Failed/Error with exit code 1', () => {
    const sim = createSimulator({ seed: 61 });
    sim.create(pod('hello', ['echo', 'hello'], 'Never'));
    sim.create(pod('nope', ['false'], 'Never'));
    sim.create(pod('nope2', ['sh', '-c', 'echo start; false'], 'Never'));
    sim.advance(10_000);
    expect(get(sim, 'hello').status!.phase).toBe('Succeeded');
    expect(cs(sim, 'hello').state!.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    for (const name of ['nope', 'nope2']) {
      expect(get(sim, name).status!.phase).toBe('Failed');
      expect(cs(sim, name).state!.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
      expect(cs(sim, name).restartCount).toBe(0);
    }
    sim.advance(60_000);
    expect(cs(sim, 'nope').restartCount).toBe(0);
  });

  it('OnFailure: restarts a non-zero exit, lets exit 0 finish the pod', () => {
    const sim = createSimulator({ seed: 62 });
    sim.create(pod('ok', ['echo', 'hello'], 'OnFailure'));
    sim.create(pod('ko', ['false'], 'OnFailure'));
    sim.advance(30_000);
    expect(get(sim, 'ok').status!.phase).toBe('Succeeded');
    expect(cs(sim, 'ok').restartCount).toBe(0);
    expect(get(sim, 'ko').status!.phase).toBe('Running');
    expect(cs(sim, 'ko').restartCount).toBeGreaterThanOrEqual(2);
    expect(cs(sim, 'ko').lastState!.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
  });

  it('Always: restarts even exit 0, into CrashLoopBackOff with "Completed" as the last state', () => {
    const sim = createSimulator({ seed: 63 });
    sim.create(pod('hello', ['echo', 'hello'], 'Always'));
    sim.advance(8_000);
    expect(get(sim, 'hello').status!.phase).toBe('Running');
    const s = cs(sim, 'hello');
    expect(s.restartCount).toBeGreaterThanOrEqual(1);
    expect(s.state!.waiting?.reason).toBe('CrashLoopBackOff');
    expect(s.lastState!.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
  });
});
