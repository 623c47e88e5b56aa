import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../k8s/types';
import { createSimulator } from './index';
import { deploymentManifest, failureStatus } from './testing';

const statusOf = failureStatus;

const sim = createSimulator({ seed: 5 });
const withSpec = (patch: Record<string, unknown>) => {
  const d = deploymentManifest() as { spec: Record<string, unknown> };
  return { ...d, spec: { ...d.spec, ...patch } } as KubeObject;
};

describe('API server validation', () => {
  it('rejects names that are not RFC 1123', () => {
    const s = statusOf(() => sim.create(deploymentManifest({ name: 'My_Web' })));
    expect(s.code).toBe(422);
    expect(s.reason).toBe('Invalid');
    expect(s.message).toMatch(/^Deployment\.apps "My_Web" is invalid: metadata\.name: Invalid value: "My_Web": a lowercase RFC 1123 subdomain must consist of/);
    expect(s.details?.causes?.[0]).toMatchObject({ reason: 'FieldValueInvalid', field: 'metadata.name' });
  });

  it('rejects a selector that does not match the template labels', () => {
    const d = deploymentManifest() as { spec: { template: { metadata: { labels: Record<string, string> } } } };
    d.spec.template.metadata.labels = { app: 'other' };
    const s = statusOf(() => sim.create(d as KubeObject));
    expect(s.message).toBe('Deployment.apps "web" is invalid: spec.template.metadata.labels: Invalid value: {"app":"other"}: `selector` does not match template `labels`');
  });

  it('rejects negative replicas', () => {
    expect(statusOf(() => sim.create(withSpec({ replicas: -1 }))).message).toBe('Deployment.apps "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0');
  });

  it('requires container name and image', () => {
    const d = withSpec({ template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{}] } } });
    const s = statusOf(() => sim.create(d));
    expect(s.message).toBe('Deployment.apps "web" is invalid: [spec.template.spec.containers[0].name: Required value, spec.template.spec.containers[0].image: Required value]');
    const none = withSpec({ template: { metadata: { labels: { app: 'web' } }, spec: { containers: [] } } });
    expect(statusOf(() => sim.create(none)).message).toContain('spec.template.spec.containers: Required value');
  });

  it('rejects maxSurge and maxUnavailable both 0', () => {
    const s = statusOf(() => sim.create(deploymentManifest({ maxSurge: 0, maxUnavailable: 0 })));
    expect(s.message).toBe('Deployment.apps "web" is invalid: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0');
    expect(statusOf(() => sim.create(deploymentManifest({ maxUnavailable: '110%' }))).message).toContain('must not be greater than 100%');
  });

  it('reports unknown fields with strict decoding', () => {
    const d = deploymentManifest() as { spec: Record<string, unknown> };
    const bad = { ...d, spec: { ...d.spec, replica: 3 } } as KubeObject;
    const s = statusOf(() => sim.create(bad));
    expect(s.code).toBe(400);
    expect(s.message).toBe('Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.replica"');
    const typo = deploymentManifest() as { spec: { template: { spec: { containers: Record<string, unknown>[] } } } };
    typo.spec.template.spec.containers[0] = { name: 'nginx', imagee: 'nginx' };
    expect(statusOf(() => sim.create(typo as KubeObject)).message).toContain('unknown field "spec.template.spec.containers[0].imagee"');
  });

  it('reports unknown kinds and wrong apiVersions', () => {
    expect(statusOf(() => sim.create({ apiVersion: 'v1', kind: 'Deploymnet', metadata: { name: 'x' } } as KubeObject)).message).toBe('no matches for kind "Deploymnet" in version "v1"');
    expect(statusOf(() => sim.create({ ...(deploymentManifest() as object), apiVersion: 'v1' } as KubeObject)).message).toBe('no matches for kind "Deployment" in version "v1"');
  });

  it('keeps the selector immutable on update', () => {
    const s2 = createSimulator();
    s2.create(deploymentManifest());
    const s = statusOf(() => s2.patch('Deployment', 'web', 'default', { spec: { selector: { matchLabels: { app: 'x' } }, template: { metadata: { labels: { app: 'x' } } } } }, 'strategic'));
    expect(s.code).toBe(422);
    expect(s.message).toContain('spec.selector: Invalid value: {"matchLabels":{"app":"x"}}: field is immutable');
  });

  it('allows only image changes on a pod', () => {
    const s2 = createSimulator();
    s2.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'nginx:1.25' }] } });
    expect(s2.patch('Pod', 'p', 'default', { spec: { containers: [{ name: 'c', image: 'nginx:1.27' }] } }, 'strategic')).toBeTruthy();
    const s = statusOf(() => s2.patch('Pod', 'p', 'default', { spec: { restartPolicy: 'Never' } }, 'strategic'));
    expect(s.message).toContain('spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`');
  });

  it('answers NotFound, AlreadyExists and namespace errors with API server wording', () => {
    const s2 = createSimulator();
    s2.create(deploymentManifest());
    const dup = statusOf(() => s2.create(deploymentManifest()));
    expect([dup.code, dup.reason, dup.message]).toEqual([409, 'AlreadyExists', 'deployments.apps "web" already exists']);
    const nf = statusOf(() => s2.get('Pod', 'nope'));
    expect([nf.code, nf.reason, nf.message]).toEqual([404, 'NotFound', 'pods "nope" not found']);
    expect(statusOf(() => s2.create(deploymentManifest({ namespace: 'ghost' }))).message).toBe('namespaces "ghost" not found');
  });

  it('validates services', () => {
    const svc = (spec: Record<string, unknown>) => ({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec }) as KubeObject;
    expect(statusOf(() => sim.create(svc({ type: 'NodePort', ports: [{ port: 80, nodePort: 80 }] }))).message).toContain(
      'spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767',
    );
    expect(statusOf(() => sim.create(svc({ type: 'Weird', ports: [{ port: 80 }] }))).message).toContain('spec.type: Unsupported value: "Weird"');
    expect(statusOf(() => sim.create(svc({ selector: { app: 'web' } }))).message).toContain('spec.ports: Required value');
  });

  it('validates label keys and values', () => {
    const d = deploymentManifest() as { metadata: Record<string, unknown> };
    d.metadata.labels = { 'bad key': 'x' };
    expect(statusOf(() => sim.create(d as KubeObject)).message).toContain('metadata.labels: Invalid value: "bad key"');
  });
});
