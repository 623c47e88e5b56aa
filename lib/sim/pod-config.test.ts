/**
 * A container's environment and config files as the kubelet builds them:
 * - pkg/kubelet/kubelet_pods.go makeEnvironmentVariables: envFrom first (prefix, invalid keys skipped with the
 *   InvalidEnvironmentVariableNames message), env after and overriding, `$(VAR)` expanded against earlier vars
 *   and service variables only, valueFrom configMapKeyRef/secretKeyRef with `optional`, fieldRef via
 *   podFieldSelectorRuntimeValue; errors `configmap "x" not found` and `couldn't find key k in ConfigMap ns/x`;
 * - third_party/forked/golang/expansion/expand.go: `$$` escapes, unknown `$(X)` stays;
 * - pkg/kubelet/envvars/envvars.go FromServices: `WEB_SERVICE_HOST`, `WEB_PORT_80_TCP_ADDR`, …;
 * - pkg/volume/configmap/configmap.go and pkg/volume/secret/secret.go: every key a file, or `items` with paths,
 *   modes from defaultMode (0644), `configmap references non-existent config key: k`.
 */
import { describe, expect, it } from 'vitest';
import type { V1ConfigMap, V1Container, V1Pod, V1Secret, V1Service } from '../k8s/api-types';
import { expandVars, resolveContainerEnv, resolveContainerFiles, volumeSetupError, type ConfigSource } from './pod-config';

const configMaps: Record<string, V1ConfigMap> = {
  'default/app': { data: { MODE: 'dev', LEVEL: '3', 'bad-key!': 'x', '1st': 'y' } },
  'default/files': { data: { 'app.properties': 'color=blue\n', 'ui.properties': 'theme=dark\n' } },
};
const secrets: Record<string, V1Secret> = { 'default/db': { data: { password: 'czNjcjN0', user: 'YWRtaW4=' } } };
const services: V1Service[] = [
  { metadata: { name: 'kubernetes', namespace: 'default' }, spec: { clusterIP: '10.96.0.1', ports: [{ name: 'https', port: 443, protocol: 'TCP' }] } },
  { metadata: { name: 'web-api', namespace: 'default' }, spec: { clusterIP: '10.96.12.5', ports: [{ port: 80, protocol: 'TCP' }] } },
];
const source: ConfigSource = {
  configMap: (ns, name) => configMaps[`${ns}/${name}`],
  secret: (ns, name) => secrets[`${ns}/${name}`],
  services: (ns) => services.filter((s) => s.metadata!.namespace === ns),
};
const pod = (extra: Partial<V1Pod['spec']> = {}): V1Pod => ({
  metadata: { name: 'web-1', namespace: 'default', uid: 'u-1', labels: { app: 'web' } },
  spec: { nodeName: 'worker-1', containers: [], ...extra },
  status: { podIP: '10.244.1.7', hostIP: '192.168.49.3' },
});
const envOf = (c: Partial<V1Container>, p = pod()) => {
  const r = resolveContainerEnv(source, p, { name: 'c', ...c } as V1Container);
  if (!r.ok) throw new Error(r.error);
  return Object.fromEntries(r.value.map((e) => [e.name, e.value]));
};

