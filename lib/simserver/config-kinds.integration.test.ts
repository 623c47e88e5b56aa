/**
 * The real kubectl (the newest installed) against the sim cluster server, for the kinds that make workloads run:
 * ConfigMaps and Secrets (k8s.io/kubectl pkg/cmd/create/create_configmap.go, create_secret.go; a Secret's data is
 * base64 on the wire, pkg/apis/core/v1 conversion), EndpointSlices (discovery.k8s.io/v1) and user DaemonSets.
 * Assertions are on what kubectl prints.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
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
    writeFileSync(file, 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: bad\ndata:\n  password: plain text\n');
    const r = await k.run('apply', '-f', file);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('illegal base64 data at input byte 5');
  });

  it('lists EndpointSlices through discovery.k8s.io/v1', async () => {
    expect(await k.ok('api-resources', '--api-group=discovery.k8s.io')).toMatch(/^endpointslices\s+discovery\.k8s\.io\/v1\s+true\s+EndpointSlice$/m);
    const out = await k.ok('get', 'endpointslices', '-n', 'kube-system');
    expect(out).toMatch(/^NAME\s+ADDRESSTYPE\s+PORTS\s+ENDPOINTS\s+AGE\nkube-dns-\w{5}\s+IPv4\s+53,53,9153\s+\S+/);
  });

  it('applies a DaemonSet, waits for its rollout and rolls it to a new image', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubesim-ds-'));
    const file = join(dir, 'ds.yaml');
    const manifest = (image: string) =>
      `apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: agent\nspec:\n  selector:\n    matchLabels: {app: agent}\n  template:\n    metadata:\n      labels: {app: agent}\n    spec:\n      containers:\n      - name: agent\n        image: ${image}\n`;
    writeFileSync(file, manifest('nginx:1.25'));
    expect(await k.ok('apply', '-f', file)).toBe('daemonset.apps/agent created\n');
    expect(await k.ok('rollout', 'status', 'ds/agent', '--timeout=60s')).toMatch(/daemon set "agent" successfully rolled out\n$/);
    expect(await k.ok('get', 'ds', 'agent')).toMatch(/^NAME\s+DESIRED\s+CURRENT\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+NODE SELECTOR\s+AGE\nagent\s+2\s+2\s+2\s+2\s+2\s+<none>\s+\S+\n$/);
    writeFileSync(file, manifest('nginx:1.26'));
    expect(await k.ok('apply', '-f', file)).toBe('daemonset.apps/agent configured\n');
    expect(await k.ok('rollout', 'status', 'ds/agent', '--timeout=90s')).toMatch(/daemon set "agent" successfully rolled out\n$/);
    const images = await k.ok('get', 'pods', '-l', 'app=agent', '-o', 'jsonpath={.items[*].spec.containers[0].image}');
    expect(images.split(' ').filter((i) => i === 'nginx:1.26')).toHaveLength(2);
  });
});
