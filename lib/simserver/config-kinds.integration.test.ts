/**
 * The real kubectl (the newest installed) against the sim cluster server, for the kinds that make workloads run:
 * ConfigMaps and Secrets (k8s.io/kubectl pkg/cmd/create/create_configmap.go, create_secret.go; a Secret's data is
 * base64 on the wire, pkg/apis/core/v1 conversion), EndpointSlices (discovery.k8s.io/v1) and user DaemonSets.
 * Assertions are on what kubectl prints.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimServer, type SimServer } from './index';
import { findKubectls, Kubectl } from './kubectl-harness';

const binaries = await findKubectls();
const newest = binaries[binaries.length - 1];
const FAST_TIMINGS = { schedule: 50, imagePull: 300, containerStart: 100, readinessDelay: 100, terminationGrace: 300 };

describe.skipIf(!newest)('real kubectl: config, slices, daemonsets', () => {
  let server: SimServer;
  let k: Kubectl;
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubesim-config-'));
    const kubeconfig = join(dir, 'kubeconfig');
    server = await startSimServer({ port: 0, seed: 11, workers: 2, kubeconfigPath: kubeconfig, timings: FAST_TIMINGS, tickMs: 50 });
    k = new Kubectl(newest, kubeconfig);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('creates a ConfigMap and a Secret and reads the Secret back as base64', async () => {
    expect(await k.ok('create', 'configmap', 'app-config', '--from-literal=MODE=dev', '--from-literal=LEVEL=3')).toBe('configmap/app-config created\n');
    expect(await k.ok('create', 'secret', 'generic', 'db', '--from-literal=password=s3cr3t')).toBe('secret/db created\n');
    expect(await k.ok('get', 'cm', 'app-config')).toMatch(/^NAME\s+DATA\s+AGE\napp-config\s+2\s+\S+\n$/);
    expect(await k.ok('get', 'secrets')).toMatch(/^NAME\s+TYPE\s+DATA\s+AGE\ndb\s+Opaque\s+1\s+\S+\n$/);
    const yaml = await k.ok('get', 'secret', 'db', '-o', 'yaml');
    expect(yaml).toContain('data:\n  password: czNjcjN0\n');
    expect(yaml).toContain('type: Opaque\n');
    expect(yaml).not.toContain('s3cr3t');
    expect(await k.ok('get', 'configmap', 'app-config', '-o', 'jsonpath={.data.MODE}')).toBe('dev');
  });

  it('gets the API server wording for a Secret that is not base64', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubesim-secret-'));
    const file = join(dir, 'bad.yaml');
    (await import('node:fs')).writeFileSync(file, 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: bad\ndata:\n  password: plain text\n');
    const r = await k.run('apply', '-f', file);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('illegal base64 data at input byte 5');
  });
});
