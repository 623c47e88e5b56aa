import { describe, expect, it } from 'vitest';
import type { V1PodCondition } from '../../k8s/api-types';
import { fnv32a } from '../../k8s/names';
import { hex64, podWith, sortConditions } from './pod-status';
import type { V1Pod } from '../../k8s/api-types';

const cond = (type: string, status = 'True'): V1PodCondition => ({ type, status, lastProbeTime: null, lastTransitionTime: '2025-01-15T00:00:00Z' });
const types = (cs: V1PodCondition[]) => cs.map((c) => `${c.type}:${c.status}`);

describe('sortConditions', () => {
  it('orders conditions as the kubelet reports them (pkg/kubelet/status generateAPIPodStatus) in a new array', () => {
    const input = [cond('PodScheduled'), cond('ContainersReady'), cond('Initialized'), cond('Ready'), cond('PodReadyToStartContainers')];
    const out = sortConditions(input);
    expect(types(out)).toEqual(['PodReadyToStartContainers:True', 'Initialized:True', 'Ready:True', 'ContainersReady:True', 'PodScheduled:True']);
    expect(out).not.toBe(input);
    expect(types(input)[0]).toBe('PodScheduled:True');
  });

  it('puts types it does not know first and keeps equal ranks in their given order (a stable sort)', () => {
    const out = sortConditions([cond('Ready'), cond('DisruptionTarget'), cond('PodScheduled'), cond('custom', 'False'), cond('custom', 'True')]);
    expect(types(out)).toEqual(['DisruptionTarget:True', 'custom:False', 'custom:True', 'Ready:True', 'PodScheduled:True']);
  });
});

describe('hex64', () => {
  // the definition container IDs and image digests were made with: fnv32a of `seed#0` … `seed#7`, 8 hex digits each
  const byDefinition = (seed: string) => Array.from({ length: 8 }, (_, i) => fnv32a(`${seed}#${i}`).toString(16).padStart(8, '0')).join('');

  it('gives the digits the eight separately hashed seeds give', () => {
    for (const seed of ['', 'machine/worker-1', 'kube-proxy-abcde/kube-proxy', 'docker.io/library/nginx:1.27', 'é/파드']) expect(hex64(seed)).toBe(byDefinition(seed));
  });

  it('keeps the IDs snapshots already hold', () => {
    expect(hex64('machine/worker-1')).toBe('002402e4012404770224060a0324079dfc23fc98fd23fe2bfe23ffbeff240151');
    expect(hex64('é')).toBe('d526730fd426717cd7267635d62674a2d1266cc3d0266b30d3266fe9d2266e56');
  });
});

describe('podWith', () => {
  it('keeps the identity of apiVersion, kind and metadata and writes the fields in the API order', () => {
    // a manifest may list kind first; the API server (and now every kubelet write) returns apiVersion first
    const metadata = { name: 'web', namespace: 'default' };
    const pod = { kind: 'Pod', apiVersion: 'v1', metadata, spec: { containers: [] }, status: { phase: 'Pending' } } as V1Pod;
    const spec = { containers: [], nodeName: 'worker-1' };
    const status = { phase: 'Running' };
    const next = podWith(pod, spec, status);
    expect(Object.keys(next)).toEqual(['apiVersion', 'kind', 'metadata', 'spec', 'status']);
    expect(next.metadata).toBe(metadata);
    expect(next.spec).toBe(spec);
    expect(next.status).toBe(status);
    expect(pod.status).toEqual({ phase: 'Pending' });
  });
});
