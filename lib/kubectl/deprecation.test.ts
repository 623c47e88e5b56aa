/**
 * v1 Endpoints is deprecated from v1.33 (core/v1 types.go: +k8s:prerelease-lifecycle-gen:deprecated=1.33,
 * replacement discovery.k8s.io/v1 EndpointSlice); the API server's warning text comes from
 * staging/src/k8s.io/apiserver/pkg/endpoints/deprecation/deprecation.go and kubectl prints it once per command.
 */
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../k8s/types';
import { FakeClusterClient } from './testing/fake-client';
import { kubectl } from './testing/run';

const WARNING = 'Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n';

function clientAt(version: string): FakeClusterClient {
  const client = new FakeClusterClient();
  client.info = () => ({ mode: 'sim', version, writable: true });
  client.seed('Endpoints', { metadata: { name: 'web', namespace: 'default' }, subsets: [{ addresses: [{ ip: '10.244.1.2' }], ports: [{ port: 80 }] }] } as KubeObject);
  client.seed('Service', { metadata: { name: 'web', namespace: 'default' }, spec: { selector: { app: 'web' }, ports: [{ port: 8000, targetPort: 80 }], clusterIP: '10.96.0.10', clusterIPs: ['10.96.0.10'] } } as KubeObject);
  return client;
}

describe('deprecated API warnings', () => {
  it('get endpoints warns once on a v1.33+ server, before the table', async () => {
    const r = await kubectl(clientAt('v1.34.2'), 'kubectl get endpoints,ep web');
    expect(r.stderr).toBe(WARNING);
    expect(r.stdout).toMatch(/^NAME\s+ENDPOINTS\s+AGE\nweb\s+10\.244\.1\.2:80\s/);
    expect((await kubectl(clientAt('v1.34.2'), 'kubectl describe ep web')).stderr).toBe(WARNING);
  });

  it('stays quiet for other kinds, for describe service (kubectl reads EndpointSlices there) and on older servers', async () => {
    expect((await kubectl(clientAt('v1.34.2'), 'kubectl get svc')).stderr).toBe('');
    expect((await kubectl(clientAt('v1.34.2'), 'kubectl describe svc web')).stderr).toBe('');
    expect((await kubectl(clientAt('v1.32.0'), 'kubectl get ep')).stderr).toBe('');
  });
});
