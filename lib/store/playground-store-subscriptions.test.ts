import { describe, expect, it } from 'vitest';
import type { ClusterChange } from '../cluster/types';
import type { KubeObject } from '../k8s/types';
import { makeNode, makePod } from '../graph/test-fixtures';
import { createPlaygroundStore, PENDING_LANE } from './playground-store';

const up = (kind: ClusterChange['kind'], key: string, object: KubeObject): ClusterChange => ({ type: 'upsert', kind, key, object });
const del = (kind: ClusterChange['kind'], key: string, object: KubeObject): ClusterChange => ({ type: 'delete', kind, key, object });
const pod = (name: string, node: string | null, ready = true) => up('Pod', `Pod/default/${name}`, makePod({ name, node, ready }));

/** Two workers, pods a and b on worker-1, c on worker-2, and a listener counting wake-ups per key. */
function seeded() {
  const store = createPlaygroundStore();
  store.getState().applyBatch([up('Node', 'Node//worker-1', makeNode('worker-1')), up('Node', 'Node//worker-2', makeNode('worker-2')), pod('a', 'worker-1'), pod('b', 'worker-1'), pod('c', 'worker-2')]);
  const woken: string[] = [];
  const s = store.getState();
  for (const k of ['a', 'b', 'c', 'd']) s.podListeners.subscribe(`Pod/default/${k}`, () => woken.push(k));
  for (const n of ['worker-1', 'worker-2', PENDING_LANE]) s.podListListeners.subscribe(n, () => woken.push(n === PENDING_LANE ? 'pending' : n));
  return { store, woken };
}

describe('per-key subscriptions of the playground store', () => {
  it('a change to one pod wakes only that pod, and no node list when it stays where it was', () => {
    const { store, woken } = seeded();
    store.getState().applyBatch([pod('b', 'worker-1', false)]);
    expect(woken).toEqual(['b']);
    expect(store.getState().pods['Pod/default/b'].status.ready).toBe(false);
  });

  it('a pod joining, moving or leaving wakes the node lists whose membership changed, and only those', () => {
    const { store, woken } = seeded();
    store.getState().applyBatch([pod('d', null)]);
    expect(woken.sort()).toEqual(['d', 'pending']);
    woken.length = 0;
    store.getState().applyBatch([pod('d', 'worker-2')]);
    expect(woken.sort()).toEqual(['d', 'pending', 'worker-2']);
    woken.length = 0;
    store.getState().applyBatch([del('Pod', 'Pod/default/a', makePod({ name: 'a', node: 'worker-1' }))]);
    expect(woken.sort()).toEqual(['a', 'worker-1']);
    expect(store.getState().groups.podIdsByNode['worker-1']).toEqual(['Pod/default/b']);
  });

  it('copies no untouched entry: the pods record and every other pod view keep their identity', () => {
    const { store } = seeded();
    const before = store.getState();
    const [a, c] = [before.pods['Pod/default/a'], before.pods['Pod/default/c']];
    const worker2 = before.groups.podIdsByNode['worker-2'];
    store.getState().applyBatch([pod('b', 'worker-1', false)]);
    const after = store.getState();
    expect(after.pods).toBe(before.pods);
    expect(after.pods['Pod/default/a']).toBe(a);
    expect(after.pods['Pod/default/c']).toBe(c);
    expect(after.groups.podIdsByNode['worker-2']).toBe(worker2);
    expect(after.podsVersion).toBe(before.podsVersion + 1);
    // a batch without pods leaves the version alone
    store.getState().applyBatch([up('Node', 'Node//worker-3', makeNode('worker-3'))]);
    expect(store.getState().podsVersion).toBe(after.podsVersion);
  });

  // A kubelet writes its Node with every status report: every 5 minutes when nothing changed (the heartbeat) and with
  // each image it pulls (kubernetes.io/docs/concepts/architecture/nodes/#node-heartbeats; pkg/kubelet/kubelet_node_status.go).
  // At 50 nodes a rollout to a new image writes all 50 at once; none of it is in a node box.
  it('a Node write that only moves the heartbeat or adds an image keeps the node record and its view', () => {
    const { store } = seeded();
    const before = store.getState();
    const view = before.nodes['worker-1'];
    const reported = makeNode('worker-1');
    reported.status!.conditions = [{ type: 'Ready', status: 'True', lastHeartbeatTime: '2026-01-01T00:05:00Z' }];
    reported.status!.images = [{ names: ['docker.io/library/nginx:1.27'], sizeBytes: 72_000_000 }];
    store.getState().applyBatch([up('Node', 'Node//worker-1', reported)]);
    expect(store.getState().nodes).toBe(before.nodes);
    expect(store.getState().nodes['worker-1']).toBe(view);
    // what a node box shows still comes through: a label, a taint, readiness
    const labelled = makeNode('worker-1');
    labelled.metadata!.labels = { zone: 'a' };
    store.getState().applyBatch([up('Node', 'Node//worker-1', labelled)]);
    expect(store.getState().nodes['worker-1'].labels).toEqual({ zone: 'a' });
    const tainted = makeNode('worker-1');
    tainted.metadata!.labels = { zone: 'a' };
    tainted.spec!.taints = [{ key: 'gpu', value: 'true', effect: 'NoSchedule' }];
    store.getState().applyBatch([up('Node', 'Node//worker-1', tainted)]);
    expect(store.getState().nodes['worker-1'].taints).toEqual(['gpu=true:NoSchedule']);
    store.getState().applyBatch([up('Node', 'Node//worker-1', makeNode('worker-1', { ready: false }))]);
    expect(store.getState().nodes['worker-1']).toMatchObject({ ready: false, status: 'NotReady', labels: {}, taints: [] });
    // and a deleted node goes
    store.getState().applyBatch([del('Node', 'Node//worker-2', makeNode('worker-2'))]);
    expect(store.getState().nodes['worker-2']).toBeUndefined();
    expect(store.getState().nodeNames).toEqual(['worker-1']);
  });

  it('two stores never share a pods record, and clearing the cluster wakes every pod subscriber', () => {
    const { store, woken } = seeded();
    const other = createPlaygroundStore();
    expect(other.getState().pods).toEqual({});
    store.getState().clearCluster();
    expect(woken.filter((k) => k.length === 1).sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(store.getState().pods).toEqual({});
    expect(createPlaygroundStore().getState().pods).toEqual({});
  });

  it('an unsubscribed listener is not woken', () => {
    const store = createPlaygroundStore();
    let calls = 0;
    const off = store.getState().podListeners.subscribe('Pod/default/x', () => calls++);
    store.getState().applyBatch([pod('x', null)]);
    off();
    store.getState().applyBatch([pod('x', null, false)]);
    expect(calls).toBe(1);
  });
});
