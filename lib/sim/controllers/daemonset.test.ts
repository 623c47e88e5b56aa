/**
 * User DaemonSets as pkg/controller/daemon runs them: one pod per node that should run it
 * (daemon_controller.go NodeShouldRunDaemonPod: nodeSelector, untolerated NoSchedule taints such as the control
 * plane's), new nodes get theirs, the controller's own tolerations for not-ready/unreachable nodes
 * (util/daemonset_util.go AddOrUpdateDaemonPodTolerations), RollingUpdate replacing at most maxUnavailable (default
 * 1, pkg/apis/apps/v1/defaults.go) nodes at a time (update.go rollingUpdate), OnDelete waiting for a user's delete,
 * status counts from updateDaemonSetStatus, and the template generation annotation from
 * pkg/registry/apps/daemonset/strategy.go.
 */
import { describe, expect, it } from 'vitest';
import type { V1DaemonSet, V1Pod } from '../../k8s/api-types';
import type { KubeObject } from '../../k8s/types';
import { createSimulator } from '../index';
import type { Simulator } from '../types';
import { EngineClient } from '../../kubectl/testing/engine-client';
import { kubectl } from '../../kubectl/testing/run';

const agent = (extra: Record<string, unknown> = {}, image = 'nginx:1.25') =>
  ({
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'agent' },
    spec: { selector: { matchLabels: { app: 'agent' } }, template: { metadata: { labels: { app: 'agent' } }, spec: { containers: [{ name: 'agent', image }] } }, ...extra },
  }) as KubeObject;
const ds = (sim: Simulator) => sim.get('DaemonSet', 'agent', 'default') as V1DaemonSet;
const pods = (sim: Simulator) => (sim.list('Pod', 'default', { labelSelector: 'app=agent' }).items as V1Pod[]).filter((p) => !p.metadata?.deletionTimestamp);
const images = (sim: Simulator) => pods(sim).map((p) => p.spec!.containers[0].image).sort();

describe('DaemonSet controller', () => {
  it('runs one pod on every worker (the control plane taint is not tolerated) and reports it in status', async () => {
    const sim = createSimulator({ seed: 41 });
    sim.create(agent());
    const created = ds(sim);
    expect(created.metadata!.annotations!['deprecated.daemonset.template.generation']).toBe('1');
    expect(created.spec!.updateStrategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } });
    sim.advance(30_000);
    expect(pods(sim).map((p) => p.spec!.nodeName).sort()).toEqual(['worker-1', 'worker-2']);
    const pod = pods(sim)[0];
    expect(pod.metadata!.ownerReferences![0]).toMatchObject({ kind: 'DaemonSet', name: 'agent', controller: true });
    expect(pod.metadata!.labels!['pod-template-generation']).toBe('1');
    expect(pod.spec!.tolerations).toEqual(expect.arrayContaining([{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' }]));
    expect(ds(sim).status).toMatchObject({ desiredNumberScheduled: 2, currentNumberScheduled: 2, numberReady: 2, numberAvailable: 2, updatedNumberScheduled: 2, numberMisscheduled: 0, observedGeneration: 1 });
    const out = (await kubectl(new EngineClient(sim), 'kubectl get ds')).stdout;
    expect(out).toMatch(/^NAME +DESIRED +CURRENT +READY +UP-TO-DATE +AVAILABLE +NODE SELECTOR +AGE\nagent +2 +2 +2 +2 +2 +<none> +\S+\n$/);
  });

  it('follows nodeSelector and gives a new node its pod', () => {
    const sim = createSimulator({ seed: 42 });
    const spec = { selector: { matchLabels: { app: 'agent' } }, template: { metadata: { labels: { app: 'agent' } }, spec: { nodeSelector: { disk: 'ssd' }, containers: [{ name: 'agent', image: 'nginx:1.25' }] } } };
    sim.create({ ...(agent() as object), spec } as KubeObject);
    sim.advance(5_000);
    expect(pods(sim)).toEqual([]);
    expect(ds(sim).status).toMatchObject({ desiredNumberScheduled: 0, currentNumberScheduled: 0 });
    sim.patch('Node', 'worker-2', undefined, { metadata: { labels: { disk: 'ssd' } } }, 'merge');
    sim.advance(5_000);
    expect(pods(sim).map((p) => p.spec!.nodeName)).toEqual(['worker-2']);
    sim.create({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'worker-3', labels: { disk: 'ssd', 'kubernetes.io/hostname': 'worker-3' } } } as KubeObject);
    sim.advance(1_000);
    expect(pods(sim).map((p) => p.spec!.nodeName).sort()).toEqual(['worker-2', 'worker-3']);
    // a node that loses the label loses the pod (not an allowed node any more: misscheduled, then deleted)
    sim.patch('Node', 'worker-2', undefined, { metadata: { labels: { disk: null } } }, 'merge');
    sim.advance(60_000);
    expect(pods(sim).map((p) => p.spec!.nodeName)).toEqual(['worker-3']);
  });

  it('replaces pods one node at a time on a template change, and only on delete with OnDelete', () => {
    const sim = createSimulator({ seed: 43, cluster: { workers: 3 } });
    sim.create(agent());
    sim.advance(30_000);
    sim.patch('DaemonSet', 'agent', 'default', { spec: { template: { spec: { containers: [{ name: 'agent', image: 'nginx:1.26' }] } } } }, 'strategic');
    expect(ds(sim).metadata!.annotations!['deprecated.daemonset.template.generation']).toBe('2');
    expect(ds(sim).metadata!.generation).toBe(2);
    sim.advance(100);
    // maxUnavailable 1: one old pod goes first, the others wait for its replacement to be available
    expect(images(sim)).toEqual(['nginx:1.25', 'nginx:1.25', 'nginx:1.26']);
    sim.advance(60_000);
    expect(images(sim)).toEqual(['nginx:1.26', 'nginx:1.26', 'nginx:1.26']);
    expect(ds(sim).status).toMatchObject({ updatedNumberScheduled: 3, numberAvailable: 3 });

    sim.patch('DaemonSet', 'agent', 'default', { spec: { updateStrategy: { type: 'OnDelete', rollingUpdate: null }, template: { spec: { containers: [{ name: 'agent', image: 'nginx:1.27' }] } } } }, 'strategic');
    sim.advance(60_000);
    expect(images(sim)).toEqual(['nginx:1.26', 'nginx:1.26', 'nginx:1.26']);
    expect(ds(sim).status?.updatedNumberScheduled ?? 0).toBe(0);
    sim.delete('Pod', pods(sim)[0].metadata!.name!, 'default');
    sim.advance(60_000);
    expect(images(sim)).toEqual(['nginx:1.26', 'nginx:1.26', 'nginx:1.27']);
  });

  it('serves kube-proxy and calico-node as DaemonSets that keep their pods', () => {
    const sim = createSimulator({ seed: 44 });
    sim.advance(1_000);
    const proxy = sim.get('DaemonSet', 'kube-proxy', 'kube-system') as V1DaemonSet;
    expect(proxy.status).toMatchObject({ desiredNumberScheduled: 3, currentNumberScheduled: 3, updatedNumberScheduled: 3 });
    const before = (sim.list('Pod', 'kube-system', { labelSelector: 'k8s-app=kube-proxy' }).items as V1Pod[]).map((p) => p.metadata!.name).sort();
    sim.advance(60_000);
    const after = (sim.list('Pod', 'kube-system', { labelSelector: 'k8s-app=kube-proxy' }).items as V1Pod[]).map((p) => p.metadata!.name).sort();
    expect(after).toEqual(before);
  });
});
