import { describe, expect, it } from 'vitest';
import type { V1Deployment, V1Node, V1Pod, V1Service } from '../k8s/api-types';
import { isStatusError, type KubeObject } from '../k8s/types';
import { createSimulator } from './index';
import type { SimWatchEvent } from './types';
import { advanceUntil, deploymentManifest, isReady, podsOf } from './testing';

const catchStatus = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    if (isStatusError(e)) return e;
    throw e;
  }
  throw new Error('expected a StatusError');
};

describe('default cluster', () => {
  const sim = createSimulator({ seed: 1 });
  it('has kubeadm-style nodes, the control-plane taint and namespaces', () => {
    const nodes = sim.list('Node').items as V1Node[];
    expect(nodes.map((n) => n.metadata!.name)).toEqual(['control-plane', 'worker-1', 'worker-2']);
    expect(nodes[0].spec!.taints).toEqual([{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }]);
    expect(nodes[1].status!.allocatable).toMatchObject({ cpu: '2', memory: '4Gi', pods: '110' });
    expect(nodes.every((n) => n.status!.conditions!.find((c) => c.type === 'Ready')!.status === 'True')).toBe(true);
    expect(sim.list('Namespace').items.map((n) => n.metadata!.name)).toEqual(['default', 'kube-node-lease', 'kube-public', 'kube-system']);
  });
  it('runs the kube-system pods with kubeadm names', () => {
    const names = podsOf(sim, 'kube-system').map((p) => p.metadata!.name!);
    for (const c of ['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler']) expect(names).toContain(`${c}-control-plane`);
    expect(names.filter((n) => /^kube-proxy-[bcdfghjklmnpqrstvwxz2456789]{5}$/.test(n))).toHaveLength(3);
    expect(names.filter((n) => /^calico-node-[bcdfghjklmnpqrstvwxz2456789]{5}$/.test(n))).toHaveLength(3);
    expect(names.filter((n) => /^coredns-[bcdfghjklmnpqrstvwxz2456789]{6,10}-[bcdfghjklmnpqrstvwxz2456789]{5}$/.test(n))).toHaveLength(2);
    expect(podsOf(sim, 'kube-system').every(isReady)).toBe(true);
  });
  it('has the kubernetes and kube-dns services', () => {
    expect((sim.get('Service', 'kubernetes') as V1Service).spec!.clusterIP).toBe('10.96.0.1');
    expect((sim.get('Service', 'kube-dns', 'kube-system') as V1Service).spec!.clusterIP).toBe('10.96.0.10');
    const ep = sim.get('Endpoints', 'kube-dns', 'kube-system') as { subsets?: { addresses?: unknown[] }[] };
    expect(ep.subsets![0].addresses).toHaveLength(2);
  });
  it('starts at the fixed default time', () => {
    expect(new Date(sim.now()).toISOString()).toBe('2025-01-15T00:00:00.000Z');
  });
  it('honours the cluster config', () => {
    const small = createSimulator({ cluster: { workers: 4, systemPods: false, workerCapacity: { cpu: '4' } } });
    expect(small.list('Node').items).toHaveLength(5);
    expect(podsOf(small, 'kube-system')).toHaveLength(0);
    expect((small.get('Node', 'worker-4') as V1Node).status!.capacity!.cpu).toBe('4');
  });
});

