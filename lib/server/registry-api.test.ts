/**
 * REST paths from the kind registry, laid out as the API server serves them (k8s.io/apiserver
 * pkg/endpoints/installer.go: /api/{version} for the core group, /apis/{group}/{version} otherwise,
 * namespaces/{namespace} only for namespaced kinds).
 */
import { describe, expect, it } from 'vitest';
import { restPath } from './registry-api';

describe('restPath', () => {
  it('builds collection and object paths for core, grouped and cluster-scoped kinds', () => {
    expect(restPath('Pod', 'default')).toBe('/api/v1/namespaces/default/pods');
    expect(restPath('Pod', 'default', 'web-1')).toBe('/api/v1/namespaces/default/pods/web-1');
    expect(restPath('Deployment', 'team-a', 'web')).toBe('/apis/apps/v1/namespaces/team-a/deployments/web');
    expect(restPath('ReplicaSet', 'team-a')).toBe('/apis/apps/v1/namespaces/team-a/replicasets');
    expect(restPath('Endpoints', 'default')).toBe('/api/v1/namespaces/default/endpoints');
    expect(restPath('Node', undefined, 'worker-1')).toBe('/api/v1/nodes/worker-1');
    // a namespace given for a cluster-scoped kind does not make a namespaced path
    expect(restPath('Node', 'default')).toBe('/api/v1/nodes');
  });

  it('lists across all namespaces without a namespace, and never lets a name add a path segment', () => {
    expect(restPath('Event')).toBe('/api/v1/events');
    expect(restPath('Pod', 'default', '../secrets/x')).toBe('/api/v1/namespaces/default/pods/..%2Fsecrets%2Fx');
  });
});
