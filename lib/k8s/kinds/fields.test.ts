import { describe, expect, it } from 'vitest';
import { fieldAt, kindSchema, unknownFields } from './fields';
import { DOCS } from './upstream/docs';

const podWith = (container: Record<string, unknown>, spec: Record<string, unknown> = {}) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p', labels: { app: 'web' } },
  spec: { containers: [{ name: 'c', image: 'nginx', ...container }], ...spec },
});

describe('strict decoding (unknown fields)', () => {
  it('accepts the container fields a 1.34 API server knows that the old copies disagreed on', () => {
    // kubernetes/api release-1.34 core/v1/types.go, type Container: StdinOnce, ResizePolicy, RestartPolicy, VolumeDevices.
    const pod = podWith({
      stdinOnce: true,
      resizePolicy: [{ resourceName: 'cpu', restartPolicy: 'NotRequired' }],
      restartPolicy: 'Always',
      volumeDevices: [{ name: 'disk', devicePath: '/dev/xvda' }],
    });
    expect(unknownFields('Pod', pod)).toEqual([]);
  });

  it('names unknown fields with their full path, as strict decoding does, inside lists and nested types', () => {
    // apimachinery strict decoding: `strict decoding error: unknown field "spec.template.spec.containers[0].imagee"`.
    const deploy = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', labelz: {} },
      spec: {
        replica: 3,
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { labels: { app: 'web' } },
          spec: {
            containers: [{ name: 'web', imagee: 'nginx', livenessProbe: { httpGet: { path: '/', port: 80, pathh: 1 } } }],
            volumes: [{ name: 'v', emptyDir: { sizeLimitt: '1Gi' } }],
          },
        },
      },
    };
    expect(unknownFields('Deployment', deploy)).toEqual([
      'metadata.labelz',
      'spec.replica',
      'spec.template.spec.containers[0].imagee',
      'spec.template.spec.containers[0].livenessProbe.httpGet.pathh',
      'spec.template.spec.volumes[0].emptyDir.sizeLimitt',
    ]);
  });

  it('lets map keys and free-form values through', () => {
    const pod = podWith({ resources: { limits: { cpu: '1', 'example.com/gpu': 1 } } });
    (pod.metadata as Record<string, unknown>).annotations = { 'any/key': 'v' };
    expect(unknownFields('Pod', pod)).toEqual([]);
    expect(unknownFields('Pod', { ...pod, status: { phase: 'Running', podIPs: [{ ip: '10.0.0.1' }] } })).toEqual([]);
  });

  it('knows no schema for an unregistered kind', () => {
    expect(kindSchema('ConfigMapp')).toBeUndefined();
    expect(unknownFields('ConfigMapp', { a: 1 })).toEqual([]);
  });
});

describe('fieldAt', () => {
  it('walks through lists and maps as kubectl explain does', () => {
    const name = fieldAt('Deployment', ['spec', 'template', 'spec', 'containers', 'name'])!;
    expect(name.type).toBe('string');
    expect(name.required).toBe(true); // Container.Name has neither +optional nor omitempty
    expect(name.ko).toBeTruthy();
    expect(fieldAt('Pod', ['spec', 'containers', 'resources', 'limits'])).toMatchObject({ type: 'map', values: { type: 'quantity', typeName: 'Quantity' } });
    expect(fieldAt('Pod', ['spec', 'containerz'])).toBeUndefined();
  });

  it('carries upstream types: enums, IntOrString, required fields, where a field is declared', () => {
    expect(fieldAt('Pod', ['spec', 'restartPolicy'])).toMatchObject({ type: 'string', enum: ['Always', 'Never', 'OnFailure'] });
    expect(fieldAt('Deployment', ['spec', 'strategy', 'rollingUpdate', 'maxSurge'])).toMatchObject({ type: 'intOrString' });
    expect(fieldAt('Deployment', ['spec', 'selector'])).toMatchObject({ type: 'object', typeName: 'LabelSelector', required: true });
    expect(fieldAt('Deployment', ['spec', 'strategy'])!.declaredIn).toEqual(['DeploymentSpec', 'strategy']);
    expect(fieldAt('Pod', ['metadata', 'creationTimestamp'])).toMatchObject({ type: 'string', typeName: 'Time' });
  });
});

describe('upstream descriptions', () => {
  it('are the API documentation with kube-openapi enum paragraphs', () => {
    // kubernetes/api release-1.34 apps/v1/types.go (DeploymentStrategy) rendered as kube-openapi's
    // pkg/generators/openapi.go generateDescription + enum.go DescriptionLines put it into the OpenAPI.
    expect(DOCS.DeploymentStrategy['']).toBe('DeploymentStrategy describes how to replace existing pods with new ones.');
    expect(DOCS.DeploymentStrategy.type).toBe(
      'Type of deployment. Can be "Recreate" or "RollingUpdate". Default is RollingUpdate.\n\nPossible enum values:\n' +
        ' - `"Recreate"` Kill all existing pods before creating new ones.\n' +
        ' - `"RollingUpdate"` Replace the old ReplicaSets by new one using rolling update i.e gradually scale down the old ReplicaSets and scale up the new one.',
    );
    expect(DOCS.PodSpec.restartPolicy).toMatch(/Default to Always\. More info: \S+\n\nPossible enum values:\n - `"Always"`\n - `"Never"`\n - `"OnFailure"`$/);
  });
});
