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

/** The value at a path of plain JSON, or undefined: reads a projected object without asserting its type. */
const at = (value: unknown, ...path: (string | number)[]): unknown =>
  path.reduce<unknown>((v, key) => (typeof v === 'object' && v !== null ? (v as Record<string | number, unknown>)[key] : undefined), value);

describe('projectObject', () => {
  it('strips env values but keeps env names and valueFrom references (pods)', () => {
    const pod = { metadata: { name: 'p' }, spec: { containers: [container('a')], initContainers: [container('init')] } };
    const out = projectObject('Pod', pod);
    expect(JSON.stringify(out)).not.toContain('hunter2');
    expect(at(out, 'spec', 'containers', 0, 'env', 0)).toEqual({ name: 'PASSWORD' });
    expect(at(out, 'spec', 'containers', 0, 'env', 1)).toEqual({ name: 'FROM_SECRET', valueFrom: { secretKeyRef: { name: 'db', key: 'pw' } } });
    expect(at(out, 'spec', 'initContainers', 0, 'env', 0)).toEqual({ name: 'PASSWORD' });
  });

  it('strips env values inside deployment and replicaset templates', () => {
    for (const kind of ['Deployment', 'ReplicaSet'] as const) {
      const obj = { metadata: { name: 'd' }, spec: { replicas: 2, template: { spec: { containers: [container('web')] } } } };
      const out = projectObject(kind, obj);
      expect(JSON.stringify(out)).not.toContain('hunter2');
      expect(JSON.stringify(out)).toContain('"replicas":2');
    }
  });

  it('strips env values wherever a kind keeps a pod template (DaemonSet, Job, CronJob)', () => {
    const template = { spec: { containers: [container('app')] } };
    const cases = [
      ['DaemonSet', { metadata: { name: 'ds' }, spec: { template } }],
      ['Job', { metadata: { name: 'j' }, spec: { template } }],
      ['CronJob', { metadata: { name: 'c' }, spec: { schedule: '* * * * *', jobTemplate: { spec: { template } } } }],
    ] as const;
    for (const [kind, obj] of cases) {
      const out = projectObject(kind, obj);
      expect(JSON.stringify(out)).not.toContain('hunter2');
      expect(JSON.stringify(out)).toContain('"name":"PASSWORD"');
    }
  });

  it('never throws on objects no API server sends', () => {
    for (const odd of [null, 'text', 7, [], { metadata: 'x' }, { spec: { template: 'x' } }, { spec: { jobTemplate: { spec: 3 } } }]) {
      const out = projectObject('Deployment', odd);
      expect(out.kind).toBe('Deployment');
      expect(typeof (out.metadata ?? {})).toBe('object');
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
    const out = projectObject('Node', input);
    expect(out.kind).toBe('Node');
    expect(out.apiVersion).toBe('v1');
    expect(out.metadata?.creationTimestamp).toBe('2026-01-02T03:04:05.000Z');
    expect(at(out, 'status', 'images')).toBeUndefined();
    expect(at(out, 'status', 'nodeInfo')).toEqual({ kubeletVersion: 'v1.31.0' });
    expect(input.status.images).toHaveLength(1);
    expect(input.metadata.creationTimestamp).toBe(created);
  });

  it('uses apps/v1 for workloads', () => {
    expect(projectObject('ReplicaSet', { metadata: { name: 'r' } }).apiVersion).toBe('apps/v1');
  });

  it('projects an object it owns (parsed for it alone) in place, stripping exactly what the copying path strips', () => {
    const raw = () => ({
      metadata: { name: 'p', managedFields: [{ manager: 'kubectl' }], annotations: { [LAST_APPLIED_ANNOTATION]: '{"env":"PASSWORD=hunter2"}' } },
      spec: { containers: [container('a')] },
    });
    const mine = raw();
    const copied = projectObject('Pod', raw());
    const owned = projectObject('Pod', mine, { owned: true });
    expect(owned).toBe(mine); // no copy made
    expect(owned).toEqual(copied);
    expect(JSON.stringify(owned)).not.toContain('hunter2');
    expect(at(owned, 'metadata', 'managedFields')).toBeUndefined();
    // without `owned` the caller's object is left as it was
    const theirs = raw();
    projectObject('Pod', theirs);
    expect(theirs).toEqual(raw());
  });
});
