import { describe, expect, it } from 'vitest';
import type { V1Pod } from '@kubernetes/client-node';
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
});
