/**
 * The engine and the editor decode with one schema (the kind registry's, generated from kubernetes/api
 * release-1.34): a manifest the editor flags for an unknown field is one the engine rejects with the API
 * server's strict decoding error, and the reverse.
 */
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { isStatusError, type KubeObject } from '../k8s/types';
import { parseManifests } from '../yaml/parse';
import { createSimulator } from './index';

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
