import { describe, expect, it } from 'vitest';
import type { ClusterChange } from '../cluster/types';
import type { KubeObject } from '../k8s/types';
import { makeNode, makePod, makeService } from '../graph/test-fixtures';
import { createPlaygroundStore } from './playground-store';
import { MAX_EVENTS } from './cluster-slice';

const up = (kind: ClusterChange['kind'], key: string, object: KubeObject, cause?: ClusterChange['cause']): ClusterChange => ({ type: 'upsert', kind, key, object, cause });
const del = (kind: ClusterChange['kind'], key: string, object: KubeObject): ClusterChange => ({ type: 'delete', kind, key, object });
const podUp = (name: string, node: string | null, o: { labels?: Record<string, string>; created?: string; ns?: string } = {}) =>
  up('Pod', `Pod/${o.ns ?? 'default'}/${name}`, makePod({ name, node, labels: o.labels, created: o.created, namespace: o.ns }));

function seeded() {
  const store = createPlaygroundStore();
  store.getState().applyBatch([
    up('Node', 'Node//worker-1', makeNode('worker-1')),
    up('Node', 'Node//control-plane', makeNode('control-plane', { controlPlane: true })),
    up('Node', 'Node//worker-2', makeNode('worker-2')),
    podUp('web-b', 'worker-1', { labels: { app: 'web' }, created: '2024-01-01T00:00:02Z' }),
    podUp('web-a', 'worker-1', { labels: { app: 'web' }, created: '2024-01-01T00:00:01Z' }),
    podUp('db-a', 'worker-2', { labels: { app: 'db' } }),
    podUp('etcd', 'control-plane', { ns: 'kube-system' }),
  ]);
  return store;
}

describe('playground store', () => {
  it('orders nodes, groups pods by node in creation order and hides kube-system by default', () => {
    const s = seeded().getState();
    expect(s.nodeNames).toEqual(['control-plane', 'worker-1', 'worker-2']);
    expect(s.groups.podIdsByNode['worker-1']).toEqual(['Pod/default/web-a', 'Pod/default/web-b']);
    expect(s.groups.podIdsByNode['control-plane']).toEqual([]);
  });

  it('the kube-system toggle, namespace and selector filters regroup the pods', () => {
    const store = seeded();
    store.getState().setShowKubeSystem(true);
    expect(store.getState().groups.podIdsByNode['control-plane']).toEqual(['Pod/kube-system/etcd']);
    store.getState().setSelectorText('app in (db)');
    expect(store.getState().groups.visiblePodCount).toBe(1);
    store.getState().setSelectorText('app in (');
    expect(store.getState().selectorError).toContain('셀렉터 문법');
    expect(store.getState().groups.visiblePodCount).toBe(4); // an invalid selector filters nothing
  });

  it('keeps a moved pod in place for untouched nodes and moves it between nodes', () => {
    const store = seeded();
    const before = store.getState().groups.podIdsByNode['worker-2'];
    store.getState().applyBatch([podUp('web-a', 'worker-2', { labels: { app: 'web' }, created: '2024-01-01T00:00:01Z' })]);
    const g = store.getState().groups;
    expect(g.podIdsByNode['worker-1']).toEqual(['Pod/default/web-b']);
    expect(g.podIdsByNode['worker-2']).toContain('Pod/default/web-a');
    expect(before).not.toBe(g.podIdsByNode['worker-2']);
  });

  it('highlights exactly the pods a Service selects and follows later changes', () => {
    const store = seeded();
    store.getState().applyBatch([up('Service', 'Service/default/web', makeService('web', { app: 'web' }))]);
    store.getState().highlightService('Service/default/web');
    expect(Object.keys(store.getState().highlight ?? {}).sort()).toEqual(['Pod/default/web-a', 'Pod/default/web-b']);
    store.getState().applyBatch([del('Pod', 'Pod/default/web-a', makePod({ name: 'web-a' }))]);
    expect(Object.keys(store.getState().highlight ?? {})).toEqual(['Pod/default/web-b']);
  });

  it('keeps events newest first with their Korean cause', () => {
    const store = seeded();
    const ev = (name: string, t: string) =>
      up('Event', `Event/default/${name}`, { metadata: { name, namespace: 'default' }, involvedObject: { kind: 'Pod', name: 'web-a', namespace: 'default' }, reason: 'Pulled', lastTimestamp: t }, { actor: 'kubelet/worker-1', message: `이유 ${name}` });
    store.getState().applyBatch([ev('e1', '2024-01-01T00:00:01Z'), ev('e2', '2024-01-01T00:00:03Z')]);
    store.getState().applyBatch([ev('e3', '2024-01-01T00:00:02Z')]);
    expect(store.getState().events.map((e) => [e.key, e.why])).toEqual([
      ['Event/default/e2', '이유 e2'],
      ['Event/default/e3', '이유 e3'],
      ['Event/default/e1', '이유 e1'],
    ]);
  });
});

describe('event list', () => {
  it('keeps only the newest events, and an updated event rises to the top', () => {
    const store = createPlaygroundStore();
    const ev = (name: string, seconds: number, count = 1) =>
      up('Event', `Event/default/${name}`, {
        metadata: { name, namespace: 'default' },
        involvedObject: { kind: 'Pod', name: 'p', namespace: 'default' },
        reason: 'Pulled',
        count,
        lastTimestamp: new Date(Date.UTC(2024, 0, 1, 0, 0, seconds)).toISOString(),
      });
    store.getState().applyBatch(Array.from({ length: MAX_EVENTS + 50 }, (_, i) => ev(`e${i}`, i % 60)));
    const events = store.getState().events;
    expect(events).toHaveLength(MAX_EVENTS);
    for (let i = 1; i < events.length; i++) expect(events[i - 1].time).toBeGreaterThanOrEqual(events[i].time);
    store.getState().applyBatch([ev('e0', 59, 2)]);
    expect(store.getState().events[0]).toMatchObject({ key: 'Event/default/e0', count: 2 });
    expect(store.getState().events.filter((e) => e.key === 'Event/default/e0')).toHaveLength(1);
  });

  it('projects only the events it keeps: a first snapshot holds every event of the cluster, the panel the newest', () => {
    const store = createPlaygroundStore();
    let projected = 0;
    // an Event whose message is read only by projecting it (the time comes from lastTimestamp)
    const ev = (i: number) =>
      up('Event', `Event/default/e${i}`, {
        metadata: { name: `e${i}`, namespace: 'default' },
        involvedObject: { kind: 'Pod', name: 'p', namespace: 'default' },
        get message() {
          projected++;
          return `event ${i}`;
        },
        lastTimestamp: new Date(Date.UTC(2024, 0, 1, 0, 0, 0, i)).toISOString(),
      } as KubeObject);
    store.getState().applyBatch(Array.from({ length: MAX_EVENTS * 5 }, (_, i) => ev(i)));
    const events = store.getState().events;
    expect(events.map((e) => e.message)).toEqual(Array.from({ length: MAX_EVENTS }, (_, i) => `event ${MAX_EVENTS * 5 - 1 - i}`));
    expect(projected).toBe(MAX_EVENTS);
  });
});
