/**
 * The live proxy never reads ConfigMaps or Secrets from a real cluster, now that the simulator stores both kinds
 * (lib/k8s/types.ts KINDS). Every request the server's upstream factory can make is recorded by a fake API server:
 * none names configmaps or secrets. The factory builds paths from the registry, so the guarantee is WATCHED_KINDS
 * (checked here) and its type; writes of both kinds are refused by policy (policy.test.ts, apply → 403).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { KubeConfig } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KINDS } from '../k8s/types';
import { clientNodeUpstreams } from './upstream';
import { WATCHED_KINDS } from './upstream-types';

const requested: string[] = [];
let server: http.Server;
let kc: KubeConfig;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    requested.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'application/json' });
    // a list for list calls; a watch gets an empty stream that ends at once
    res.end(req.url?.includes('watch=true') ? '' : JSON.stringify({ kind: 'List', apiVersion: 'v1', metadata: { resourceVersion: '1' }, items: [] }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: 'c', server: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, skipTLSVerify: true }],
    users: [{ name: 'u' }],
    contexts: [{ name: 'x', cluster: 'c', user: 'u' }],
    currentContext: 'x',
  });
});

afterAll(async () => {
  await new Promise((r) => server.close(r));
});

describe('the live proxy and configuration objects', () => {
  it('watches neither kind although the simulator stores both', () => {
    expect(KINDS).toEqual(expect.arrayContaining(['ConfigMap', 'Secret']));
    expect(WATCHED_KINDS).not.toContain('ConfigMap');
    expect(WATCHED_KINDS).not.toContain('Secret');
  });

  it('requests no configmaps or secrets path for any watched kind, list or watch', async () => {
    const upstreams = clientNodeUpstreams(kc);
    for (const kind of WATCHED_KINDS) {
      const up = upstreams(kind, kind === 'Node' ? null : 'default');
      await up.list();
      await new Promise<void>((resolve) => {
        void up.watch('1', { onEvent: () => undefined, onDone: () => resolve() }).then((w) => setTimeout(() => (w.stop(), resolve()), 200));
      });
    }
    expect(requested.length).toBeGreaterThanOrEqual(WATCHED_KINDS.length * 2);
    for (const url of requested) expect(url).not.toMatch(/configmaps|secrets/);
  });
});
