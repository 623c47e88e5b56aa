import { describe, expect, it } from 'vitest';
import type { Kind, KubeObject } from '../k8s/types';
import { objectKey } from '../cluster/types';
import { evaluateCondition, evaluateConditions } from './conditions';
import { fakeObject } from './fake-cluster';

function cacheOf(entries: [Kind, KubeObject][]): Map<string, KubeObject> {
  return new Map(entries.map(([kind, o]) => [objectKey(kind, o.metadata!.name!, o.metadata?.namespace), o]));
}

const pod = (name: string, o: { phase?: string; ready?: boolean; node?: string; reason?: string; terminating?: boolean; app?: string } = {}) =>
  fakeObject('Pod', name, {
    metadata: { labels: { app: o.app ?? 'web' }, ...(o.terminating ? { deletionTimestamp: new Date(0) } : {}) },
    spec: { nodeName: o.node, containers: [{ name: 'nginx', image: 'nginx:1.25' }] },
    status: {
      phase: o.phase ?? 'Running',
      conditions: [{ type: 'Ready', status: o.ready === false ? 'False' : 'True' }],
      containerStatuses: o.reason ? [{ name: 'nginx', state: { waiting: { reason: o.reason } } }] : [],
    },
  });

describe('wait-until conditions', () => {
  it('count counts only objects that pass every filter, ignoring terminating ones', () => {
    const cache = cacheOf([
      ['Pod', pod('web-a')],
      ['Pod', pod('web-b', { ready: false, phase: 'Pending' })],
      ['Pod', pod('web-c', { terminating: true })],
      ['Pod', pod('db-a', { app: 'db' })],
    ]);
    expect(evaluateCondition({ kind: 'Pod', labelSelector: 'app=web', count: 1, ready: true }, cache).ok).toBe(true);
    const two = evaluateCondition({ kind: 'Pod', labelSelector: 'app=web', count: 2, ready: true }, cache);
    expect(two.ok).toBe(false);
    expect(two.waitingFor[0]).toContain('지금 1개');
  });

  it('terminating: true selects only the pods being deleted, e.g. those stranded on a failed node', () => {
    const cache = cacheOf([
      ['Pod', pod('web-a', { node: 'worker-2' })],
      ['Pod', pod('web-b', { node: 'worker-1', terminating: true })],
      ['Pod', pod('web-c', { node: 'worker-1', terminating: true })],
    ]);
    expect(evaluateCondition({ kind: 'Pod', labelSelector: 'app=web', terminating: true, count: 2, expect: { 'spec.nodeName': 'worker-1' } }, cache).ok).toBe(true);
    const none = evaluateCondition({ kind: 'Pod', labelSelector: 'app=web', terminating: true, absent: true }, cache);
    expect(none.ok).toBe(false);
    expect(none.waitingFor[0]).toContain('종료 중(Terminating)인 app=web 파드');
    expect(evaluateCondition({ kind: 'Pod', labelSelector: 'app=web', count: 1 }, cache).ok).toBe(true);
  });

  it('without count, every selected object must pass and at least one must exist', () => {
    const cache = cacheOf([['Pod', pod('web-a')], ['Pod', pod('web-b', { phase: 'Pending' })]]);
    expect(evaluateCondition({ kind: 'Pod', labelSelector: 'app=web', phase: 'Running' }, cache).ok).toBe(false);
    expect(evaluateCondition({ kind: 'Pod', labelSelector: 'app=none' }, cache).ok).toBe(false);
    expect(evaluateCondition({ kind: 'Pod', name: 'web-a', phase: 'Running' }, cache).ok).toBe(true);
  });

  it('reads field paths with loose equality and checks present/missing', () => {
    const dep = fakeObject('Deployment', 'web', { status: { updatedReplicas: 3, availableReplicas: 2 } });
    const ep = fakeObject('Endpoints', 'web-svc', { subsets: [] });
    const cache = cacheOf([['Deployment', dep], ['Endpoints', ep]]);
    expect(evaluateCondition({ kind: 'Deployment', name: 'web', expect: { 'status.updatedReplicas': '3' } }, cache).ok).toBe(true);
    expect(evaluateCondition({ kind: 'Deployment', name: 'web', expect: { 'status.availableReplicas': 3 } }, cache).ok).toBe(false);
    expect(evaluateCondition({ kind: 'Endpoints', name: 'web-svc', missing: ['subsets'] }, cache).ok).toBe(true);
    expect(evaluateCondition({ kind: 'Endpoints', name: 'web-svc', present: ['subsets[0].addresses[0].ip'] }, cache).ok).toBe(false);
  });

  it('matches container reasons and the Ready condition of nodes', () => {
    const node = fakeObject('Node', 'worker-1', { status: { conditions: [{ type: 'Ready', status: 'Unknown' }] } });
    const cache = cacheOf([['Pod', pod('web-x', { reason: 'ImagePullBackOff', ready: false })], ['Node', node]]);
    expect(evaluateCondition({ kind: 'Pod', labelSelector: 'app=web', minCount: 1, reason: ['ErrImagePull', 'ImagePullBackOff'] }, cache).ok).toBe(true);
    expect(evaluateCondition({ kind: 'Pod', labelSelector: 'app=web', minCount: 1, reason: 'CrashLoopBackOff' }, cache).ok).toBe(false);
    expect(evaluateCondition({ kind: 'Node', name: 'worker-1', ready: false }, cache).ok).toBe(true);
    expect(evaluateCondition({ kind: 'Node', name: 'worker-1', ready: true }, cache).ok).toBe(false);
  });

  it('absent holds once nothing (live) is selected', () => {
    const cache = cacheOf([['Service', fakeObject('Service', 'web-svc', { metadata: { deletionTimestamp: new Date(0) } })]]);
    expect(evaluateCondition({ kind: 'Service', name: 'web-svc', absent: true }, cache).ok).toBe(true);
    expect(evaluateCondition({ kind: 'Pod', labelSelector: 'app=web', absent: true }, cacheOf([['Pod', pod('web-a')]])).ok).toBe(false);
  });

  it('combines conditions and reports every unmet one in Korean', () => {
    const r = evaluateConditions([{ kind: 'Pod', name: 'a' }, { kind: 'Service', name: 'b' }], new Map());
    expect(r.ok).toBe(false);
    expect(r.waitingFor).toHaveLength(2);
    expect(r.waitingFor.join(' ')).toMatch(/[가-힣]/);
    expect(evaluateConditions(undefined, new Map()).ok).toBe(true);
  });
});
