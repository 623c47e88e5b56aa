/**
 * @kubernetes/client-node 2.x against the sim cluster server over plain http (the kubeconfig has
 * insecure-skip-tls-verify): typed list/create, and an informer that keeps its cache right across
 * a compaction (410 Expired → relist).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppsV1Api, CoreV1Api, KubeConfig, makeInformer, type V1Namespace } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimServer, type SimServer } from './index';

let server: SimServer;
let kc: KubeConfig;

beforeAll(async () => {
  const kubeconfig = join(mkdtempSync(join(tmpdir(), 'kubesim-client-node-')), 'kubeconfig');
  server = await startSimServer({ port: 0, seed: 3, workers: 2, kubeconfigPath: kubeconfig, tickMs: 50 });
  kc = new KubeConfig();
  kc.loadFromFile(kubeconfig);
});
afterAll(async () => {
  await server?.close();
});

async function until(check: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('@kubernetes/client-node against the sim cluster', () => {
  it('uses the kubesim context from the written kubeconfig', () => {
    expect(kc.getCurrentContext()).toBe('kubesim');
    expect(kc.getCurrentCluster()).toMatchObject({ name: 'kubesim', server: server.url, skipTLSVerify: true });
  });

  it('lists nodes and creates and reads a deployment with the typed clients', async () => {
    const core = kc.makeApiClient(CoreV1Api);
    const apps = kc.makeApiClient(AppsV1Api);
    const nodes = await core.listNode();
    expect(nodes.items.map((n) => n.metadata?.name)).toEqual(expect.arrayContaining(['worker-1', 'worker-2']));
    await apps.createNamespacedDeployment({
      namespace: 'default',
      body: {
        metadata: { name: 'typed' },
        spec: {
          replicas: 2,
          selector: { matchLabels: { app: 'typed' } },
          template: { metadata: { labels: { app: 'typed' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.25' }] } },
        },
      },
    });
    const read = await apps.readNamespacedDeployment({ name: 'typed', namespace: 'default' });
    expect(read.spec?.replicas).toBe(2);
    await expect(apps.readNamespacedDeployment({ name: 'missing', namespace: 'default' })).rejects.toMatchObject({ code: 404 });
  });

  it('keeps an informer cache current across a 410 Expired (relist)', async () => {
    const core = kc.makeApiClient(CoreV1Api);
    let lists = 0;
    const informer = makeInformer<V1Namespace>(kc, '/api/v1/namespaces', () => {
      lists++;
      return core.listNamespace();
    });
    const added: string[] = [];
    informer.on('add', (ns) => added.push(ns.metadata!.name!));
    await informer.start();
    try {
      await until(() => added.includes('default'));
      await core.createNamespace({ body: { metadata: { name: 'before-compaction' } } });
      await until(() => added.includes('before-compaction'));
      expect(lists).toBe(1);

      // Writes to other kinds move the global resourceVersion past the informer's; compaction
      // then makes its resume point too old.
      await core.createNamespacedPod({ namespace: 'default', body: { metadata: { name: 'bump' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } });
      server.compact();
      await until(() => lists >= 2);

      await core.createNamespace({ body: { metadata: { name: 'after-compaction' } } });
      await until(() => added.includes('after-compaction'));
      expect(informer.list().map((n) => n.metadata?.name)).toEqual(expect.arrayContaining(['default', 'before-compaction', 'after-compaction']));
    } finally {
      await informer.stop();
    }
  });
});
