/**
 * EndpointSlices as pkg/controller/endpointslice and staging/src/k8s.io/endpointslice (reconciler.go, utils.go
 * podToEndpoint) keep them: labels kubernetes.io/service-name and endpointslice.kubernetes.io/managed-by, owner
 * the Service, ports with the resolved target port, conditions ready/serving/terminating, terminating pods kept
 * (ready=false), an empty placeholder slice for a Service without pods, and `kubectl get endpointslices` columns
 * from pkg/printers/internalversion/printers.go (NAME ADDRESSTYPE PORTS ENDPOINTS AGE, `<unset>` when empty).
 */
import { describe, expect, it } from 'vitest';
import type { V1EndpointSlice } from '../../k8s/api-types';
import type { KubeObject } from '../../k8s/types';
import { createSimulator } from '../index';
import type { Simulator } from '../types';
import { EngineClient } from '../../kubectl/testing/engine-client';
import { kubectl } from '../../kubectl/testing/run';

const slicesOf = (sim: Simulator, svc: string) =>
  (sim.list('EndpointSlice', 'default', { labelSelector: `kubernetes.io/service-name=${svc}` }).items as V1EndpointSlice[]);

function setup(): Simulator {
  const sim = createSimulator({ seed: 21 });
  sim.create({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'web', labels: { tier: 'fe' } },
    spec: { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 'web' }] },
  } as KubeObject);
  return sim;
}

describe('EndpointSlice controller', () => {
  it('keeps a placeholder slice for a Service without pods, then lists its ready pods', async () => {
    const sim = setup();
    sim.advance(100);
    const [placeholder] = slicesOf(sim, 'web');
    expect(placeholder.metadata!.name).toMatch(/^web-[a-z0-9]{5}$/);
    expect(placeholder.metadata!.labels).toEqual({ tier: 'fe', 'kubernetes.io/service-name': 'web', 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io' });
    expect(placeholder.metadata!.ownerReferences).toEqual([expect.objectContaining({ kind: 'Service', name: 'web', controller: true })]);
    expect(placeholder.endpoints).toEqual([]);
    const client = new EngineClient(sim);
    expect((await kubectl(client, 'kubectl get endpointslices')).stdout).toMatch(/^NAME +ADDRESSTYPE +PORTS +ENDPOINTS +AGE\nkubernetes +IPv4 +6443 +\S+ +\S+\nweb-\w{5} +IPv4 +<unset> +<unset> +\S+\n$/);

    sim.create({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: {
        replicas: 2,
        selector: { matchLabels: { app: 'web' } },
        template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.25', ports: [{ name: 'web', containerPort: 8080 }] }] } },
      },
    } as KubeObject);
    sim.advance(30_000);
    const [slice, ...more] = slicesOf(sim, 'web');
    expect(more).toEqual([]);
    expect(slice.metadata!.name).toBe(placeholder.metadata!.name);
    expect(slice.addressType).toBe('IPv4');
    expect(slice.ports).toEqual([{ name: 'http', port: 8080, protocol: 'TCP' }]);
    expect(slice.endpoints).toHaveLength(2);
    for (const ep of slice.endpoints!) {
      expect(ep.conditions).toEqual({ ready: true, serving: true, terminating: false });
      expect(ep.targetRef).toMatchObject({ kind: 'Pod', namespace: 'default' });
      expect(ep.nodeName).toMatch(/^worker-/);
    }
    expect((await kubectl(client, 'kubectl get endpointslices -l kubernetes.io/service-name=web')).stdout).toMatch(/\nweb-\w{5} +IPv4 +8080 +10\.\d+\.\d+\.\d+,10\.\d+\.\d+\.\d+ +\S+\n$/);
  });

  it('keeps a terminating pod as not ready but serving, until it is gone', () => {
    const sim = setup();
    sim.create({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'web-1', labels: { app: 'web' } },
      spec: { terminationGracePeriodSeconds: 30, containers: [{ name: 'nginx', image: 'nginx:1.25', ports: [{ name: 'web', containerPort: 8080 }] }] },
    } as KubeObject);
    sim.advance(30_000);
    expect(slicesOf(sim, 'web')[0].endpoints![0].conditions).toEqual({ ready: true, serving: true, terminating: false });
    sim.delete('Pod', 'web-1', 'default');
    sim.advance(100);
    expect(slicesOf(sim, 'web')[0].endpoints![0].conditions).toEqual({ ready: false, serving: true, terminating: true });
    sim.advance(60_000);
    expect(slicesOf(sim, 'web')[0].endpoints).toEqual([]);
  });

  it('goes with its Service', () => {
    const sim = setup();
    sim.advance(100);
    expect(slicesOf(sim, 'web')).toHaveLength(1);
    sim.delete('Service', 'web', 'default');
    sim.advance(5_000);
    expect(slicesOf(sim, 'web')).toEqual([]);
  });

  // endpointslice_controller.go onEndpointSliceDelete: a managed slice deleted while its Service stays queues the
  // Service, whose sync makes a new slice (pod status writes no longer wake it: controller_utils.go podEndpointsChanged)
  it('makes a deleted slice again while its Service stays', () => {
    const sim = setup();
    sim.advance(100);
    const [first] = slicesOf(sim, 'web');
    sim.delete('EndpointSlice', first.metadata!.name!, 'default');
    sim.advance(100);
    const again = slicesOf(sim, 'web');
    expect(again).toHaveLength(1);
    expect(again[0].metadata!.name).not.toBe(first.metadata!.name);
  });

  it('a Service deleted and created again at once gets its own slice with the pods, not the old one\'s (reconciler.go ownedBy)', () => {
    const sim = setup();
    sim.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web-1', labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.25', ports: [{ name: 'web', containerPort: 80 }] }] } } as KubeObject);
    sim.advance(30_000);
    sim.delete('Service', 'web', 'default');
    // the same instant: the garbage collector hasn't removed the old Service's slice yet
    const svc = sim.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 'web' }] } } as KubeObject);
    sim.advance(5_000);
    const slices = slicesOf(sim, 'web');
    expect(slices.map((s) => s.metadata!.ownerReferences![0].uid)).toEqual([svc.metadata!.uid]);
    expect(slices[0].endpoints.map((ep) => ep.conditions?.ready)).toEqual([true]);
  });
});
