import { describe, expect, it } from 'vitest';
import type { V1ContainerStatus, V1Pod } from '../k8s/api-types';
import { podStatusView } from './pod-status';

const running = { running: { startedAt: '2025-01-15T00:01:00Z' } };
const status = (s: Partial<V1ContainerStatus>): V1ContainerStatus => ({ name: 'web', image: 'nginx', imageID: '', ready: true, restartCount: 0, ...s });
const pod = (cs: V1ContainerStatus, extra: Partial<V1Pod['spec']> = {}, ready = 'True'): V1Pod => ({
  metadata: { name: 'web' },
  spec: { nodeName: 'worker-1', containers: [{ name: 'web', image: 'nginx' }], ...extra },
  status: { phase: 'Running', conditions: [{ type: 'Ready', status: ready }], containerStatuses: [cs] },
});

describe('podStatusView', () => {
  it('names the reason the last instance ended: OOMKilled (the limit), Error, Completed', () => {
    const oom = pod(status({ restartCount: 3, ready: false, state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: { terminated: { exitCode: 137, reason: 'OOMKilled', finishedAt: '2025-01-15T00:02:00Z' } } }), {}, 'False');
    expect(podStatusView(oom)).toMatchObject({ status: 'CrashLoopBackOff', tone: 'failing', restarts: 3, lastReason: 'OOMKilled' });
    const healthy = pod(status({ state: running }));
    expect(podStatusView(healthy)).toMatchObject({ restarts: 0, lastReason: null, probeNote: null });
  });

  it('marks a running pod whose readiness probe is not passing, in words', () => {
    const unready = pod(status({ ready: false, started: true, state: running }), { containers: [{ name: 'web', image: 'nginx', readinessProbe: { httpGet: { port: 8080 } } }] }, 'False');
    expect(podStatusView(unready)).toMatchObject({ status: 'Running', tone: 'running', probeNote: '준비성 프로브 미통과 (web)' });
  });

  it('colours failing init containers as failing and running ones as still creating', () => {
    const init = (state: V1ContainerStatus['state']): V1Pod => ({
      metadata: { name: 'app' },
      spec: { nodeName: 'worker-1', initContainers: [{ name: 'init' }], containers: [{ name: 'web' }] },
      status: { phase: 'Pending', conditions: [{ type: 'Initialized', status: 'False' }], initContainerStatuses: [status({ name: 'init', ready: false, state })], containerStatuses: [status({ ready: false, state: { waiting: { reason: 'PodInitializing' } } })] },
    });
    expect(podStatusView(init({ waiting: { reason: 'CrashLoopBackOff' } }))).toMatchObject({ status: 'Init:CrashLoopBackOff', tone: 'failing' });
    expect(podStatusView(init(running))).toMatchObject({ status: 'Init:0/1', tone: 'creating' });
  });
});
