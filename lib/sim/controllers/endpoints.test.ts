import { describe, expect, it } from 'vitest';
import type { V1Endpoints, V1Pod, V1PodStatus, V1Service } from '../../k8s/api-types';
import { isStatusError, type KubeObject } from '../../k8s/types';
import { createSimulator } from '../index';
import type { Simulator } from '../types';
import { deploymentManifest, podsOf } from '../testing';
import { Engine } from '../engine';
import { DEFAULT_TIMINGS } from '../timings';
import { ENDPOINTS, EndpointsController, podEndpointsChanged } from './endpoints';
import { ENDPOINTSLICE, EndpointSliceController } from './endpointslice';

const svc = (name: string, spec: Record<string, unknown>): KubeObject => ({ apiVersion: 'v1', kind: 'Service', metadata: { name }, spec }) as V1Service;
const ips = (sim: Simulator, name: string) => ((sim.get('Endpoints', name) as V1Endpoints).subsets?.[0]?.addresses ?? []).map((a) => a.ip).sort();

describe('services and endpoints', () => {
  it('allocates a ClusterIP in 10.96.0.0/12 and a NodePort in 30000-32767', () => {
    const sim = createSimulator({ seed: 51 });
    const a = sim.create(svc('a', { selector: { app: 'web' }, ports: [{ port: 80 }] })) as V1Service;
    const b = sim.create(svc('b', { type: 'NodePort', selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }] })) as V1Service;
    for (const s of [a, b]) {
      const [o1, o2] = s.spec!.clusterIP!.split('.').map(Number);
      expect(o1).toBe(10);
      expect(o2 >= 96 && o2 <= 111).toBe(true);
    }
    expect(a.spec!.clusterIP).not.toBe(b.spec!.clusterIP);
    expect(a.spec!.ports![0]).toEqual({ port: 80, protocol: 'TCP', targetPort: 80 });
    const np = b.spec!.ports![0].nodePort!;
    expect(np >= 30000 && np <= 32767).toBe(true);
    let err: unknown;
    try {
      sim.create(svc('c', { type: 'NodePort', ports: [{ port: 80, nodePort: np }] }));
    } catch (e) {
      err = e;
    }
    expect(isStatusError(err) && err.message).toContain(`spec.ports[0].nodePort: Invalid value: ${np}: provided port is already allocated`);
  });

  it('keeps endpoints equal to the ready pods matching the selector, live', () => {
    const sim = createSimulator({ seed: 52 });
    sim.create(svc('web', { selector: { app: 'web' }, ports: [{ port: 80 }] }));
    sim.advance(100);
    expect((sim.get('Endpoints', 'web') as V1Endpoints).subsets).toBeUndefined();
    sim.create(deploymentManifest({ replicas: 3 }));
    sim.advance(2_000);
    const pending = sim.get('Endpoints', 'web') as V1Endpoints;
    expect(pending.subsets?.[0].addresses).toBeUndefined();
    expect(pending.subsets?.[0].notReadyAddresses).toHaveLength(3);
    sim.advance(10_000);
    const podIps = podsOf(sim).map((p) => p.status!.podIP!).sort();
    expect(ips(sim, 'web')).toEqual(podIps);
    expect((sim.get('Endpoints', 'web') as V1Endpoints).subsets![0].ports).toEqual([{ port: 80, protocol: 'TCP' }]);
    sim.patch('Deployment', 'web', 'default', { spec: { replicas: 1 } }, 'merge');
    sim.advance(100);
    expect(ips(sim, 'web')).toHaveLength(1);
    sim.delete('Service', 'web');
    sim.advance(100);
    expect(() => sim.get('Endpoints', 'web')).toThrow('endpoints "web" not found');
  });

  // pkg/controller/nodelifecycle/node_lifecycle_controller.go → MarkPodsNotReady (pkg/controller/util/node/controller_utils.go)
  // sets only the pods' Ready condition to False; the endpoints controller (pkg/controller/endpoint) lists pods that are
  // not ready under notReadyAddresses, so the Service stops sending them traffic.
  it('moves the pods of a NotReady node to notReadyAddresses, and back when it recovers', () => {
    const sim = createSimulator({ seed: 53 });
    sim.create(svc('web', { selector: { app: 'web' }, ports: [{ port: 80 }] }));
    sim.create(deploymentManifest({ replicas: 4 }));
    sim.advance(10_000);
    const onNode = podsOf(sim).filter((p) => p.spec!.nodeName === 'worker-1');
    const lost = onNode.map((p) => p.status!.podIP!).sort();
    expect(lost.length).toBeGreaterThan(0);
    sim.failNode('worker-1');
    sim.advance(sim.timings().nodeMonitorGrace + 100);
    for (const p of podsOf(sim).filter((x) => x.spec!.nodeName === 'worker-1')) {
      expect(p.status!.conditions!.find((c) => c.type === 'Ready')!.status).toBe('False');
      // the controller leaves the kubelet's container statuses as they were (kubectl's READY column counts those)
      expect(p.status!.containerStatuses![0].ready).toBe(true);
    }
    const ep = sim.get('Endpoints', 'web') as V1Endpoints;
    expect((ep.subsets![0].notReadyAddresses ?? []).map((a) => a.ip).sort()).toEqual(lost);
    expect(ips(sim, 'web')).toHaveLength(4 - lost.length);
    sim.recoverNode('worker-1');
    sim.advance(1_000);
    expect(ips(sim, 'web')).toHaveLength(4);
  });
});

