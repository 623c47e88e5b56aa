import { describe, expect, it } from 'vitest';
import { groupPods, orderNodeNames } from './pod-groups';
import { projectPod } from './projection';
import { makePod } from './test-fixtures';

const f = { namespace: '', showKubeSystem: false, selector: null };
const pod = (name: string, node: string | null, o: { ns?: string; cpu?: string } = {}) =>
  projectPod(`Pod/${o.ns ?? 'default'}/${name}`, makePod({ name, node, namespace: o.ns, cpu: o.cpu, phase: node ? 'Running' : 'Pending' }));

describe('groupPods', () => {
  it('groups by node in input order, with a pending lane and empty nodes present', () => {
    const g = groupPods([pod('a', 'w1'), pod('b', null), pod('c', 'w1'), pod('d', 'w2')], ['cp', 'w1', 'w2'], f);
    expect(g.podIdsByNode).toEqual({ cp: [], w1: ['Pod/default/a', 'Pod/default/c'], w2: ['Pod/default/d'] });
    expect(g.pendingPodIds).toEqual(['Pod/default/b']);
    expect(g.visiblePodCount).toBe(4);
    expect(g.podIdsByOwner['']).toHaveLength(4);
  });

  it('groups visible pods by their controlling ReplicaSet for the workload view', () => {
    const owned = (name: string, rs: string) => projectPod(`Pod/default/${name}`, makePod({ name, owner: rs, node: 'w1' }));
    const g = groupPods([owned('a', 'web-1'), owned('b', 'web-2'), owned('c', 'web-1')], ['w1'], f);
    expect(g.podIdsByOwner).toEqual({ 'ReplicaSet/default/web-1': ['Pod/default/a', 'Pod/default/c'], 'ReplicaSet/default/web-2': ['Pod/default/b'] });
  });

  it('reuses unchanged arrays so untouched node boxes skip re-rendering', () => {
    const first = groupPods([pod('a', 'w1'), pod('d', 'w2')], ['w1', 'w2'], f);
    const second = groupPods([pod('a', 'w1'), pod('d', 'w2'), pod('e', 'w2')], ['w1', 'w2'], f, first);
    expect(second.podIdsByNode.w1).toBe(first.podIdsByNode.w1);
    expect(second.podIdsByNode.w2).not.toBe(first.podIdsByNode.w2);
    expect(second.usageByNode.w1).toBe(first.usageByNode.w1);
  });

  it('counts requests of hidden pods too (the scheduler sees them), but hides them from the lists', () => {
    const g = groupPods([pod('s', 'cp', { ns: 'kube-system', cpu: '250m' }), pod('a', 'cp', { cpu: '100m' })], ['cp'], f);
    expect(g.podIdsByNode.cp).toEqual(['Pod/default/a']);
    expect(g.usageByNode.cp).toEqual({ cpuRequestMilli: 350, memoryRequestBytes: 0, pods: 2 });
  });
});

describe('orderNodeNames', () => {
  it('puts the control plane first and sorts workers naturally', () => {
    expect(
      orderNodeNames([
        { name: 'worker-10', role: 'worker' },
        { name: 'worker-2', role: 'worker' },
        { name: 'control-plane', role: 'control-plane' },
      ]),
    ).toEqual(['control-plane', 'worker-2', 'worker-10']);
  });
});
