/**
 * Adding a kind took no kubectl change: DaemonSet became stored (lib/k8s/types.ts KINDS) with no edit to the
 * get/describe/completion code, and kubectl resolves it by every name, lists it in
 * api-resources and `get all`, completes it and prints its table with the registry's columns. Expected lines
 * are the real kubectl's: `kubectl api-resources` (daemonsets ds apps/v1) and `kubectl get ds` headers from
 * pkg/printers/internalversion/printers.go daemonSetColumnDefinitions.
 */
import { describe, expect, it } from 'vitest';
import type { Kind } from '../k8s/types';
import { completeKubectl } from './complete';
import { FakeClusterClient } from './testing/fake-client';
import { kubectl } from './testing/run';

describe('a kind the client starts to store', () => {
  it('is a kubectl resource type with no change to lib/kubectl', async () => {
    const client = new FakeClusterClient();
    client.seed('DaemonSet' as Kind, { metadata: { name: 'agent' }, spec: { selector: { matchLabels: { app: 'agent' } } } } as never);
    for (const name of ['ds', 'daemonset', 'daemonsets', 'DaemonSet', 'daemonsets.apps', 'ds.v1.apps']) {
      expect((await kubectl(client, `kubectl get ${name} -o name`)).stdout, name).toBe('daemonset.apps/agent\n');
    }
    expect((await kubectl(client, 'kubectl get ds')).stdout.split('\n')[0]).toMatch(/^NAME +DESIRED +CURRENT +READY +UP-TO-DATE +AVAILABLE +NODE SELECTOR +AGE$/);
    expect((await kubectl(client, 'kubectl api-resources')).stdout).toMatch(/^daemonsets +ds +apps\/v1 +true +DaemonSet$/m);
    expect((await kubectl(client, 'kubectl get all -o name')).stdout).toBe('daemonset.apps/agent\n');
    expect(completeKubectl('kubectl get da').candidates).toEqual(['daemonset', 'daemonsets']);
  });
});
