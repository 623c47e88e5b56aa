/**
 * Real kubectl against the sim cluster server shows what a 1.34 API server makes it show: the server version and
 * the deprecation warning for v1 Endpoints (k8s.io/apiserver/pkg/endpoints/deprecation/deprecation.go; kubectl
 * prints each Warning header on stderr as `Warning: <text>`, k8s.io/client-go/rest/warnings.go).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimServer, type SimServer } from './index';
import { findKubectls, Kubectl } from './kubectl-harness';

const binaries = await findKubectls();
if (binaries.length === 0) console.warn('kubectl deprecation-warning tests skipped: no kubectl found in /usr/lib/google-cloud-sdk/bin/kubectl.1.* or on PATH');
const newest = binaries.slice(-1);

describe.skipIf(newest.length === 0).each(newest)('kubectl $version against the sim cluster', (binary) => {
  let server: SimServer;
  let k: Kubectl;
  beforeAll(async () => {
    const kubeconfig = join(mkdtempSync(join(tmpdir(), 'kubesim-deprecation-')), 'kubeconfig');
    server = await startSimServer({ port: 0, seed: 9, workers: 1, kubeconfigPath: kubeconfig, tickMs: 50 });
    k = new Kubectl(binary, kubeconfig);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('prints the deprecation warning for endpoints and none for pods', async () => {
    const ep = await k.run('get', 'endpoints', '-n', 'default');
    expect(ep.code).toBe(0);
    expect(ep.stderr).toContain('Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice');
    expect(ep.stdout).toMatch(/^NAME\s+ENDPOINTS\s+AGE/);
    const pods = await k.run('get', 'pods', '-A');
    expect(pods.code).toBe(0);
    expect(pods.stderr).not.toContain('Warning');
  });

  it('reports the engine Kubernetes version as the server version', async () => {
    const out = JSON.parse(await k.ok('version', '-o', 'json')) as { serverVersion: { gitVersion: string; minor: string } };
    expect(out.serverVersion).toMatchObject({ gitVersion: 'v1.34.2', minor: '34' });
  });
});
