/**
 * The kubelet waits for the ConfigMaps and Secrets a pod needs, and starts it once they exist:
 * - env (pkg/kubelet/kubelet_pods.go makeEnvironmentVariables, called from generateContainerConfig in
 *   pkg/kubelet/kuberuntime/kuberuntime_container.go startContainer): the container waits with reason
 *   CreateContainerConfigError and message `configmap "x" not found`, a Warning `Failed` event says
 *   `Error: configmap "x" not found`, no `Created` event; the pod worker retries (pkg/kubelet/pod_workers.go);
 * - volumes (pkg/kubelet/volumemanager, pkg/volume/configmap): no sandbox yet (no pod IP), ContainerCreating,
 *   Warning `FailedMount` `MountVolume.SetUp failed for volume "v" : configmap "x" not found`, retried with
 *   back-off (pkg/volume/util/nestedpendingoperations) until the object exists.
 */
import { describe, expect, it } from 'vitest';
import type { CoreV1Event, V1Pod } from '../../k8s/api-types';
import type { KubeObject } from '../../k8s/types';
import { createSimulator } from '../index';
import type { Simulator } from '../types';

const get = (sim: Simulator, name: string) => sim.get('Pod', name) as V1Pod;
const waiting = (sim: Simulator, name: string) => get(sim, name).status?.containerStatuses?.[0]?.state?.waiting;
const events = (sim: Simulator, name: string) =>
  (sim.list('Event', 'default', { fieldSelector: `involvedObject.name=${name}` }).items as CoreV1Event[]).map((e) => `${e.type} ${e.reason}: ${e.message}`);
const configMap = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'app-config' }, data: { MODE: 'dev' } } as KubeObject;

/** A fresh simulator (and its lifecycle timings) with one pod `web` of this spec created in it. */
function simWithWebPod(seed: number, spec: V1Pod['spec']) {
  const sim = createSimulator({ seed });
  sim.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web' }, spec } as KubeObject);
  return { sim, t: sim.timings() };
}

describe('kubelet and configuration objects', () => {
  it('holds a container in CreateContainerConfigError until its ConfigMap exists, then runs it', () => {
    const { sim, t } = simWithWebPod(5, { containers: [{ name: 'app', image: 'nginx:1.25', env: [{ name: 'MODE', valueFrom: { configMapKeyRef: { name: 'app-config', key: 'MODE' } } }] }] });
    sim.advance(t.schedule + t.imagePull + 100);
    expect(waiting(sim, 'web')).toEqual({ reason: 'CreateContainerConfigError', message: 'configmap "app-config" not found' });
    expect(get(sim, 'web').status!.podIP).toBeTruthy();
    expect(events(sim, 'web')).toContain('Warning Failed: Error: configmap "app-config" not found');
    expect(events(sim, 'web').some((e) => e.includes('Created'))).toBe(false);
    sim.advance(30_000);
    expect(waiting(sim, 'web')?.reason).toBe('CreateContainerConfigError');

    sim.create(configMap);
    sim.advance(10_000 + t.containerStart + t.readinessDelay);
    expect(get(sim, 'web').status!.phase).toBe('Running');
    expect(events(sim, 'web')).toContain('Normal Started: Started container app');
  });

  it('keeps a pod ContainerCreating with FailedMount until its volume source exists', () => {
    const { sim, t } = simWithWebPod(6, {
      volumes: [{ name: 'cfg', configMap: { name: 'app-config' } }],
      containers: [{ name: 'app', image: 'nginx:1.25', volumeMounts: [{ name: 'cfg', mountPath: '/etc/app' }] }],
    });
    sim.advance(t.schedule + 5_000);
    expect(waiting(sim, 'web')).toEqual({ reason: 'ContainerCreating' });
    expect(get(sim, 'web').status!.podIP).toBeUndefined();
    expect(events(sim, 'web')).toContain('Warning FailedMount: MountVolume.SetUp failed for volume "cfg" : configmap "app-config" not found');
    expect(events(sim, 'web').some((e) => e.includes('Pulling'))).toBe(false);

    sim.create(configMap);
    sim.advance(10_000 + t.imagePull + t.containerStart + t.readinessDelay);
    expect(get(sim, 'web').status!.phase).toBe('Running');
    expect(get(sim, 'web').status!.podIP).toBeTruthy();
  });

  it('starts at once when an optional reference is missing', () => {
    const { sim, t } = simWithWebPod(7, {
      volumes: [{ name: 'cfg', secret: { secretName: 'nope', optional: true } }],
      containers: [{ name: 'app', image: 'nginx:1.25', envFrom: [{ configMapRef: { name: 'nope', optional: true } }] }],
    });
    sim.advance(t.schedule + t.imagePull + t.containerStart + t.readinessDelay);
    expect(get(sim, 'web').status!.phase).toBe('Running');
  });
});
