import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KIND_INFOS, KOREAN_FIELD_DOCS, kindForResource, kindsInCategory, qualifiedPlural, qualifiedSingular, resolveResource, type RegisteredKind } from './registry';
import { META_FIELDS_KO } from './meta';
import { POD_SPEC_FIELDS_KO } from './pod-spec';
import { STRUCTS } from './upstream/structs';

/**
 * What kube-apiserver 1.34 registers for each resource. Short names and categories come from each REST storage's
 * ShortNames()/Categories() (kubernetes pkg/registry/<group>/<resource>/storage/storage.go: pod, deployment,
 * replicaset, daemonset, service, endpoint, node, namespace, event, configmap, secret, job; discovery/endpointslice; policy/poddisruptionbudget; networking/ingress, ingressclass); scope from each strategy's NamespaceScoped().
 */
const UPSTREAM: Record<RegisteredKind, [group: string, plural: string, singular: string, shortNames: string[], categories: string[], namespaced: boolean]> = {
  Pod: ['', 'pods', 'pod', ['po'], ['all'], true],
  Service: ['', 'services', 'service', ['svc'], ['all'], true],
  Endpoints: ['', 'endpoints', 'endpoints', ['ep'], [], true],
  Event: ['', 'events', 'event', ['ev'], [], true],
  Node: ['', 'nodes', 'node', ['no'], [], false],
  Namespace: ['', 'namespaces', 'namespace', ['ns'], [], false],
  Deployment: ['apps', 'deployments', 'deployment', ['deploy'], ['all'], true],
  ReplicaSet: ['apps', 'replicasets', 'replicaset', ['rs'], ['all'], true],
  DaemonSet: ['apps', 'daemonsets', 'daemonset', ['ds'], ['all'], true],
  Job: ['batch', 'jobs', 'job', [], ['all'], true],
  // pkg/registry/batch/cronjob/storage/storage.go: ShortNames() ["cj"], Categories() ["all"]
  CronJob: ['batch', 'cronjobs', 'cronjob', ['cj'], ['all'], true],
  ConfigMap: ['', 'configmaps', 'configmap', ['cm'], [], true],
  Secret: ['', 'secrets', 'secret', [], [], true],
  EndpointSlice: ['discovery.k8s.io', 'endpointslices', 'endpointslice', [], [], true],
  // pkg/registry/policy/poddisruptionbudget/storage/storage.go: ShortNames() ["pdb"], no Categories()
  PodDisruptionBudget: ['policy', 'poddisruptionbudgets', 'poddisruptionbudget', ['pdb'], [], true],
  // pkg/registry/networking/ingress/storage/storage.go: ShortNames() ["ing"], no Categories(); ingressclass: neither, cluster-scoped
  Ingress: ['networking.k8s.io', 'ingresses', 'ingress', ['ing'], [], true],
  IngressClass: ['networking.k8s.io', 'ingressclasses', 'ingressclass', [], [], false],
};

