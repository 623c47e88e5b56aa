import { describe, expect, it } from 'vitest';
import type { V1Pod } from '../../k8s/api-types';
import { createSimulator } from '../index';
import { isReady, podsOf } from '../testing';

describe('kube-system pods', () => {
  it('the DaemonSet brings back a deleted kube-proxy pod on the same node', () => {
    const sim = createSimulator({ seed: 71 });
    const old = podsOf(sim, 'kube-system', 'k8s-app=kube-proxy').find((p) => p.spec!.nodeName === 'worker-1')!;
    sim.delete('Pod', old.metadata!.name!, 'kube-system');
    sim.advance(15_000);
    const now = podsOf(sim, 'kube-system', 'k8s-app=kube-proxy');
    expect(now).toHaveLength(3);
    const replacement = now.find((p) => p.spec!.nodeName === 'worker-1')!;
    expect(replacement.metadata!.name).not.toBe(old.metadata!.name);
    expect(replacement.metadata!.name).toMatch(/^kube-proxy-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(isReady(replacement)).toBe(true);
    expect(replacement.status!.podIP).toBe(old.status!.podIP); // hostNetwork
  });

  it('the kubelet recreates a static pod mirror with the same name', () => {
    const sim = createSimulator({ seed: 72 });
    sim.delete('Pod', 'etcd-control-plane', 'kube-system');
    sim.advance(15_000);
    const etcd = sim.get('Pod', 'etcd-control-plane', 'kube-system') as V1Pod;
    expect(etcd.metadata!.deletionTimestamp).toBeUndefined();
    expect(etcd.metadata!.ownerReferences![0]).toMatchObject({ kind: 'Node', name: 'control-plane' });
    expect(isReady(etcd)).toBe(true);
  });
});
