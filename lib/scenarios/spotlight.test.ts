import { describe, expect, it } from 'vitest';
import type { Kind, KubeObject } from '../k8s/types';
import { objectKey } from '../cluster/types';
import { fakeObject } from './fake-cluster';
import { spotlightTargets } from './spotlight';

const cache = new Map<string, KubeObject>(
  ([
    ['Pod', fakeObject('Pod', 'web-b', { metadata: { labels: { app: 'web' } } })],
    ['Pod', fakeObject('Pod', 'web-a', { metadata: { labels: { app: 'web' } } })],
    ['Pod', fakeObject('Pod', 'db-a', { metadata: { labels: { app: 'db' } } })],
    ['Deployment', fakeObject('Deployment', 'web', { spec: { selector: { matchLabels: { app: 'web' } } } })],
    ['Service', fakeObject('Service', 'db-svc', { spec: { selector: { app: 'db' } } })],
  ] as [Kind, KubeObject][]).map(([k, o]) => [objectKey(k, o.metadata!.name!, o.metadata?.namespace), o]),
);

describe('spotlight targets', () => {
  it('resolves a Deployment or Service to the pods it selects, sorted', () => {
    expect(spotlightTargets({ kind: 'Deployment', name: 'web' }, cache)).toEqual({ pods: ['web-a', 'web-b'], nodes: [] });
    expect(spotlightTargets({ kind: 'Service', name: 'db-svc' }, cache)).toEqual({ pods: ['db-a'], nodes: [] });
  });

  it('takes pods by selector or name, and nodes by name', () => {
    expect(spotlightTargets({ kind: 'Pod', labelSelector: 'app in (db)' }, cache).pods).toEqual(['db-a']);
    expect(spotlightTargets({ kind: 'Pod', name: 'web-b' }, cache).pods).toEqual(['web-b']);
    expect(spotlightTargets({ kind: 'Node', name: 'worker-1' }, cache)).toEqual({ pods: [], nodes: ['worker-1'] });
    expect(spotlightTargets({ kind: 'Deployment', name: 'missing' }, cache).pods).toEqual([]);
    expect(spotlightTargets(undefined, cache)).toEqual({ pods: [], nodes: [] });
  });
});