describe('resolveContainerEnv', () => {
  it('puts envFrom first with its prefix, lets env override, and skips invalid names with the kubelet warning', () => {
    const r = resolveContainerEnv(source, pod({ enableServiceLinks: false }), {
      name: 'c',
      envFrom: [{ configMapRef: { name: 'app' }, prefix: 'CFG_' }, { secretRef: { name: 'db' } }],
      env: [{ name: 'CFG_MODE', value: 'prod' }, { name: 'URL', value: 'http://$(user):$(password)@db/$(CFG_LEVEL)' }],
    } as V1Container);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.slice(0, 5)).toEqual([
      { name: 'CFG_1st', value: 'y' },
      { name: 'CFG_LEVEL', value: '3' },
      { name: 'CFG_MODE', value: 'prod' },
      { name: 'password', value: 's3cr3t' },
      { name: 'user', value: 'admin' },
    ]);
    expect(r.value.find((e) => e.name === 'URL')!.value).toBe('http://admin:s3cr3t@db/3');
    expect(r.warnings).toEqual(['Keys [CFG_bad-key!] from the EnvFrom configMap default/app were skipped since they are considered invalid environment variable names.']);
  });

  it('reads single keys, downward-API fields, and skips optional refs that are missing', () => {
    const env = envOf({
      env: [
        { name: 'MODE', valueFrom: { configMapKeyRef: { name: 'app', key: 'MODE' } } },
        { name: 'PASS', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } },
        { name: 'GONE', valueFrom: { configMapKeyRef: { name: 'nope', key: 'x', optional: true } } },
        { name: 'NOKEY', valueFrom: { secretKeyRef: { name: 'db', key: 'x', optional: true } } },
        { name: 'POD', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
        { name: 'NS', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } },
        { name: 'IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } },
        { name: 'NODE', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } },
        { name: 'APP', valueFrom: { fieldRef: { fieldPath: "metadata.labels['app']" } } },
      ],
    });
    expect(env).toMatchObject({ MODE: 'dev', PASS: 's3cr3t', POD: 'web-1', NS: 'default', IP: '10.244.1.7', NODE: 'worker-1', APP: 'web' });
    expect(env).not.toHaveProperty('GONE');
    expect(env).not.toHaveProperty('NOKEY');
  });

  it('fails with the kubelet messages for a missing object or key', () => {
    const fail = (c: Partial<V1Container>) => resolveContainerEnv(source, pod(), { name: 'c', ...c } as V1Container);
    expect(fail({ env: [{ name: 'A', valueFrom: { configMapKeyRef: { name: 'x', key: 'a' } } }] })).toEqual({ ok: false, error: 'configmap "x" not found' });
    expect(fail({ envFrom: [{ secretRef: { name: 'y' } }] })).toEqual({ ok: false, error: 'secret "y" not found' });
    expect(fail({ env: [{ name: 'A', valueFrom: { configMapKeyRef: { name: 'app', key: 'nope' } } }] })).toEqual({ ok: false, error: "couldn't find key nope in ConfigMap default/app" });
    expect(fail({ env: [{ name: 'A', valueFrom: { secretKeyRef: { name: 'db', key: 'nope' } } }] })).toEqual({ ok: false, error: "couldn't find key nope in Secret default/db" });
  });

  it('adds service variables (kubernetes always, the namespace with service links) and expands against them', () => {
    const env = envOf({ env: [{ name: 'API', value: '$(WEB_API_SERVICE_HOST):$(WEB_API_SERVICE_PORT)' }] });
    expect(env).toMatchObject({
      API: '10.96.12.5:80',
      KUBERNETES_SERVICE_HOST: '10.96.0.1',
      KUBERNETES_SERVICE_PORT: '443',
      KUBERNETES_SERVICE_PORT_HTTPS: '443',
      KUBERNETES_PORT: 'tcp://10.96.0.1:443',
      KUBERNETES_PORT_443_TCP_ADDR: '10.96.0.1',
      WEB_API_PORT_80_TCP: 'tcp://10.96.12.5:80',
    });
    const noLinks = envOf({}, pod({ enableServiceLinks: false }));
    expect(noLinks).toHaveProperty('KUBERNETES_SERVICE_HOST');
    expect(noLinks).not.toHaveProperty('WEB_API_SERVICE_HOST');
  });
});

describe('expandVars', () => {
  it('expands defined names, keeps unknown ones and escapes $$', () => {
    const vars: Record<string, string> = { A: '1', B: 'two' };
    const look = (n: string) => vars[n];
    expect(expandVars('$(A)-$(B)', look)).toBe('1-two');
    expect(expandVars('$(C) stays', look)).toBe('$(C) stays');
    expect(expandVars('$$(A) is literal', look)).toBe('$(A) is literal');
    expect(expandVars('cost $5 and $(A', look)).toBe('cost $5 and $(A');
    expect(expandVars('end$', look)).toBe('end$');
  });
});

describe('resolveContainerFiles and volumeSetupError', () => {
  const withVolumes = (volumes: V1Pod['spec'] extends infer S ? (S extends { volumes?: infer V } ? V : never) : never) => pod({ volumes });
  it('writes every key as a file, or the chosen items, with modes', () => {
    const p = withVolumes([
      { name: 'cfg', configMap: { name: 'files' } },
      { name: 'creds', secret: { secretName: 'db', defaultMode: 0o400, items: [{ key: 'password', path: 'db/pass' }] } },
    ]);
    const r = resolveContainerFiles(source, p, { name: 'c', volumeMounts: [{ name: 'cfg', mountPath: '/etc/app/' }, { name: 'creds', mountPath: '/secrets' }] } as V1Container);
    expect(r.ok && Object.fromEntries(r.value)).toEqual({
      '/etc/app/app.properties': { content: 'color=blue\n', mode: 0o644 },
      '/etc/app/ui.properties': { content: 'theme=dark\n', mode: 0o644 },
      '/secrets/db/pass': { content: 's3cr3t', mode: 0o400 },
    });
    const sub = resolveContainerFiles(source, p, { name: 'c', volumeMounts: [{ name: 'cfg', mountPath: '/app.properties', subPath: 'app.properties' }] } as V1Container);
    expect(sub.ok && [...sub.value.keys()]).toEqual(['/app.properties']);
  });

  it('reports the FailedMount message for a missing source or key, and nothing for optional ones', () => {
    expect(volumeSetupError(source, withVolumes([{ name: 'v', configMap: { name: 'x' } }]))).toBe('MountVolume.SetUp failed for volume "v" : configmap "x" not found');
    expect(volumeSetupError(source, withVolumes([{ name: 's', secret: { secretName: 'y' } }]))).toBe('MountVolume.SetUp failed for volume "s" : secret "y" not found');
    expect(volumeSetupError(source, withVolumes([{ name: 'v', configMap: { name: 'app', items: [{ key: 'nope', path: 'n' }] } }]))).toBe(
      'MountVolume.SetUp failed for volume "v" : configmap references non-existent config key: nope',
    );
    expect(volumeSetupError(source, withVolumes([{ name: 'v', configMap: { name: 'x', optional: true } }, { name: 'e', emptyDir: {} }]))).toBeUndefined();
  });
});