// staging/src/k8s.io/endpointslice/util/controller_utils.go podEndpointsChanged / GetPodUpdateProjectionKey: a pod
// update wakes the endpoints and EndpointSlice controllers only when its labels, hostname, deletionTimestamp,
// readiness or IPs changed (plus what these reconcilers read besides: terminal phase, node name, container ports).
describe('pod updates that wake the endpoints controllers', () => {
  const base: V1Pod = {
    metadata: { name: 'p', namespace: 'default', labels: { app: 'web' } },
    spec: { nodeName: 'worker-1', containers: [{ name: 'c', image: 'nginx' }] },
    status: { phase: 'Running', podIP: '10.244.1.5', podIPs: [{ ip: '10.244.1.5' }], conditions: [{ type: 'Ready', status: 'True' }] },
  };
  const withStatus = (s: Partial<V1PodStatus>): V1Pod => ({ ...base, status: { ...base.status, ...s } });

  it('ignores a status write that leaves labels, readiness, IPs, phase and spec as they were', () => {
    expect(podEndpointsChanged(base, withStatus({ containerStatuses: [{ name: 'c', image: 'nginx', imageID: '', ready: true, restartCount: 1 }] }))).toBe(false);
    expect(podEndpointsChanged(base, { ...base, metadata: { ...base.metadata, labels: { app: 'web' } } })).toBe(false);
    expect(podEndpointsChanged(base, withStatus({ podIPs: [{ ip: '10.244.1.5' }] }))).toBe(false);
  });

  it('sees label, deletion, readiness, IP, phase and spec changes', () => {
    expect(podEndpointsChanged(base, { ...base, metadata: { ...base.metadata, labels: { app: 'api' } } })).toBe(true);
    expect(podEndpointsChanged(base, { ...base, metadata: { ...base.metadata, deletionTimestamp: '2024-01-01T00:00:00Z' } })).toBe(true);
    expect(podEndpointsChanged(base, withStatus({ conditions: [{ type: 'Ready', status: 'False' }] }))).toBe(true);
    expect(podEndpointsChanged(base, withStatus({ podIP: '10.244.1.6', podIPs: [{ ip: '10.244.1.6' }] }))).toBe(true);
    expect(podEndpointsChanged(base, withStatus({ podIPs: [{ ip: '10.244.1.5' }, { ip: 'fd00::5' }] }))).toBe(true);
    expect(podEndpointsChanged(base, withStatus({ phase: 'Failed' }))).toBe(true);
    expect(podEndpointsChanged(base, { ...base, spec: { ...base.spec!, hostname: 'db-0' } })).toBe(true);
  });

  it('queues the selecting Service for a relevant pod change only, and again when its Endpoints are deleted', () => {
    const e = new Engine(1, 0, DEFAULT_TIMINGS);
    e.register(new EndpointsController());
    e.createObject('Service', { metadata: { name: 'web', namespace: 'default' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } } as V1Service);
    const pod = e.createObject<V1Pod>('Pod', base);
    e.runQueues();
    expect(e.get<V1Endpoints>('Endpoints', 'default/web')!.subsets![0].addresses!.map((a) => a.ip)).toEqual(['10.244.1.5']);
    e.updateObject('Pod', { ...pod, status: { ...pod.status, startTime: '2024-01-01T00:00:00Z' } });
    expect(e.queueState()).toEqual({});
    e.updateObject('Pod', { ...pod, status: { ...pod.status, conditions: [{ type: 'Ready', status: 'False' }] } });
    expect(e.queueState()).toEqual({ [ENDPOINTS]: ['default/web'] });
    e.runQueues();
    e.removeObject('Endpoints', 'web', 'default');
    e.runQueues();
    expect(e.get<V1Endpoints>('Endpoints', 'default/web')!.subsets![0].notReadyAddresses!.map((a) => a.ip)).toEqual(['10.244.1.5']);
  });

  // the controllers keep the namespace's selecting Services between pod writes: a Service made, re-pointed or
  // restored after the pod last changed must still be found by the pod's next change
  it('finds Services made, re-pointed or restored after the pod last changed', () => {
    const e = new Engine(1, 0, DEFAULT_TIMINGS);
    e.register(new EndpointsController());
    e.register(new EndpointSliceController());
    const ready = (status: 'True' | 'False') => {
      const pod = e.get<V1Pod>('Pod', 'default/p')!;
      e.updateObject('Pod', { ...pod, status: { ...pod.status, conditions: [{ type: 'Ready', status }] } });
    };
    e.createObject<V1Pod>('Pod', base);
    e.runQueues();
    ready('False');
    expect(e.queueState()).toEqual({});
    const service = e.createObject<V1Service>('Service', { metadata: { name: 'web', namespace: 'default' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } } as V1Service);
    e.runQueues();
    ready('True');
    expect(e.queueState()).toEqual({ [ENDPOINTS]: ['default/web'], [ENDPOINTSLICE]: ['default/web'] });
    e.runQueues();
    e.updateObject('Service', { ...service, spec: { ...service.spec, selector: { app: 'api' } } });
    e.runQueues();
    ready('False');
    expect(e.queueState()).toEqual({});
    // a restore clears the store and loads objects without change hooks
    const pod = e.get<V1Pod>('Pod', 'default/p')!;
    e.store.clear();
    e.store.load('Pod', pod);
    e.store.load('Service', service);
    ready('True');
    expect(e.queueState()).toEqual({ [ENDPOINTS]: ['default/web'], [ENDPOINTSLICE]: ['default/web'] });
  });
});
