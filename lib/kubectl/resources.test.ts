/**
 * kubectl's resource types are the registry's (lib/k8s/kinds): every kind the client serves answers to each of
 * its names, and qualified spellings resolve as the real kubectl resolves them (k8s.io/cli-runtime
 * pkg/resource/builder.go mappingFor; the error lines below are what kubectl 1.33 printed against the sim API
 * server).
 */
import { describe, expect, it } from 'vitest';
import { KIND_INFOS } from '../k8s/kinds';
import { isKind, type Kind } from '../k8s/types';
import { completeKubectl } from './complete';
import { FakeClusterClient } from './testing/fake-client';
import { kubectl } from './testing/run';

const served = KIND_INFOS.filter((k) => isKind(k.kind));

describe('resource types from the registry', () => {
  it('serves every registered kind the client stores, and only those', () => {
    expect(served.map((k) => k.kind).sort()).toEqual(['ConfigMap', 'CronJob', 'DaemonSet', 'Deployment', 'EndpointSlice', 'Endpoints', 'Event', 'Ingress', 'IngressClass', 'Job', 'Namespace', 'Node', 'Pod', 'PodDisruptionBudget', 'ReplicaSet', 'Secret', 'Service']);
  });

  it.each(served.map((k) => [k.kind, k] as const))('%s answers to every name the registry gives it', async (_kind, k) => {
    const client = new FakeClusterClient();
    client.seed(k.kind as Kind, { metadata: { name: 'x' } } as never);
    const qualified = k.group ? [`${k.plural}.${k.group}`, `${k.singular}.${k.version}.${k.group}`, `${k.kind}.${k.version}.${k.group}`] : [`${k.plural}.${k.version}.`];
    const names = [k.plural, k.singular, k.kind, k.plural.toUpperCase(), ...k.shortNames, ...qualified];
    for (const name of names) {
      const r = await kubectl(client, `kubectl get ${name} x -o name`);
      expect(r.exitCode, `${name}: ${r.stderr}`).toBe(0);
      expect(r.stdout, name).toBe(`${k.singular}${k.group ? `.${k.group}` : ''}/x\n`);
    }
    const words = completeKubectl('kubectl get ').candidates;
    for (const name of [k.plural, k.singular, ...k.shortNames]) expect(words, name).toContain(name);
  });

  it('refuses what the real kubectl refuses, naming only the resource part', async () => {
    const client = new FakeClusterClient();
    const firstLine = async (line: string) => (await kubectl(client, line)).stderr.split('\n')[0];
    // `deployments.v1` / `pods.v1`: one qualifier is a group, and there is no group `v1` (kubectl 1.33 agrees).
    expect(await firstLine('kubectl get deployments.v1')).toBe('error: the server doesn\'t have a resource type "deployments"');
    expect(await firstLine('kubectl get pods.v1')).toBe('error: the server doesn\'t have a resource type "pods"');
    expect(await firstLine('kubectl get foo.bar')).toBe('error: the server doesn\'t have a resource type "foo"');
    expect(await firstLine('kubectl describe foo.v1.apps')).toBe('error: the server doesn\'t have a resource type "foo"');
    expect(await firstLine('kubectl get Deployments.Apps')).toBe('error: the server doesn\'t have a resource type "Deployments"');
    // a name no registered kind has
    expect(await firstLine('kubectl get pvc')).toBe('error: the server doesn\'t have a resource type "pvc"');
  });
});