describe('object store API', () => {
  it('sets server metadata like the API server', () => {
    const sim = createSimulator();
    const d = sim.create(deploymentManifest()) as V1Deployment;
    expect(d.metadata!.uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(d.metadata!.creationTimestamp).toBe('2025-01-15T00:00:00Z');
    expect(d.metadata!.generation).toBe(1);
    expect(d.metadata!.namespace).toBe('default');
    expect(Number(d.metadata!.resourceVersion)).toBeGreaterThan(0);
    expect(d.spec!.strategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } });
    expect(d.spec!.revisionHistoryLimit).toBe(10);
    expect(d.spec!.progressDeadlineSeconds).toBe(600);
  });

  it('bumps generation on spec changes only and detects conflicts', () => {
    const sim = createSimulator();
    const d = sim.create(deploymentManifest()) as V1Deployment;
    const labelled = sim.patch('Deployment', 'web', 'default', { metadata: { labels: { team: 'a' } } }, 'merge');
    expect(labelled.metadata!.generation).toBe(1);
    const scaled = sim.patch('Deployment', 'web', 'default', { spec: { replicas: 5 } }, 'merge');
    expect(scaled.metadata!.generation).toBe(2);
    const err = catchStatus(() => sim.update({ ...d, spec: { ...d.spec!, replicas: 1 } } as KubeObject));
    expect(err.code).toBe(409);
    expect(err.message).toBe('Operation cannot be fulfilled on deployments.apps "web": the object has been modified; please apply your changes to the latest version and try again');
  });

  it('supports merge, strategic (containers by name) and JSON patches', () => {
    const sim = createSimulator();
    sim.create(deploymentManifest());
    sim.patch('Deployment', 'web', undefined, { spec: { template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } } } }, 'strategic');
    let d = sim.get('Deployment', 'web') as V1Deployment;
    expect(d.spec!.template.spec!.containers).toHaveLength(1);
    expect(d.spec!.template.spec!.containers[0]).toMatchObject({ name: 'nginx', image: 'nginx:1.27', imagePullPolicy: 'IfNotPresent' });
    sim.patch('Deployment', 'web', undefined, [{ op: 'replace', path: '/spec/replicas', value: 7 }], 'json');
    d = sim.get('Deployment', 'web') as V1Deployment;
    expect(d.spec!.replicas).toBe(7);
    const bad = catchStatus(() => sim.patch('Deployment', 'web', undefined, [{ op: 'replace', path: '/spec/nope/x', value: 1 }], 'json'));
    expect(bad.code).toBe(400);
  });

  it('lists with label and field selectors, sorted by name', () => {
    const sim = createSimulator({ seed: 3 });
    sim.create(deploymentManifest({ replicas: 2 }));
    sim.create(deploymentManifest({ name: 'api', replicas: 1 }));
    sim.advance(10_000);
    expect(podsOf(sim, 'default', 'app=web')).toHaveLength(2);
    expect(podsOf(sim, 'default', 'app in (web,api)')).toHaveLength(3);
    expect(podsOf(sim, 'default', 'app!=web')).toHaveLength(1);
    const onW1 = sim.list('Pod', undefined, { fieldSelector: 'spec.nodeName=worker-1' }).items as V1Pod[];
    expect(onW1.length).toBeGreaterThan(0);
    expect(onW1.every((p) => p.spec!.nodeName === 'worker-1')).toBe(true);
    const names = podsOf(sim).map((p) => p.metadata!.name!);
    expect(names).toEqual([...names].sort());
    expect(catchStatus(() => sim.list('Pod', 'default', { labelSelector: 'app in' })).code).toBe(400);
    expect(catchStatus(() => sim.list('Pod', 'default', { fieldSelector: 'spec.foo=1' })).message).toBe('field label not supported: spec.foo');
  });

  it('returns copies: mutating results does not change the store', () => {
    const sim = createSimulator();
    const d = sim.create(deploymentManifest()) as V1Deployment;
    d.spec!.replicas = 99;
    expect((sim.get('Deployment', 'web') as V1Deployment).spec!.replicas).toBe(3);
  });

  it('deletes pods gracefully (Terminating, then gone) and owners in the background', () => {
    const sim = createSimulator();
    sim.create(deploymentManifest({ replicas: 2 }));
    sim.advance(10_000);
    const victim = podsOf(sim)[0].metadata!.name!;
    const terminating = sim.delete('Pod', victim) as V1Pod;
    expect(terminating.metadata!.deletionTimestamp).toBeDefined();
    expect(terminating.metadata!.deletionGracePeriodSeconds).toBe(30);
    sim.advance(5_000);
    expect(podsOf(sim).map((p) => p.metadata!.name)).not.toContain(victim);
    expect(podsOf(sim)).toHaveLength(2); // replaced by the ReplicaSet
    sim.delete('Deployment', 'web');
    expect(() => sim.get('Deployment', 'web')).toThrow('deployments.apps "web" not found');
    sim.advance(10_000);
    expect(sim.list('ReplicaSet', 'default').items).toHaveLength(0);
    expect(podsOf(sim)).toHaveLength(0);
  });

  it('orphans dependents with propagationPolicy=Orphan', () => {
    const sim = createSimulator();
    sim.create(deploymentManifest({ replicas: 1 }));
    sim.advance(10_000);
    sim.delete('Deployment', 'web', 'default', { propagationPolicy: 'Orphan' });
    sim.advance(10_000);
    const rs = sim.list('ReplicaSet', 'default').items;
    expect(rs).toHaveLength(1);
    expect(rs[0].metadata!.ownerReferences).toBeUndefined();
  });

  it('deletes a namespace with everything in it', () => {
    const sim = createSimulator();
    sim.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } });
    sim.create(deploymentManifest({ namespace: 'shop', replicas: 2 }));
    sim.advance(10_000);
    expect(podsOf(sim, 'shop')).toHaveLength(2);
    sim.delete('Namespace', 'shop');
    expect((sim.get('Namespace', 'shop') as { status?: { phase?: string } }).status!.phase).toBe('Terminating');
    expect(catchStatus(() => sim.create(deploymentManifest({ name: 'late', namespace: 'shop' }))).code).toBe(403);
    sim.advance(30_000);
    expect(() => sim.get('Namespace', 'shop')).toThrow('namespaces "shop" not found');
    expect(catchStatus(() => sim.delete('Namespace', 'default')).code).toBe(403);
  });
});

