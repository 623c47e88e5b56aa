/** The deploy/ manifests stay in step with the code: read-only RBAC for exactly the watched kinds. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { WATCHED_KINDS } from './upstream-types';

const docs = (file: string) =>
  parseAllDocuments(readFileSync(path.join(process.cwd(), 'deploy', file), 'utf8')).map((d) => d.toJSON() as Record<string, any>);

const RESOURCE_OF: Record<string, string> = {
  Node: 'nodes',
  Pod: 'pods',
  ReplicaSet: 'apps/replicasets',
  Deployment: 'apps/deployments',
  Service: 'services',
  Endpoints: 'endpoints',
  Event: 'events',
};

describe('deploy/kubernetes.yaml', () => {
  const all = docs('kubernetes.yaml');
  const byKind = (kind: string) => all.filter((d) => d.kind === kind);

  it('has the Deployment, Service, ServiceAccount, ClusterRole and binding', () => {
    for (const kind of ['Deployment', 'Service', 'ServiceAccount', 'ClusterRole', 'ClusterRoleBinding']) expect(byKind(kind), kind).toHaveLength(1);
    const pod = byKind('Deployment')[0].spec.template.spec;
    expect(pod.serviceAccountName).toBe(byKind('ServiceAccount')[0].metadata.name);
    expect(byKind('ClusterRoleBinding')[0].roleRef.name).toBe(byKind('ClusterRole')[0].metadata.name);
  });

  it('grants only get/list/watch, on exactly the kinds the hub watches', () => {
    const granted: string[] = [];
    for (const rule of byKind('ClusterRole')[0].rules) {
      expect(rule.verbs.sort()).toEqual(['get', 'list', 'watch']);
      for (const g of rule.apiGroups) for (const r of rule.resources) granted.push(g ? `${g}/${r}` : r);
    }
    expect(granted.sort()).toEqual(WATCHED_KINDS.map((k) => RESOURCE_OF[k]).sort());
    expect(granted.join()).not.toMatch(/secrets|configmaps|\*/);
  });
});

describe('deploy/write-access.yaml', () => {
  it('never grants reads of secrets or wildcards', () => {
    for (const d of docs('write-access.yaml').filter((x) => x.kind === 'ClusterRole')) {
      for (const rule of d.rules) {
        expect(rule.resources.join()).not.toMatch(/secrets|configmaps|\*/);
        expect(rule.verbs.join()).not.toMatch(/\*|escalate|bind|impersonate/);
      }
    }
  });
});
