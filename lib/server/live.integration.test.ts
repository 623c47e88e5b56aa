/**
 * The server side of live mode against the sim cluster server, over the real protocol: client-node lists
 * and watches through the hub, actions go through ClusterActions, and a replaced cluster converges exactly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AppsV1Api, CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { startSimServer, type SimServer } from '../simserver';
import type { ObjectResponse } from '../cluster/live-protocol';
import { ClusterActions } from './cluster-actions';
import { handleObjectRequest, objectReadLimiter, podReader } from './object-route';
import { RegistryApi } from './registry-api';
import { parseSecuritySettings } from './security-settings';
import { feedsFor } from './runtime';
import { LIST_PAGE_SIZE, Reflector } from './reflector';
import { clientNodeUpstreams } from './upstream';
import { WatchHub, type HubEvent } from './watch-hub';

const until = async (cond: () => boolean, ms = 15_000) => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
};

let sim: SimServer;
let kc: KubeConfig;
let hub: WatchHub;
const kubeconfigPath = path.join(mkdtempSync(path.join(tmpdir(), 'live-it-')), 'kubeconfig');

beforeAll(async () => {
  sim = await startSimServer({ port: 0, seed: 7, workers: 2, kubeconfigPath, speed: 20 });
  kc = new KubeConfig();
  kc.loadFromFile(kubeconfigPath);
  hub = new WatchHub({ factory: clientNodeUpstreams(kc), lingerMs: 1_000 });
});

afterAll(async () => {
  hub?.close();
  await sim?.close();
});

const podNames = (objects: { kind?: string; metadata?: { name?: string; namespace?: string } }[]) =>
  objects.filter((o) => o.kind === 'Pod').map((o) => o.metadata?.name).sort();

describe('live mode against the sim cluster', () => {
  it('lists nodes, streams a scale through the shared hub, and keeps one watch per feed', async () => {
    const feeds = feedsFor(['default']);
    const events: HubEvent[] = [];
    const unsub = hub.subscribe(feeds, { onEvent: (e) => events.push(e), onHealth: () => {} });
    const unsub2 = hub.subscribe(feeds, { onEvent: () => {}, onHealth: () => {} });
    await hub.whenSynced(feeds, 10_000);
    expect(hub.health(feeds)).toMatchObject({ ok: true, synced: true });
    expect(hub.upstreamWatchCount()).toBe(7);
    const nodes = hub.snapshot(feeds).objects.filter((o) => o.kind === 'Node');
    expect(nodes.length).toBeGreaterThanOrEqual(3);

    const actions = new ClusterActions(kc);
    await actions.run({
      action: 'apply',
      manifest: {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'web', namespace: 'default' },
        spec: {
          replicas: 2,
          selector: { matchLabels: { app: 'web' } },
          template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27', env: [{ name: 'PW', value: 'hunter2' }] }] } },
        },
      } as never,
    });
    await until(() => podNames(hub.snapshot(feeds).objects).length === 2);
    await actions.run({ action: 'scale', kind: 'Deployment', namespace: 'default', name: 'web', replicas: 4 });
    await until(() => podNames(hub.snapshot(feeds).objects).length === 4);
    expect(events.some((e) => e.kind === 'Deployment' && (e.object as { spec?: { replicas?: number } }).spec?.replicas === 4)).toBe(true);
    expect(JSON.stringify(hub.snapshot(feeds).objects)).not.toContain('hunter2');
    unsub();
    unsub2();
  });

  it('lists a collection bigger than a page through client-node in pages, and holds every object of it', async () => {
    // the API concepts doc, "Retrieving large results sets in chunks": a page ends with metadata.continue while
    // items remain; client-go's reflector lists so through its pager (500 a page). client-node's deserializer used
    // to drop ListMeta's continue, which ended every list after its first page.
    const total = LIST_PAGE_SIZE * 2 + 3;
    sim.sim.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'big' } } as never);
    for (let i = 0; i < total; i++) sim.sim.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: `many-${i}`, namespace: 'big' }, spec: { ports: [{ port: 80 }] } } as never);
    const seen: string[] = [];
    const r = new Reflector('Service', 'big', clientNodeUpstreams(kc)('Service', 'big'), { onChange: (c) => seen.push(c.key), onHealth: () => {} });
    r.start();
    await until(() => r.synced);
    r.stop();
    expect(r.objects.size).toBe(total);
    expect(new Set(seen).size).toBe(total);
  });

  it('reads one pod in full through GET /api/cluster/object: defaults as the cluster stores them, env values stripped', async () => {
    const pod = podNames(hub.snapshot(feedsFor(['default'])).objects)[0]!;
    const deps = { cluster: { namespaces: ['default'] }, readPod: podReader(RegistryApi.forKubeConfig(kc)), security: parseSecuritySettings({}), limiter: objectReadLimiter() };
    const res = await handleObjectRequest(new Request(`http://app/api/cluster/object?kind=Pod&namespace=default&name=${pod}`), deps);
    const body = (await res.json()) as ObjectResponse;
    expect(res.status).toBe(200);
    expect(body).toMatchObject({ ok: true, object: { kind: 'Pod', metadata: { name: pod }, spec: { restartPolicy: 'Always', dnsPolicy: 'ClusterFirst' } } });
    expect(JSON.stringify(body)).not.toContain('hunter2');
    const gone = await handleObjectRequest(new Request('http://app/api/cluster/object?kind=Pod&namespace=default&name=nope'), deps);
    expect(gone.status).toBe(404);
  });

  it('set image and rollout undo change only the image and keep env values the browser never saw', async () => {
    const apps = kc.makeApiClient(AppsV1Api);
    const actions = new ClusterActions(kc);
    const container = async () => (await apps.readNamespacedDeployment({ name: 'web', namespace: 'default' })).spec!.template.spec!.containers[0];
    await actions.run({ action: 'set-image', kind: 'Deployment', namespace: 'default', name: 'web', container: 'nginx', image: 'nginx:1.28' });
    expect(await container()).toMatchObject({ image: 'nginx:1.28', env: [{ name: 'PW', value: 'hunter2' }] });
    const revisionTwo = async () =>
      (await apps.listNamespacedReplicaSet({ namespace: 'default' })).items.some((rs) => rs.metadata?.annotations?.['deployment.kubernetes.io/revision'] === '2');
    const end = Date.now() + 15_000;
    while (!(await revisionTwo()) && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
    await actions.run({ action: 'rollout-undo', namespace: 'default', name: 'web' });
    expect(await container()).toMatchObject({ image: 'nginx:1.27', env: [{ name: 'PW', value: 'hunter2' }] });
    await expect(actions.run({ action: 'rollout-undo', namespace: 'default', name: 'web', toRevision: 99 })).rejects.toThrow(/99/);
  });

  it('addresses every action by the registry path and answers in kubectl words', async () => {
    const actions = new ClusterActions(kc);
    const core = kc.makeApiClient(CoreV1Api);
    const apps = kc.makeApiClient(AppsV1Api);
    const svc = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web-svc', namespace: 'default' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } };
    expect((await actions.run({ action: 'apply', manifest: svc as never })).message).toBe('service/web-svc created');
    expect((await actions.run({ action: 'apply', manifest: svc as never })).message).toBe('service/web-svc configured');
    const patched = await actions.run({ action: 'patch', kind: 'Service', namespace: 'default', name: 'web-svc', patchType: 'merge', patch: { metadata: { labels: { tier: 'front' } } } });
    expect(patched.message).toBe('service/web-svc patched');
    expect(patched.object?.metadata?.labels).toEqual({ tier: 'front' });
    const node = (await core.listNode()).items[0].metadata!.name!;
    expect((await actions.run({ action: 'cordon', name: node })).message).toBe(`node/${node} cordoned`);
    expect((await core.readNode({ name: node })).spec?.unschedulable).toBe(true);
    await actions.run({ action: 'uncordon', name: node });
    expect((await core.readNode({ name: node })).spec?.unschedulable).toBeUndefined();
    // a pod the Deployment keeps: one of its newest ReplicaSet's, not terminating (an older set's pods may be
    // deleted by the rollout itself — the previous test's undo — before this request reaches the server)
    const kept = async () => {
      const sets = (await apps.listNamespacedReplicaSet({ namespace: 'default' })).items;
      const revision = (rs: (typeof sets)[number]) => Number(rs.metadata?.annotations?.['deployment.kubernetes.io/revision'] ?? 0);
      const newest = sets.reduce((a, b) => (revision(b) > revision(a) ? b : a)).metadata?.uid;
      const pods = (await core.listNamespacedPod({ namespace: 'default' })).items;
      return pods.find((p) => !p.metadata?.deletionTimestamp && p.metadata?.ownerReferences?.some((o) => o.uid === newest))?.metadata?.name;
    };
    // The rollout may still remove the pod between the list and the delete (a pod not yet on a node goes at once, with
    // no grace period): a 404 for a pod that is gone from the list means try the next one.
    const end = Date.now() + 15_000;
    let deleted: { pod: string; message: string } | null = null;
    while (!deleted && Date.now() < end) {
      const pod = await kept();
      if (!pod) {
        await new Promise((r) => setTimeout(r, 100));
        continue;
      }
      try {
        deleted = { pod, message: (await actions.run({ action: 'delete-pod', namespace: 'default', name: pod })).message };
      } catch (e) {
        if ((e as { code?: number }).code !== 404) throw e;
      }
    }
    expect(deleted).not.toBeNull();
    expect(deleted!.message).toBe(`pod "${deleted!.pod}" deleted`);
    // the API server's own Status comes back through the same path
    await expect(actions.run({ action: 'delete-pod', namespace: 'default', name: 'nope' })).rejects.toMatchObject({ code: 404 });
    expect((await actions.run({ action: 'rollout-pause', namespace: 'default', name: 'web' })).message).toBe('deployment.apps/web paused');
    expect((await actions.run({ action: 'rollout-resume', namespace: 'default', name: 'web' })).message).toBe('deployment.apps/web resumed');
    expect((await actions.run({ action: 'rollout-restart', namespace: 'default', name: 'web' })).message).toBe('deployment.apps/web restarted');
  });

  it('converges to exactly the pods of a cluster restarted on the same address', async () => {
    const feeds = feedsFor(['default']);
    const unsub = hub.subscribe(feeds, { onEvent: () => {}, onHealth: () => {} });
    await hub.whenSynced(feeds, 10_000);
    expect(podNames(hub.snapshot(feeds).objects).length).toBeGreaterThan(0);
    const port = sim.port;
    await sim.close();
    await until(() => !hub.health(feeds).ok);
    sim = await startSimServer({ port, seed: 7, workers: 2, speed: 20 });
    const actions = new ClusterActions(kc);
    await actions.run({ action: 'apply', manifest: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'solo', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'busybox' }] } } as never });
    await until(() => hub.health(feeds).ok, 40_000);
    await until(() => podNames(hub.snapshot(feeds).objects).join() === 'solo', 40_000);
    unsub();
  }, 90_000);
});
