import { describe, expect, it } from 'vitest';
import type { ClusterChange } from '../cluster/types';
import type { KubeObject } from '../k8s/types';
import { makeNode, makePod, makeService, type PodSpecInput } from '../graph/test-fixtures';
import { createPlaygroundStore } from './playground-store';

const up = (kind: ClusterChange['kind'], key: string, object: KubeObject): ClusterChange => ({ type: 'upsert', kind, key, object });
const del = (kind: ClusterChange['kind'], key: string, object: KubeObject): ClusterChange => ({ type: 'delete', kind, key, object });
const pod = (p: PodSpecInput): ClusterChange => up('Pod', `Pod/default/${p.name}`, makePod({ node: 'worker-1', ...p }));
const gone = (p: PodSpecInput): ClusterChange => del('Pod', `Pod/default/${p.name}`, makePod(p));

/** Three pods of ReplicaSet web-5d9c, created together, with pod web-5d9c-aaaaa selected. */
function withSelectedPod() {
  const store = createPlaygroundStore();
  store.getState().applyBatch([
    up('Node', 'Node//worker-1', makeNode('worker-1')),
    ...['aaaaa', 'bbbbb', 'ccccc'].map((s) => pod({ name: `web-5d9c-${s}`, owner: 'web-5d9c', created: '2025-01-15T00:00:01Z' })),
    pod({ name: 'solo', created: '2025-01-15T00:00:01Z' }),
  ]);
  store.getState().select({ kind: 'Pod', key: 'Pod/default/web-5d9c-aaaaa' });
  return store;
}

describe('when the selected object is deleted', () => {
  it('a deleted pod is followed to the replacement its ReplicaSet made, with a Korean note', () => {
    const store = withSelectedPod();
    // kubectl delete pod: the pod turns Terminating, the ReplicaSet creates a replacement, then the pod is gone.
    store.getState().applyBatch([
      pod({ name: 'web-5d9c-aaaaa', owner: 'web-5d9c', created: '2025-01-15T00:00:01Z', deleting: true }),
      pod({ name: 'web-5d9c-zzzzz', owner: 'web-5d9c', created: '2025-01-15T00:01:00Z', ready: false }),
    ]);
    expect(store.getState().selection).toEqual({ kind: 'Pod', key: 'Pod/default/web-5d9c-aaaaa' }); // still Terminating
    expect(store.getState().selectionNote).toBeNull();
    store.getState().applyBatch([gone({ name: 'web-5d9c-aaaaa', owner: 'web-5d9c' })]);
    expect(store.getState().selection).toEqual({ kind: 'Pod', key: 'Pod/default/web-5d9c-zzzzz' });
    expect(store.getState().selectionNote).toBe('선택한 파드가 삭제되어, 같은 레플리카셋이 대신 만든 파드를 보여 줘요: web-5d9c-aaaaa → web-5d9c-zzzzz');
  });

  it('a scale-down (no newer pod of the owner) closes the panel instead of jumping to a sibling', () => {
    const store = withSelectedPod();
    store.getState().applyBatch([gone({ name: 'web-5d9c-aaaaa', owner: 'web-5d9c' })]);
    expect(store.getState().selection).toBeNull();
    expect(store.getState().selectionNote).toBe('선택한 파드가 삭제되어 자세히 보기를 닫았어요: web-5d9c-aaaaa');
  });

  it('a replacement that is itself terminating, or of another owner, is not followed', () => {
    const store = withSelectedPod();
    store.getState().applyBatch([
      pod({ name: 'web-5d9c-yyyyy', owner: 'web-5d9c', created: '2025-01-15T00:02:00Z', deleting: true }),
      pod({ name: 'api-7f-xxxxx', owner: 'api-7f', created: '2025-01-15T00:02:00Z' }),
      gone({ name: 'web-5d9c-aaaaa', owner: 'web-5d9c' }),
    ]);
    expect(store.getState().selection).toBeNull();
  });

  it('a bare pod, a Service or a node closes the panel and names what was deleted', () => {
    const store = withSelectedPod();
    store.getState().select({ kind: 'Pod', key: 'Pod/default/solo' });
    store.getState().applyBatch([gone({ name: 'solo' })]);
    expect(store.getState().selectionNote).toBe('선택한 파드가 삭제되어 자세히 보기를 닫았어요: solo');

    store.getState().applyBatch([up('Service', 'Service/default/web', makeService('web', { app: 'web' }))]);
    store.getState().select({ kind: 'Service', key: 'Service/default/web' });
    expect(store.getState().selectionNote).toBeNull(); // choosing something clears the old note
    store.getState().applyBatch([del('Service', 'Service/default/web', makeService('web', { app: 'web' }))]);
    expect(store.getState().selection).toBeNull();
    expect(store.getState().selectionNote).toBe('선택한 서비스가 삭제되어 자세히 보기를 닫았어요: web');

    store.getState().select({ kind: 'Node', key: 'worker-1' });
    store.getState().applyBatch([del('Node', 'Node//worker-1', makeNode('worker-1'))]);
    expect(store.getState().selectionNote).toBe('선택한 노드가 삭제되어 자세히 보기를 닫았어요: worker-1');
  });

  it('leaves the selection alone when other objects change, and the note can be dismissed', () => {
    const store = withSelectedPod();
    store.getState().applyBatch([gone({ name: 'web-5d9c-bbbbb', owner: 'web-5d9c' }), pod({ name: 'web-5d9c-aaaaa', owner: 'web-5d9c', restarts: 1 })]);
    expect(store.getState().selection).toEqual({ kind: 'Pod', key: 'Pod/default/web-5d9c-aaaaa' });
    expect(store.getState().selectionNote).toBeNull();
    store.getState().applyBatch([gone({ name: 'web-5d9c-aaaaa', owner: 'web-5d9c' })]);
    store.getState().dismissSelectionNote();
    expect(store.getState().selectionNote).toBeNull();
  });
});
