/**
 * helper.DefaultSelector (pkg/scheduler/framework/plugins/helper/spread.go): the Services selecting the pod, merged,
 * plus its ReplicaSet's selector — and the cache the scheduler keeps of it, which a Service change must clear.
 */
import { describe, expect, it } from 'vitest';
import type { V1Pod, V1ReplicaSet, V1Service } from '../../../k8s/api-types';
import { DefaultSelectorCache, type SpreadSelectorSource } from './default-selector';

const rs: V1ReplicaSet = { metadata: { name: 'web-abc', namespace: 'default', uid: 'rs-1' }, spec: { selector: { matchLabels: { app: 'web', 'pod-template-hash': 'abc' } }, template: {} } };
const pod: V1Pod = {
  metadata: { name: 'web-abc-x', namespace: 'default', labels: { app: 'web', tier: 'fe', 'pod-template-hash': 'abc' }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-abc', uid: 'rs-1', controller: true }] },
};
function fakeEngine(services: V1Service[], replicaSets: V1ReplicaSet[] = [rs]): SpreadSelectorSource {
  return {
    store: { values: () => services },
    get: (_kind, key) => replicaSets.find((r) => `${r.metadata!.namespace}/${r.metadata!.name}` === key),
  };
}
const keys = (sel: { requirements: { key: string; values: string[] }[] }) => sel.requirements.map((r) => `${r.key}=${r.values.join()}`).sort();

describe('DefaultSelectorCache', () => {
  it('merges selecting Services with the ReplicaSet selector, and sees a new Service only after servicesChanged()', () => {
    const services: V1Service[] = [{ metadata: { name: 'web', namespace: 'default' }, spec: { selector: { app: 'web' } } }];
    const e = fakeEngine(services);
    const cache = new DefaultSelectorCache();
    expect(keys(cache.selectorFor(pod, e))).toEqual(['app=web', 'app=web', 'pod-template-hash=abc']);
    services.push({ metadata: { name: 'fe', namespace: 'default' }, spec: { selector: { tier: 'fe' } } });
    expect(keys(cache.selectorFor(pod, e))).not.toContain('tier=fe');
    cache.servicesChanged();
    expect(keys(cache.selectorFor(pod, e))).toEqual(['app=web', 'app=web', 'pod-template-hash=abc', 'tier=fe']);
  });

  it('drops the ReplicaSet selector once the set is gone, even for the next pod of the same set', () => {
    const replicaSets = [rs];
    const e = fakeEngine([], replicaSets);
    const cache = new DefaultSelectorCache();
    expect(keys(cache.selectorFor(pod, e))).toEqual(['app=web', 'pod-template-hash=abc']);
    const next: V1Pod = { metadata: { ...pod.metadata, name: 'web-abc-y' } };
    replicaSets.pop();
    // helper.DefaultSelector lists the ReplicaSets that exist: none selects the pod now
    expect(keys(cache.selectorFor(next, e))).toEqual([]);
    // a new set of that name whose selector matches the pod counts again (upstream lists the sets selecting the pod)
    replicaSets.push({ ...rs, metadata: { ...rs.metadata, uid: 'rs-2' } });
    expect(keys(cache.selectorFor(next, e))).toEqual(['app=web', 'pod-template-hash=abc']);
  });
});
