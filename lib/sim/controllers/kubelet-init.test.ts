/**
 * Init containers. Sources:
 * - https://kubernetes.io/docs/concepts/workloads/pods/init-containers/ (run in order, each to completion,
 *   before app containers; a failure restarts per restartPolicy; Never fails the pod)
 * - https://kubernetes.io/docs/tasks/debug/debug-application/debug-init-containers/ (Init:N/M, Init:Error,
 *   Init:CrashLoopBackOff, PodInitializing)
 * - pkg/printers/internalversion/printers.go printPod (how STATUS and RESTARTS are derived)
 */
import { describe, expect, it } from 'vitest';
import type { CoreV1Event, V1Container, V1Pod } from '../../k8s/api-types';
import type { KubeObject } from '../../k8s/types';
import { podStatusReason, toTable } from '../../k8s/table';
import { createSimulator } from '../index';
import type { Simulator } from '../types';

const busybox = (name: string, script: string): V1Container => ({ name, image: 'busybox:1.36', command: ['sh', '-c', script] });
const pod = (inits: V1Container[], restartPolicy = 'Always'): KubeObject =>
  ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'app' }, spec: { restartPolicy, initContainers: inits, containers: [{ name: 'web', image: 'nginx:1.25' }] } }) as V1Pod;
const get = (sim: Simulator) => sim.get('Pod', 'app') as V1Pod;
const status = (sim: Simulator) => podStatusReason(get(sim));
const row = (sim: Simulator) => toTable('Pod', [get(sim)], { now: sim.now() }).rows[0].cells as string[];

describe('init containers', () => {
  it('run one after the other before the app container: Init:0/2 → Init:1/2 → PodInitializing → Running', () => {
    const sim = createSimulator({ seed: 21 });
    sim.create(pod([busybox('wait-a', 'sleep 5'), busybox('wait-b', 'sleep 5')]));
    // scheduled at 0.2 s, busybox pulled by 3.2 s, wait-a runs 3.2–8.2 s, wait-b 8.2–13.2 s, nginx pulled by 16.2 s
    sim.advance(2_000);
    expect(status(sim)).toBe('Init:0/2');
    expect(get(sim).status!.phase).toBe('Pending');
    expect(get(sim).status!.conditions!.find((c) => c.type === 'Initialized')).toMatchObject({ status: 'False', reason: 'ContainersNotInitialized' });
    sim.advance(8_000);
    expect(status(sim)).toBe('Init:1/2');
    expect(get(sim).status!.initContainerStatuses![0].state!.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(get(sim).status!.containerStatuses![0].state!.waiting!.reason).toBe('PodInitializing');
    sim.advance(4_000);
    expect(status(sim)).toBe('PodInitializing');
    expect(get(sim).status!.conditions!.find((c) => c.type === 'Initialized')!.status).toBe('True');
    sim.advance(6_000);
    expect(status(sim)).toBe('Running');
    expect(row(sim).slice(1, 4)).toEqual(['1/1', 'Running', '0']);
    const started = (sim.list('Event', 'default', { fieldSelector: 'involvedObject.name=app,reason=Started' }).items as CoreV1Event[]).map((e) => e.involvedObject.fieldPath);
    expect(started).toEqual(['spec.initContainers{wait-a}', 'spec.initContainers{wait-b}', 'spec.containers{web}']);
  });

  it('a failing init container: Init:Error, restarted, then Init:CrashLoopBackOff; the app never starts', () => {
    const sim = createSimulator({ seed: 22 });
    sim.create(pod([busybox('check', 'exit 1')]));
    sim.advance(3_900);
    expect(status(sim)).toBe('Init:Error');
    const seen = new Set<string>();
    for (let i = 0; i < 40; i++) {
      sim.advance(1_000);
      seen.add(status(sim));
    }
    expect(seen).toContain('Init:CrashLoopBackOff');
    expect([...seen].every((s) => s.startsWith('Init:'))).toBe(true);
    expect(Number(row(sim)[3].split(' ')[0])).toBeGreaterThanOrEqual(2);
    expect(row(sim)[1]).toBe('0/1');
    expect(get(sim).status!.containerStatuses![0].state!.waiting!.reason).toBe('PodInitializing');
  });

  it('restartPolicy Never: a failing init container fails the pod', () => {
    const sim = createSimulator({ seed: 23 });
    sim.create(pod([busybox('check', 'exit 2')], 'Never'));
    sim.advance(10_000);
    expect(get(sim).status!.phase).toBe('Failed');
    expect(status(sim)).toBe('Init:Error');
    expect(get(sim).status!.initContainerStatuses![0].state!.terminated!.exitCode).toBe(2);
  });
});
