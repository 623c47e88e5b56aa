import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { KubeConfig } from '@kubernetes/client-node';
import { clientNodeUpstreams } from './upstream';

let server: Server | null = null;
afterEach(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

/** An API server that answers every list after `delayMs`, as a busy one does with 20,000 pods. */
const LISTED_POD = { metadata: { name: 'p', namespace: 'default', creationTimestamp: '2026-12-01T10:00:00Z' }, status: { startTime: '2026-12-01T10:00:01Z' } };
async function slowApiServer(delayMs: number): Promise<KubeConfig> {
  server = createServer((req, res) => {
    setTimeout(() => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ kind: 'PodList', apiVersion: 'v1', metadata: { resourceVersion: '42' }, items: [LISTED_POD] }));
    }, delayMs);
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', () => r()));
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: 'c', server: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, skipTLSVerify: true }],
    users: [{ name: 'u' }],
    contexts: [{ name: 'x', cluster: 'c', user: 'u' }],
    currentContext: 'x',
  });
  return kc;
}

describe('clientNodeUpstreams list', () => {
  it('waits longer than a single call’s 5 s deadline for a big list', async () => {
    // With the 5 s call deadline this list failed with a TimeoutError and the reflector never synced.
    const kc = await slowApiServer(5_500);
    const list = await clientNodeUpstreams(kc)('Pod', 'default').list();
    expect(list.resourceVersion).toBe('42');
    expect(list.items).toHaveLength(1);
  }, 20_000);

  it('gives the items as the server sent them (plain JSON, timestamps as strings), owned by the caller', async () => {
    // client-node's own list methods convert every item to its model classes (Dates for timestamps): 20,000 pods
    // copied once more, then turned back to JSON by the projection
    const kc = await slowApiServer(0);
    const upstream = clientNodeUpstreams(kc)('Pod', 'default');
    const list = await upstream.list();
    expect(list.items).toEqual([LISTED_POD]);
    expect(upstream.ownsObjects).toBe(true);
  });
});
