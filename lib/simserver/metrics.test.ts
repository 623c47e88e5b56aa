/**
 * metrics.k8s.io/v1beta1 over HTTP, as metrics-server serves it behind the aggregation layer
 * (sigs.k8s.io/metrics-server pkg/api/install.go: `nodes` and `pods`, get and list; pod.go/node.go: NotFound
 * `podmetrics.metrics.k8s.io "ns/name"`, list sorted by namespace and name; table.go: Name, cpu, memory, Window).
 * The engine runs with speed 0 and is advanced by hand, so scrapes land where the test puts them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator } from '../sim';
import type { Simulator } from '../sim/types';
import { startSimServer, type SimServer } from './index';

let server: SimServer;
let sim: Simulator;
beforeAll(async () => {
  sim = createSimulator({ seed: 4, startTime: Date.UTC(2026, 0, 1) });
  server = await startSimServer({ port: 0, sim, speed: 0 });
  sim.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }] } });
  sim.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'db', labels: { app: 'db' } }, spec: { containers: [{ name: 'redis', image: 'redis:7' }] } });
  sim.advance(40_000);
});
afterAll(async () => {
  await server?.close();
});

async function call(method: string, path: string, accept = 'application/json') {
  const res = await fetch(server.url + path, { method, headers: { accept } });
  return { status: res.status, json: (await res.json()) as Record<string, any> };
}

describe('metrics.k8s.io discovery', () => {
  it('lists the group in /apis and its resources under v1beta1', async () => {
    const groups = (await call('GET', '/apis')).json.groups as { name: string; preferredVersion: { groupVersion: string } }[];
    expect(groups.find((g) => g.name === 'metrics.k8s.io')?.preferredVersion.groupVersion).toBe('metrics.k8s.io/v1beta1');
    const list = (await call('GET', '/apis/metrics.k8s.io/v1beta1')).json;
    expect(list).toMatchObject({ kind: 'APIResourceList', groupVersion: 'metrics.k8s.io/v1beta1' });
    expect(list.resources.map((r: { name: string; kind: string; namespaced: boolean; verbs: string[] }) => [r.name, r.kind, r.namespaced, r.verbs.join(',')])).toEqual([
      ['nodes', 'NodeMetrics', false, 'get,list'],
      ['pods', 'PodMetrics', true, 'get,list'],
    ]);
  });
});

describe('PodMetrics and NodeMetrics', () => {
  it('lists pods of a namespace by name, filtered by labels; gets one', async () => {
    const all = (await call('GET', '/apis/metrics.k8s.io/v1beta1/namespaces/default/pods')).json;
    expect(all.kind).toBe('PodMetricsList');
    expect(all.items.map((m: { metadata: { name: string } }) => m.metadata.name)).toEqual(['db', 'web']);
    const web = (await call('GET', '/apis/metrics.k8s.io/v1beta1/namespaces/default/pods?labelSelector=app%3Dweb')).json;
    expect(web.items).toHaveLength(1);
    const one = (await call('GET', '/apis/metrics.k8s.io/v1beta1/namespaces/default/pods/web')).json;
    expect(one).toMatchObject({ kind: 'PodMetrics', apiVersion: 'metrics.k8s.io/v1beta1', metadata: { name: 'web', namespace: 'default' }, window: '15s' });
    expect(one.containers[0]).toMatchObject({ name: 'nginx', usage: { cpu: expect.stringMatching(/^\d+n$/), memory: expect.stringMatching(/^\d+Ki$/) } });
    expect(Date.parse(one.timestamp) % 15_000).toBe(0);
    const everywhere = (await call('GET', '/apis/metrics.k8s.io/v1beta1/pods')).json.items as { metadata: { namespace: string } }[];
    expect(everywhere.some((m) => m.metadata.namespace === 'kube-system')).toBe(true);
  });

  it('NotFound: no such pod, and no metrics yet', async () => {
    const missing = await call('GET', '/apis/metrics.k8s.io/v1beta1/namespaces/default/pods/nope');
    expect(missing).toMatchObject({ status: 404, json: { reason: 'NotFound', message: 'pods "nope" not found' } });
    sim.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'fresh' }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }] } });
    const fresh = await call('GET', '/apis/metrics.k8s.io/v1beta1/namespaces/default/pods/fresh');
    expect(fresh).toMatchObject({ status: 404, json: { reason: 'NotFound', message: 'podmetrics.metrics.k8s.io "default/fresh" not found' } });
  });

  it('nodes: list and get; read-only; a Table for kubectl get', async () => {
    const nodes = (await call('GET', '/apis/metrics.k8s.io/v1beta1/nodes')).json;
    expect(nodes.items.map((n: { metadata: { name: string } }) => n.metadata.name)).toEqual(['control-plane', 'worker-1', 'worker-2']);
    expect((await call('GET', '/apis/metrics.k8s.io/v1beta1/nodes/worker-1')).json).toMatchObject({ kind: 'NodeMetrics', usage: { cpu: expect.any(String), memory: expect.any(String) } });
    expect((await call('POST', '/apis/metrics.k8s.io/v1beta1/nodes')).status).toBe(405);
    expect((await call('GET', '/apis/metrics.k8s.io/v1beta1/namespaces/default/nodes')).status).toBe(404);
    expect((await call('GET', '/apis/metrics.k8s.io/v1beta1/namespaces/%zz/pods/web')).status).toBe(400);
    const table = (await call('GET', '/apis/metrics.k8s.io/v1beta1/namespaces/default/pods', 'application/json;as=Table;v=v1;g=meta.k8s.io')).json;
    expect(table.columnDefinitions.map((c: { name: string }) => c.name)).toEqual(['Name', 'cpu', 'memory', 'Window']);
    expect(table.rows[0].cells[0]).toBe('db');
  });
});
