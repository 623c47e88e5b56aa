import { describe, expect, it } from 'vitest';
import { LAST_APPLIED_ANNOTATION, projectObject } from './projection';

const container = (name: string) => ({
  name,
  image: 'nginx:1.27',
  env: [
    { name: 'PASSWORD', value: 'hunter2' },
    { name: 'FROM_SECRET', valueFrom: { secretKeyRef: { name: 'db', key: 'pw' } } },
  ],
});

describe('projectObject', () => {
  it('strips env values but keeps env names and valueFrom references (pods)', () => {
    const pod = { metadata: { name: 'p' }, spec: { containers: [container('a')], initContainers: [container('init')] } };
    const out = projectObject('Pod', pod) as unknown as typeof pod;
    expect(JSON.stringify(out)).not.toContain('hunter2');
    expect(out.spec.containers[0].env.map((e) => e.name)).toEqual(['PASSWORD', 'FROM_SECRET']);
    expect(out.spec.containers[0].env[1].valueFrom).toEqual({ secretKeyRef: { name: 'db', key: 'pw' } });
    expect(out.spec.initContainers[0].env[0]).toEqual({ name: 'PASSWORD' });
  });

  it('strips env values inside deployment and replicaset templates', () => {
    for (const kind of ['Deployment', 'ReplicaSet'] as const) {
      const obj = { metadata: { name: 'd' }, spec: { replicas: 2, template: { spec: { containers: [container('web')] } } } };
      const out = projectObject(kind, obj);
      expect(JSON.stringify(out)).not.toContain('hunter2');
      expect(JSON.stringify(out)).toContain('"replicas":2');
    }
  });

  it('removes managedFields and the last-applied annotation, keeps other annotations', () => {
    const obj = {
      metadata: {
        name: 'd',
        managedFields: [{ manager: 'kubectl' }],
        annotations: { [LAST_APPLIED_ANNOTATION]: '{"env":"hunter2"}', 'deployment.kubernetes.io/revision': '3' },
      },
    };
    const out = projectObject('Deployment', obj);
    expect(out.metadata?.managedFields).toBeUndefined();
    expect(out.metadata?.annotations).toEqual({ 'deployment.kubernetes.io/revision': '3' });
  });

  it('drops an annotations map left empty', () => {
    const out = projectObject('Service', { metadata: { name: 's', annotations: { [LAST_APPLIED_ANNOTATION]: '{}' } } });
    expect(out.metadata && 'annotations' in out.metadata).toBe(false);
  });

  it('sets kind and apiVersion, turns Dates into strings and never mutates the input', () => {
    const created = new Date('2026-01-02T03:04:05Z');
    const input = { metadata: { name: 'n', creationTimestamp: created }, status: { images: [{ names: ['x'] }], nodeInfo: { kubeletVersion: 'v1.31.0' } } };
    const out = projectObject('Node', input) as unknown as { kind: string; apiVersion: string; metadata: { creationTimestamp: unknown }; status: Record<string, unknown> };
    expect(out.kind).toBe('Node');
    expect(out.apiVersion).toBe('v1');
    expect(typeof out.metadata.creationTimestamp).toBe('string');
    expect(out.status.images).toBeUndefined();
    expect(out.status.nodeInfo).toEqual({ kubeletVersion: 'v1.31.0' });
    expect(input.status.images).toHaveLength(1);
    expect(input.metadata.creationTimestamp).toBe(created);
  });

  it('uses apps/v1 for workloads', () => {
    expect(projectObject('ReplicaSet', { metadata: { name: 'r' } }).apiVersion).toBe('apps/v1');
  });
});
