import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRoute } from './route';
import { paginate } from './paging';
import { discoveryDocument } from './discovery';
import type { KubeObject } from '../k8s/types';

const summary = (path: string) => {
  const r = parseRoute(path);
  return r.type === 'resource' ? [r.resource.kind, r.namespace, r.name, r.subresource] : r.type;
};

describe('parseRoute', () => {
  it('never throws: a malformed percent-escape or non-UTF-8 bytes are a bad path (400), not "URI malformed" (500)', () => {
    expect(parseRoute('/api/v1/namespaces/%E0%A4%A/pods')).toEqual({ type: 'bad-path', message: 'parse "/api/v1/namespaces/%E0%A4%A/pods": invalid URL escape "%A"' });
    expect(parseRoute('/api/v1/namespaces/%C0%AE/pods')).toMatchObject({ type: 'bad-path' });
    expect(summary('/api/v1/namespaces/a%2Fb/pods')).toEqual(['Pod', 'a/b', undefined, undefined]);
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('%', '%E0', '%zz', '%25', 'api', 'v1', 'namespaces', 'pods')), { maxLength: 8 }), (parts) => {
        expect(() => parseRoute('/' + parts.join('/'))).not.toThrow();
      }),
      { numRuns: 500 },
    );
  });

  it('parses namespaced, cluster-scoped and all-namespace paths', () => {
    expect(summary('/api/v1/namespaces/default/pods')).toEqual(['Pod', 'default', undefined, undefined]);
    expect(summary('/api/v1/pods')).toEqual(['Pod', undefined, undefined, undefined]);
    expect(summary('/apis/apps/v1/namespaces/dev/deployments/web/scale')).toEqual(['Deployment', 'dev', 'web', 'scale']);
    expect(summary('/api/v1/nodes/worker-1')).toEqual(['Node', undefined, 'worker-1', undefined]);
    expect(summary('/api/v1/namespaces/default/pods/web-1/eviction')).toEqual(['Pod', 'default', 'web-1', 'eviction']);
  });

  it('treats /namespaces/{name}[/{sub}] as the Namespace object', () => {
    expect(summary('/api/v1/namespaces')).toEqual(['Namespace', undefined, undefined, undefined]);
    expect(summary('/api/v1/namespaces/team-a')).toEqual(['Namespace', undefined, 'team-a', undefined]);
    expect(summary('/api/v1/namespaces/team-a/status')).toEqual(['Namespace', undefined, 'team-a', 'status']);
  });

  it('recognises discovery paths and rejects unknown resources', () => {
    expect(summary('/api')).toBe('discovery');
    expect(summary('/apis/apps/v1')).toBe('discovery');
    expect(summary('/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/node-1')).toBe('not-found');
    expect(summary('/api/v1/namespaces/default/pods/x/exec')).toBe('not-found');
    expect(summary('/api/v1/namespaces/default/persistentvolumeclaims')).toBe('not-found');
  });
});

describe('paginate', () => {
  const pods = ['c', 'a', 'e', 'b', 'd'].map((name) => ({ metadata: { name, namespace: 'default' } }) as KubeObject);

  it('walks every item exactly once through continue tokens', () => {
    const seen: string[] = [];
    let token: string | undefined;
    do {
      const page = paginate(pods, '9', 2, token);
      seen.push(...page.items.map((p) => p.metadata!.name!));
      token = page.continueToken;
    } while (token);
    expect(seen).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('returns everything without a limit and rejects garbage tokens', () => {
    expect(paginate(pods, '9').items).toHaveLength(5);
    expect(() => paginate(pods, '9', 2, '!!!')).toThrow(/continue/);
  });
});

describe('discoveryDocument', () => {
  it('lists short names, categories and subresources like the real API server', () => {
    const doc = discoveryDocument('/apis/apps/v1', '127.0.0.1:1')!.body as { resources: { name: string; shortNames?: string[]; categories?: string[]; kind: string; group?: string }[] };
    const deploy = doc.resources.find((r) => r.name === 'deployments')!;
    expect(deploy.shortNames).toEqual(['deploy']);
    expect(deploy.categories).toEqual(['all']);
    expect(doc.resources.find((r) => r.name === 'deployments/scale')).toMatchObject({ kind: 'Scale', group: 'autoscaling' });
  });

  it('advertises pods/eviction (policy/v1) for kubectl drain', () => {
    const core = discoveryDocument('/api/v1', 'x')!.body as { resources: { name: string; group?: string; kind: string }[] };
    expect(core.resources.find((r) => r.name === 'pods/eviction')).toMatchObject({ group: 'policy', kind: 'Eviction' });
    expect(discoveryDocument('/apis/autoscaling/v1', 'x')).toBeUndefined();
  });
});