describe('kind names', () => {
  it('match what a real API server registers, for exactly the registered kinds', () => {
    const registered = Object.fromEntries(
      KIND_INFOS.map((k) => [k.kind, [k.group, k.plural, k.singular, [...k.shortNames], [...k.categories], k.namespaced]]),
    );
    expect(registered).toEqual(UPSTREAM);
    for (const k of KIND_INFOS) expect(k.version).toBe('v1');
  });

  it('resolve every resource path real kubectl 1.32 requested from a real API server', () => {
    // testdata/kubectl-1.32-wire-log.txt: requests real kubectl made against a real cluster (lesson commands).
    const log = readFileSync(new URL('./testdata/kubectl-1.32-wire-log.txt', import.meta.url), 'utf8');
    const seen = new Set<string>();
    for (const [, path] of log.matchAll(/^(?:GET|POST|PATCH|DELETE|PUT) (\/apis?\/[^ ?]+)/gm)) {
      const m = /^\/(?:api\/(v1)|apis\/([^/]+)\/([^/]+))(\/namespaces\/[^/]+)?\/([a-z]+)/.exec(path);
      if (!m) continue; // discovery documents
      const [, coreVersion, group = '', groupVersion, inNamespace, plural] = m;
      if (group === 'coordination.k8s.io') continue; // leases: not a registered kind (the server answered 404)
      const kind = kindForResource(group, coreVersion ?? groupVersion, plural);
      expect(kind, path).toBeDefined();
      if (inNamespace) expect(kind!.namespaced, path).toBe(true);
      seen.add(kind!.kind);
    }
    expect([...seen].sort()).toEqual(['Deployment', 'Event', 'Node', 'Pod', 'ReplicaSet']);
  });

  it('resolve the spellings kubectl accepts, case-insensitively, and nothing else', () => {
    const kindFor = (arg: string) => resolveResource(arg)?.kind;
    expect(kindFor('po')).toBe('Pod');
    expect(kindFor('PODS')).toBe('Pod');
    expect(kindFor('Deployment')).toBe('Deployment');
    expect(kindFor('deploy')).toBe('Deployment');
    expect(kindFor('deployments.apps')).toBe('Deployment');
    expect(kindFor('deployments.v1.apps')).toBe('Deployment');
    expect(kindFor('ds')).toBe('DaemonSet');
    expect(kindFor('ep')).toBe('Endpoints');
    expect(kindFor('deployments.core')).toBeUndefined();
    expect(kindFor('pods.apps')).toBeUndefined();
    expect(kindFor('deployment.v2.apps')).toBeUndefined();
    expect(kindFor('persistentvolumeclaims')).toBeUndefined();
    // The real kubectl 1.33 against the sim API server (k8s.io/cli-runtime pkg/resource/builder.go mappingFor):
    // one qualifier is a group, so `deployments.v1` and `pods.v1` name a group `v1`; groups match as written.
    expect(kindFor('deployments.v1')).toBeUndefined();
    expect(kindFor('pods.v1')).toBeUndefined();
    expect(kindFor('Deployments.Apps')).toBeUndefined();
    expect(kindFor('pods.v1.')).toBe('Pod');
    expect(kindFor('Deployment.v1.apps')).toBe('Deployment');
  });

  it('qualify names the way Status messages and kubectl output do', () => {
    const deploy = resolveResource('deploy')!;
    expect(qualifiedPlural(deploy)).toBe('deployments.apps');
    expect(qualifiedSingular(deploy)).toBe('deployment.apps');
    expect(qualifiedPlural(resolveResource('po')!)).toBe('pods');
  });

  it('expand the all category in the order kubectl get all prints it', () => {
    // kubectl get all on a real cluster: pods, services, daemonsets, deployments, replicasets, …, cronjobs, jobs (discovery order).
    expect(kindsInCategory('all').map((k) => k.kind)).toEqual(['Pod', 'Service', 'DaemonSet', 'Deployment', 'ReplicaSet', 'CronJob', 'Job']);
  });
});

describe('Korean field descriptions', () => {
  it('describe only types and fields the upstream schema has', () => {
    for (const [type, fields] of Object.entries(KOREAN_FIELD_DOCS)) {
      expect(STRUCTS[type], `type ${type}`).toBeDefined();
      for (const field of Object.keys(fields)) if (field !== '') expect(STRUCTS[type][field], `${type}.${field}`).toBeDefined();
    }
  });

  it('describe each type in exactly one module', () => {
    const sources = [META_FIELDS_KO, POD_SPEC_FIELDS_KO, ...KIND_INFOS.map((k) => k.fieldsKo)];
    const counts = new Map<string, number>();
    for (const s of sources) for (const type of Object.keys(s)) counts.set(type, (counts.get(type) ?? 0) + 1);
    expect([...counts].filter(([, n]) => n > 1)).toEqual([]);
  });

  it('cover every field of the types students write by hand', () => {
    const studentTypes = [
      'ObjectMeta', 'LabelSelector', 'LabelSelectorRequirement', 'PodTemplateSpec', 'Container', 'ContainerPort', 'EnvVar',
      'ResourceRequirements', 'Probe', 'HTTPGetAction', 'TCPSocketAction', 'ExecAction', 'Toleration', 'DeploymentSpec',
      'DeploymentStrategy', 'RollingUpdateDeployment', 'ReplicaSetSpec', 'ServicePort', 'Taint',
    ];
    const missing = studentTypes.flatMap((t) => Object.keys(STRUCTS[t]).filter((f) => !KOREAN_FIELD_DOCS[t]?.[f]).map((f) => `${t}.${f}`));
    expect(missing).toEqual([]);
    for (const k of KIND_INFOS) expect(KOREAN_FIELD_DOCS[k.kind]?.[''], k.kind).toBeTruthy();
  });
});
