/**
 * The engine and the editor decode with one schema (the kind registry's, generated from kubernetes/api
 * release-1.34): a manifest the editor flags for an unknown field is one the engine rejects with the API
 * server's strict decoding error, and the reverse.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { isStatusError, type KubeObject } from '../k8s/types';
import { parseManifests } from '../yaml/parse';
import { createSimulator } from './index';
import { deploymentManifest } from './testing';

const pod = (container: Record<string, unknown>, spec: Record<string, unknown> = {}) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p' },
  spec: { containers: [{ name: 'c', image: 'nginx:1.25', ...container }], ...spec },
});

const cases: [string, object][] = [
  ['the four container fields a 1.34 API server knows', pod({ stdinOnce: true, resizePolicy: [{ resourceName: 'cpu', restartPolicy: 'NotRequired' }], volumeDevices: [{ name: 'd', devicePath: '/dev/xvda' }] }, { initContainers: [{ name: 'side', image: 'busybox', restartPolicy: 'Always' }] })],
  ['a typo in a container', pod({ imagee: 'x' })],
  ['a typo inside a volume source', pod({}, { volumes: [{ name: 'v', emptyDir: { sizeLimitt: '1Gi' } }] })],
  ['a typo inside affinity', pod({}, { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecutionn: {} } } })],
  ['a typo in a probe', pod({ readinessProbe: { httpGet: { path: '/', port: 80 }, periodSecond: 5 } })],
];

function engineVerdict(obj: object): string {
  try {
    createSimulator({ seed: 1 }).create(obj as KubeObject);
    return 'accepted';
  } catch (e) {
    if (isStatusError(e) && e.status.message.includes('strict decoding error')) return e.status.message.replace(/^.*strict decoding error: /, '');
    throw e;
  }
}

function editorVerdict(obj: object): string {
  const strict = parseManifests(stringify(obj)).problems.filter((p) => p.kind === 'strict');
  return strict.length ? strict.map((p) => p.detail.replace(/^.*strict decoding error: /, '')).join(', ') : 'accepted';
}

describe('engine and editor share one schema', () => {
  it.each(cases)('%s', (_name, obj) => {
    expect(editorVerdict(obj)).toBe(engineVerdict(obj));
  });

  it('the engine accepts the four container fields and names unknown ones with their path', () => {
    expect(engineVerdict(cases[0][1])).toBe('accepted');
    expect(engineVerdict(cases[2][1])).toBe('unknown field "spec.volumes[0].emptyDir.sizeLimitt"');
  });
});

/*
 * Value types (issue #12 item 4): the API server decodes a body into Go structs, so a value of the wrong type is
 * a 400 from encoding/json's UnmarshalTypeError, never something validation trips over. Before, an object with
 * its own `toString` key where a string belongs made String() throw: a TypeError, answered 500.
 */
const sim = createSimulator({ seed: 1 });

/** The 400 message of a dry-run create (dry runs change nothing, so one simulator serves every case). */
function decodeError(obj: unknown): string | undefined {
  try {
    sim.create(obj as KubeObject, { dryRun: true });
    return undefined;
  } catch (e) {
    if (!isStatusError(e)) throw e;
    expect(e.status.code).toBeLessThan(500);
    return e.status.code === 400 ? e.status.message : `${e.status.code}`;
  }
}

function withValue(path: (string | number)[], value: unknown): KubeObject {
  const doc: Record<string | number, unknown> = Object.fromEntries(Object.entries(deploymentManifest({ name: 'typed' })));
  let at = doc;
  for (const k of path.slice(0, -1)) at = (at[k] ??= {}) as Record<string | number, unknown>;
  at[path[path.length - 1]] = value;
  return doc as KubeObject;
}

describe('value types', () => {
  it('answers the decoder error for a value of the wrong type', () => {
    const prefix = 'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal';
    expect(decodeError(withValue(['spec', 'template', 'spec', 'containers', 0, 'image'], { toString: 1 }))).toBe(
      `${prefix} object into Go struct field Container.spec.template.spec.containers.image of type string`,
    );
    expect(decodeError(withValue(['metadata', 'name'], []))).toBe(`${prefix} array into Go struct field ObjectMeta.metadata.name of type string`);
    expect(decodeError(withValue(['spec', 'replicas'], 1.5))).toBe(`${prefix} number into Go struct field DeploymentSpec.spec.replicas of type int32`);
    expect(decodeError(withValue(['spec', 'template', 'spec', 'nodeSelector'], { disk: { ssd: true } }))).toBe(
      `${prefix} object into Go struct field PodSpec.spec.template.spec.nodeSelector of type string`,
    );
  });

  it('never throws anything but a 4xx Status for a wrong type anywhere the schema knows', () => {
    const paths: (string | number)[][] = [
      ['metadata', 'name'], ['metadata', 'namespace'], ['metadata', 'generateName'], ['metadata', 'labels'], ['metadata', 'annotations'],
      ['spec', 'replicas'], ['spec', 'selector'], ['spec', 'selector', 'matchLabels'], ['spec', 'selector', 'matchExpressions'],
      ['spec', 'strategy', 'rollingUpdate', 'maxSurge'], ['spec', 'template', 'metadata', 'labels'], ['spec', 'template', 'spec', 'containers'],
      ['spec', 'template', 'spec', 'containers', 0, 'name'], ['spec', 'template', 'spec', 'containers', 0, 'ports'],
      ['spec', 'template', 'spec', 'containers', 0, 'resources', 'limits'], ['spec', 'template', 'spec', 'containers', 0, 'env'],
      ['spec', 'template', 'spec', 'tolerations'], ['spec', 'template', 'spec', 'restartPolicy'], ['kind'], ['apiVersion'],
    ];
    const hostile = fc.oneof(fc.constant({ toString: 1 }), fc.constant([{ toString: 1 }]), fc.jsonValue({ maxDepth: 2 }));
    fc.assert(
      fc.property(fc.constantFrom(...paths), hostile, (path, value) => {
        decodeError(withValue(path, value));
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});

describe('value types, engine and editor', () => {
  it('word a type error the same way', () => {
    const obj = withValue(['spec', 'replicas'], 'three');
    const editor = parseManifests(stringify(obj)).problems.find((p) => p.kind === 'strict')?.detail;
    expect(editor).toContain('cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32');
    expect(decodeError(obj)).toBe(editor);
  });
});
