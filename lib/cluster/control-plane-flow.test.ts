import { describe, expect, it } from 'vitest';
import type { Kind, KubeObject } from '../k8s/types';
import { fakeObject } from '../scenarios/fake-cluster';
import { flowForChange, hopOfActor, inferCause } from './control-plane-flow';
import type { ClusterChange } from './types';
import { objectKey } from './types';

const change = (kind: Kind, object: KubeObject, type: 'upsert' | 'delete' = 'upsert', cause?: ClusterChange['cause']): ClusterChange => ({
  type,
  kind,
  key: objectKey(kind, object.metadata!.name!, object.metadata?.namespace),
  object,
  cause,
});

const ownedPod = (extra: Record<string, unknown> = {}) =>
  fakeObject('Pod', 'web-abc12', {
    metadata: { ownerReferences: [{ kind: 'ReplicaSet', name: 'web-5d9c', controller: true, apiVersion: 'apps/v1', uid: 'u' }] },
    spec: { containers: [{ name: 'nginx', image: 'nginx' }] },
    ...extra,
  });

describe('inferring causes from watch events (real clusters)', () => {
  it('a new object with a controller owner was created by that controller', () => {
    expect(inferCause(change('Pod', ownedPod()), undefined)).toMatchObject({ actor: 'replicaset-controller', hop: 'controller' });
    expect(inferCause(change('Deployment', fakeObject('Deployment', 'web')), undefined)).toMatchObject({ actor: 'kubectl', hop: 'apiserver' });
  });

  it('spec.nodeName appearing means the scheduler bound the pod', () => {
    const before = ownedPod();
    const after = ownedPod({ spec: { nodeName: 'worker-2', containers: [] } });
    const cause = inferCause(change('Pod', after), before);
    expect(cause).toMatchObject({ actor: 'scheduler', hop: 'scheduler' });
    expect(cause!.message).toContain('worker-2');
  });

  it('a status change on a bound pod comes from that node’s kubelet; no change is noise', () => {
    const bound = ownedPod({ spec: { nodeName: 'worker-1', containers: [] }, status: { phase: 'Pending' } });
    const running = ownedPod({ spec: { nodeName: 'worker-1', containers: [] }, status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] } });
    expect(inferCause(change('Pod', running), bound)).toMatchObject({ actor: 'kubelet/worker-1', hop: 'kubelet' });
    expect(inferCause(change('Pod', running), running)).toBeNull();
  });

  it('a node losing its heartbeat is the node lifecycle controller; deletes and Events', () => {
    const ready = fakeObject('Node', 'worker-1', { status: { conditions: [{ type: 'Ready', status: 'True' }] } });
    const unknown = fakeObject('Node', 'worker-1', { status: { conditions: [{ type: 'Ready', status: 'Unknown' }] } });
    expect(inferCause(change('Node', unknown), ready)).toMatchObject({ actor: 'node-lifecycle-controller' });
    expect(inferCause(change('Node', ready), ready)).toBeNull();
    expect(inferCause(change('Pod', ownedPod(), 'delete'), ownedPod())).toMatchObject({ hop: 'apiserver' });
    expect(inferCause(change('Event', fakeObject('Event', 'e')), undefined)).toBeNull();
  });
});

describe('flow paths', () => {
  it("a kubelet's routine node status report draws no path, on the simulator as on a real cluster", () => {
    const node = fakeObject('Node', 'worker-1', { status: { conditions: [{ type: 'Ready', status: 'True' }] } });
    const heartbeat = { actor: 'kubelet/worker-1', message: 'kubelet(worker-1): 노드 상태 보고', hop: 'kubelet', routine: true } as const;
    expect(flowForChange(change('Node', node, 'upsert', heartbeat), node)).toBeNull();
    expect(flowForChange(change('Node', node), node)).toBeNull();
    const { routine: _, ...posted } = heartbeat;
    expect(flowForChange(change('Node', node, 'upsert', posted), node)!.hops[0]).toMatchObject({ hop: 'kubelet', node: 'worker-1' });
  });

  it('a controller write goes controller → apiserver → etcd, then wakes the scheduler for an unbound pod', () => {
    const flow = flowForChange(change('Pod', ownedPod(), 'upsert', { actor: 'replicaset-controller', message: '레플리카셋 web-5d9c: 1개 생성', hop: 'controller' }));
    expect(flow!.hops.map((h) => h.hop)).toEqual(['controller', 'apiserver', 'etcd', 'scheduler']);
    expect(flow!.hops[0].caption).toBe('레플리카셋 web-5d9c: 1개 생성');
  });

  it('a binding goes scheduler → apiserver → etcd → the node’s kubelet', () => {
    const bound = ownedPod({ spec: { nodeName: 'worker-1', containers: [] } });
    const flow = flowForChange(change('Pod', bound, 'upsert', { actor: 'scheduler', message: '배치' }), ownedPod());
    expect(flow!.hops.map((h) => h.hop)).toEqual(['scheduler', 'apiserver', 'etcd', 'kubelet']);
    expect(flow!.hops[3].node).toBe('worker-1');
  });

  it('a kubectl write starts at the apiserver and a new Deployment wakes the controller manager', () => {
    const flow = flowForChange(change('Deployment', fakeObject('Deployment', 'web', { metadata: { generation: 1, resourceVersion: '42' } })), undefined);
    expect(flow!.hops.map((h) => h.hop)).toEqual(['apiserver', 'etcd', 'controller']);
    expect(flow!.hops[1].caption).toContain('resourceVersion 42');
  });

  it('names who acts once: the label, then what it did without the speaker prefix the simulator puts on causes', () => {
    const bound = ownedPod({ spec: { nodeName: 'worker-2', containers: [] } });
    const flow = flowForChange(change('Pod', bound, 'upsert', { actor: 'kubelet/worker-2', message: 'kubelet(worker-2): 파드 web-abc12이(가) 준비됨 (Ready)', hop: 'kubelet' }), bound);
    const lines = flow!.hops.map((h) => `${h.label}: ${h.caption}`);
    expect(lines).toEqual(['kubelet(worker-2): 파드 web-abc12이(가) 준비됨 (Ready)', 'kube-apiserver: kubelet(worker-2)의 요청을 검증하고 받아들입니다', 'etcd: Pod web-abc12 저장']);
    const scheduled = flowForChange(change('Pod', bound, 'upsert', { actor: 'scheduler', message: '스케줄러: 파드 web-abc12을(를) worker-2에 배치', hop: 'scheduler' }), ownedPod());
    expect(scheduled!.hops[0]).toMatchObject({ label: 'kube-scheduler', caption: '파드 web-abc12을(를) worker-2에 배치' });
    expect(scheduled!.verb).toBe('bind');
  });

  it('maps actors to hops', () => {
    expect(['kubectl', 'scheduler', 'kubelet/worker-1', 'replicaset-controller', 'node-lifecycle-controller'].map(hopOfActor)).toEqual(['apiserver', 'scheduler', 'kubelet', 'controller', 'controller']);
  });
});
