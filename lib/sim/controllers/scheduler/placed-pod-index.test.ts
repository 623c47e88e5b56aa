import { describe, expect, it } from 'vitest';
import type { V1Pod } from '../../../k8s/api-types';
import { parseLabelSelector } from '../../../k8s/selectors';
import { PlacedPodIndex } from './placed-pod-index';

const pod = (ns: string, name: string, labels: Record<string, string>): V1Pod => ({ metadata: { namespace: ns, name, labels }, spec: { nodeName: 'n', containers: [] } });
const names = (it: Iterable<V1Pod>) => [...it].map((p) => p.metadata!.name).sort();

describe('PlacedPodIndex', () => {
  it('narrows candidates to the smallest equality set in the namespace and forgets removed pods', () => {
    const idx = new PlacedPodIndex();
    const a = pod('default', 'a', { app: 'web', tier: 'fe' });
    idx.add('default/a', a);
    idx.add('default/b', pod('default', 'b', { app: 'web' }));
    idx.add('default/c', pod('default', 'c', { app: 'db' }));
    idx.add('other/d', pod('other', 'd', { app: 'web', tier: 'fe' }));
    expect(names(idx.candidates('default', parseLabelSelector('app=web,tier=fe')))).toEqual(['a']);
    expect(names(idx.candidates('default', parseLabelSelector('app=web')))).toEqual(['a', 'b']);
    // no equality requirement: every placed pod of the namespace, to be matched by the caller
    expect(names(idx.candidates('default', parseLabelSelector('app!=web')))).toEqual(['a', 'b', 'c']);
    expect(names(idx.candidates('default', parseLabelSelector('app=cache')))).toEqual([]);
    idx.remove('default/a', a);
    expect(names(idx.candidates('default', parseLabelSelector('tier=fe')))).toEqual([]);
  });

  it('keeps per-node counts of a selector up to date as pods come, go and start terminating', () => {
    const idx = new PlacedPodIndex();
    const on = (p: V1Pod, nodeName: string) => ({ ...p, spec: { ...p.spec!, nodeName } });
    idx.add('default/a', on(pod('default', 'a', { app: 'web' }), 'n1'));
    const web = parseLabelSelector('app=web');
    expect([...idx.countsPerNode('default', web)]).toEqual([['n1', 1]]);
    const b = on(pod('default', 'b', { app: 'web' }), 'n2');
    idx.add('default/b', b);
    idx.add('default/c', on(pod('default', 'c', { app: 'db' }), 'n2'));
    idx.add('other/d', on(pod('other', 'd', { app: 'web' }), 'n2'));
    expect(Object.fromEntries(idx.countsPerNode('default', web))).toEqual({ n1: 1, n2: 1 });
    // a terminating pod no longer counts: removed as it was, re-added with its deletionTimestamp
    idx.remove('default/b', b);
    idx.add('default/b', { ...b, metadata: { ...b.metadata, deletionTimestamp: new Date().toISOString() } });
    expect(Object.fromEntries(idx.countsPerNode('default', web))).toEqual({ n1: 1, n2: 0 });
  });

  it('indexes pods that share one labels object (a ReplicaSet\'s template) per namespace, and follows a relabel', () => {
    const idx = new PlacedPodIndex();
    const shared = { app: 'web' };
    const a = pod('default', 'a', shared);
    const d = pod('other', 'd', shared);
    idx.add('default/a', a);
    idx.add('other/d', d);
    expect(names(idx.candidates('default', parseLabelSelector('app=web')))).toEqual(['a']);
    expect(names(idx.candidates('other', parseLabelSelector('app=web')))).toEqual(['d']);
    // a label edit gives the pod a new labels object: removed as it was, added as it is
    const relabelled = { ...a, metadata: { ...a.metadata, labels: { app: 'api' } } };
    idx.remove('default/a', a);
    idx.add('default/a', relabelled);
    expect(names(idx.candidates('default', parseLabelSelector('app=web')))).toEqual([]);
    expect(names(idx.candidates('default', parseLabelSelector('app=api')))).toEqual(['a']);
    expect(names(idx.candidates('other', parseLabelSelector('app=web')))).toEqual(['d']);
    idx.remove('other/d', d);
    expect(names(idx.candidates('other', parseLabelSelector('app!=x')))).toEqual([]);
  });
});