describe('watch and subscribe', () => {
  it('emits ADDED/MODIFIED/DELETED and replays from a resourceVersion', () => {
    const sim = createSimulator();
    const rv = sim.resourceVersion();
    const seen: string[] = [];
    const w = sim.watch('Deployment', { namespace: 'default' }, (ev) => seen.push(`${ev.type} ${ev.object.metadata!.name}`));
    sim.create(deploymentManifest());
    sim.patch('Deployment', 'web', 'default', { spec: { replicas: 1 } }, 'merge');
    sim.delete('Deployment', 'web');
    w.stop();
    expect(seen[0]).toBe('ADDED web');
    expect(seen).toContain('MODIFIED web');
    expect(seen[seen.length - 1]).toBe('DELETED web');
    const replay: string[] = [];
    sim.watch('Deployment', { resourceVersion: rv }, (ev) => replay.push(ev.type)).stop();
    expect(replay[0]).toBe('ADDED');
    expect(replay[replay.length - 1]).toBe('DELETED');
  });

  it('answers Expired for a resourceVersion older than the log', () => {
    const sim = createSimulator();
    sim.create(deploymentManifest({ replicas: 60 }));
    sim.advance(60_000);
    sim.patch('Deployment', 'web', 'default', { spec: { replicas: 0 } }, 'merge');
    sim.advance(60_000);
    for (let i = 0; i < 400 && Number(sim.resourceVersion()) < 40_000; i++) {
      sim.patch('Deployment', 'web', 'default', { spec: { replicas: i % 2 ? 60 : 0 } }, 'merge');
      sim.advance(60_000);
    }
    const err = catchStatus(() => sim.watch('Pod', { resourceVersion: '1' }, () => {}));
    expect(err.code).toBe(410);
    expect(err.reason).toBe('Expired');
  });

  it('delivers every change in order, with a cause, in batches', () => {
    const sim = createSimulator();
    const batches: SimWatchEvent[][] = [];
    sim.subscribe((b) => batches.push(b));
    sim.create(deploymentManifest({ replicas: 2 }));
    expect(batches).toHaveLength(1);
    expect(batches[0][0].cause).toEqual({ actor: 'kubectl', message: 'kubectl: 디플로이먼트 web 생성', hop: 'apiserver' });
    sim.advance(10_000);
    const all = batches.flat();
    const rvs = all.map((e) => Number(e.object.metadata!.resourceVersion));
    expect(rvs).toEqual([...rvs].sort((a, b) => a - b));
    expect(all.every((e) => e.cause && e.cause.message.length > 0)).toBe(true);
  });

  it('lets a callback write back into the simulator', () => {
    const sim = createSimulator();
    sim.subscribe((b) => {
      if (b.some((e) => e.kind === 'Deployment' && e.type === 'ADDED')) sim.patch('Deployment', 'web', 'default', { metadata: { labels: { seen: 'yes' } } }, 'merge');
    });
    sim.create(deploymentManifest());
    expect(sim.get('Deployment', 'web').metadata!.labels).toEqual({ seen: 'yes' });
  });
});

describe('time', () => {
  it('moves only with advance()', () => {
    const sim = createSimulator();
    const t = sim.now();
    sim.create(deploymentManifest({ replicas: 1 }));
    expect(sim.now()).toBe(t);
    expect(podsOf(sim)).toHaveLength(0); // controllers run inside advance
    sim.advance(0);
    expect(podsOf(sim)).toHaveLength(1);
    const took = advanceUntil(sim, () => podsOf(sim).every(isReady), { step: 100 });
    expect(sim.now()).toBe(t + took);
    expect(took).toBe(sim.timings().schedule + sim.timings().imagePull + sim.timings().containerStart + sim.timings().readinessDelay);
  });

  it('a settled cluster does no work: in an hour only each kubelet writes, its node status every 5 minutes', () => {
    // kubernetes.io/docs/concepts/architecture/nodes/#node-heartbeats: the kubelet updates the Node's .status when it
    // changes or when it has not for the report interval (nodeStatusReportFrequency, 5 min by default)
    const sim = createSimulator({ seed: 4 });
    sim.create(deploymentManifest({ replicas: 5 }));
    sim.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } });
    sim.advance(60_000);
    const writes: string[] = [];
    sim.subscribe((batch) => writes.push(...batch.map((ev) => `${ev.type} ${ev.kind}`)));
    const nodes = sim.list('Node').items.length;
    sim.advance(3_600_000);
    expect(nodes).toBe(3);
    expect(writes).toEqual(Array.from({ length: 12 * 3 }, () => 'MODIFIED Node'));
  });

  it('work caused by a subscriber during advance runs within the same advance', () => {
    const sim = createSimulator({ seed: 5 });
    let created = false;
    sim.subscribe((b) => {
      if (!created && b.some((e) => e.kind === 'Pod' && e.object.metadata!.namespace === 'default' && isReady(e.object as V1Pod))) {
        created = true;
        sim.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'late' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } });
      }
    });
    sim.create(deploymentManifest({ replicas: 1 }));
    sim.advance(60_000);
    const ep = sim.get('Endpoints', 'late') as { subsets?: { addresses?: unknown[] }[] };
    expect(ep.subsets?.[0].addresses).toHaveLength(1);
  });
});
