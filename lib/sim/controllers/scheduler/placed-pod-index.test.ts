import { describe, expect, it } from 'vitest';
import type { V1Pod } from '../../../k8s/api-types';
import { parseLabelSelector } from '../../../k8s/selectors';
import { PlacedPodIndex } from './placed-pod-index';

const pod = (ns: string, name: string, labels: Record<string, string>, nodeName = 'n'): V1Pod => ({ metadata: { namespace: ns, name, labels }, spec: { nodeName, containers: [] } });
const terminating = (p: V1Pod): V1Pod => ({ ...p, metadata: { ...p.metadata, deletionTimestamp: new Date().toISOString() } });

/** An index over a plain list of placed pods, as the scheduler keeps it over the store: add/remove follow the list. */
function placedList() {
  const pods: V1Pod[] = [];
  const idx = new PlacedPodIndex((ns) => pods.filter((p) => p.metadata!.namespace === ns));
  return {
    idx,
    add(p: V1Pod) {
      pods.push(p);
      idx.add(p);
    },
    remove(p: V1Pod) {
      pods.splice(pods.indexOf(p), 1);
      idx.remove(p);
    },
  };
}

describe('PlacedPodIndex', () => {
  it('keeps per-node counts of a selector up to date as pods come, go and start terminating', () => {
    const { idx, add, remove } = placedList();
    add(pod('default', 'a', { app: 'web' }, 'n1'));
    const web = parseLabelSelector('app=web');
    expect([...idx.countsPerNode('default', web)]).toEqual([['n1', 1]]);
    const b = pod('default', 'b', { app: 'web' }, 'n2');
    add(b);
    add(pod('default', 'c', { app: 'db' }, 'n2'));
    add(pod('other', 'd', { app: 'web' }, 'n2'));
    expect(Object.fromEntries(idx.countsPerNode('default', web))).toEqual({ n1: 1, n2: 1 });
    // a terminating pod no longer counts (podtopologyspread countPodsMatchSelector): removed as it was, re-added with its deletionTimestamp
    remove(b);
    add(terminating(b));
    expect(Object.fromEntries(idx.countsPerNode('default', web))).toEqual({ n1: 1, n2: 0 });
  });

  it("starts a selector first asked for after pods were placed from the namespace's placed pods, then follows changes", () => {
    const { idx, add, remove } = placedList();
    const a = pod('default', 'a', { app: 'web', tier: 'fe' }, 'n1');
    add(a);
    add(pod('default', 'b', { app: 'web' }, 'n1'));
    add(terminating(pod('default', 'c', { app: 'web', tier: 'fe' }, 'n2')));
    add(pod('other', 'd', { app: 'web', tier: 'fe' }, 'n2'));
    const fe = parseLabelSelector('app=web,tier=fe');
    // only a: b lacks tier, c is terminating, d is in another namespace
    expect(Object.fromEntries(idx.countsPerNode('default', fe))).toEqual({ n1: 1 });
    expect(Object.fromEntries(idx.countsPerNode('other', fe))).toEqual({ n2: 1 });
    const e = pod('default', 'e', { app: 'web', tier: 'fe' }, 'n2');
    add(e);
    remove(a);
    expect(Object.fromEntries(idx.countsPerNode('default', fe))).toEqual({ n1: 0, n2: 1 });
    // a selector asked for after the changes reads them from the pods as they are now
    expect(Object.fromEntries(idx.countsPerNode('default', parseLabelSelector('app=web')))).toEqual({ n1: 1, n2: 1 });
  });
});
