/**
 * appProcessView plugged into the engine's prober (createSimulator({ processView })), as the lead will wire it:
 * a liveness probe restarts kubelab/hello:3.0-broken once /healthz fails, and kubelab/leaky is OOMKilled at its
 * memory limit (https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/,
 * https://kubernetes.io/docs/tasks/configure-pod-container/assign-memory-resource/#exceed-a-containers-memory-limit).
 */
import { describe, expect, it } from 'vitest';
import type { V1Pod } from '../../k8s/api-types';
import type { KubeObject } from '../../k8s/types';
import { createSimulator } from '../index';
import { appProcessView } from './process-view';

const status = (sim: ReturnType<typeof createSimulator>, name: string) => (sim.get('Pod', name) as V1Pod).status!.containerStatuses![0];

describe('appProcessView in the engine', () => {
  it('hello:3.0-broken is restarted by its liveness probe; hello:1.0 is not', () => {
    const sim = createSimulator({ seed: 21, processView: appProcessView });
    for (const [name, image] of [['broken', 'kubelab/hello:3.0-broken'], ['fine', 'kubelab/hello:1.0']])
      sim.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { containers: [{ name: 'app', image, livenessProbe: { httpGet: { path: '/healthz', port: 8080 }, periodSeconds: 5, failureThreshold: 2 } }] } } as KubeObject);
    sim.advance(90_000);
    expect(status(sim, 'broken').restartCount).toBeGreaterThan(0);
    expect(status(sim, 'fine').restartCount).toBe(0);
  });

  it('kubelab/leaky is OOMKilled (exit 137) when it grows past a 64Mi limit', () => {
    const sim = createSimulator({ seed: 22, processView: appProcessView });
    sim.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'leak' }, spec: { containers: [{ name: 'app', image: 'kubelab/leaky:1.0', resources: { limits: { memory: '64Mi' } } }] } } as KubeObject);
    sim.advance(60_000);
    const s = status(sim, 'leak');
    const term = s.lastState?.terminated ?? s.state?.terminated;
    expect(term).toMatchObject({ exitCode: 137, reason: 'OOMKilled' });
  });
});
