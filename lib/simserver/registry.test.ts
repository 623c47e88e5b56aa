/**
 * One place: the sim API server publishes what the kind registry (lib/k8s/kinds) says and words errors as
 * lib/k8s/status does. Discovery lists exactly the registry's kinds with the registry's names, short names,
 * categories and verbs; the literal lists below pin what kubectl sees (pkg/registry/<group>/<kind>/storage).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KIND_INFOS } from '../k8s/kinds';
import { discoveryDocument } from './discovery';
import { startSimServer, type SimServer } from './index';

interface ResourceEntry {
  name: string;
  singularName: string;
  kind: string;
  namespaced: boolean;
  verbs: string[];
  shortNames?: string[];
  categories?: string[];
}

const resources = (path: string) => (discoveryDocument(path, 'x')!.body as { resources: ResourceEntry[] }).resources;
const topLevel = (path: string) => resources(path).filter((r) => !r.name.includes('/'));

describe('discovery reads the registry', () => {
  it('lists every registered kind once, and nothing else', () => {
    const listed = [...topLevel('/api/v1'), ...topLevel('/apis/apps/v1'), ...topLevel('/apis/batch/v1'), ...topLevel('/apis/discovery.k8s.io/v1'), ...topLevel('/apis/networking.k8s.io/v1'), ...topLevel('/apis/policy/v1')].map((r) => r.kind).sort();
    expect(listed).toEqual(KIND_INFOS.map((k) => k.kind).sort());
    expect(listed).toEqual(['ConfigMap', 'CronJob', 'DaemonSet', 'Deployment', 'EndpointSlice', 'Endpoints', 'Event', 'Ingress', 'IngressClass', 'Job', 'Namespace', 'Node', 'Pod', 'PodDisruptionBudget', 'ReplicaSet', 'Secret', 'Service']);
  });

  it("publishes each kind's names, short names and categories as the registry holds them", () => {
    for (const k of KIND_INFOS) {
      const entry = topLevel(k.group ? `/apis/${k.group}/${k.version}` : `/api/${k.version}`).find((r) => r.kind === k.kind)!;
      expect(entry, k.kind).toMatchObject({ name: k.plural, singularName: k.singular, namespaced: k.namespaced });
      expect(entry.shortNames ?? [], k.kind).toEqual(k.shortNames);
      expect(entry.categories ?? [], k.kind).toEqual(k.categories);
    }
    const short = Object.fromEntries([...topLevel('/api/v1'), ...topLevel('/apis/apps/v1'), ...topLevel('/apis/discovery.k8s.io/v1'), ...topLevel('/apis/policy/v1')].map((r) => [r.name, r.shortNames]));
    expect(short).toEqual({ configmaps: ['cm'], secrets: undefined, endpointslices: undefined, endpoints: ['ep'], events: ['ev'], namespaces: ['ns'], nodes: ['no'], poddisruptionbudgets: ['pdb'], pods: ['po'], services: ['svc'], daemonsets: ['ds'], deployments: ['deploy'], replicasets: ['rs'] });
  });

  it("advertises the registry's verbs and subresources for every stored kind", () => {
    for (const k of KIND_INFOS) {
      const entry = topLevel(k.group ? `/apis/${k.group}/${k.version}` : `/api/${k.version}`).find((r) => r.kind === k.kind)!;
      expect(entry.verbs, k.kind).toEqual(k.verbs);
    }
    expect(resources('/apis/apps/v1').map((r) => r.name)).toContain('daemonsets/status');
  });
});

describe('the server answers as a 1.34 API server', () => {
  let server: SimServer;
  beforeAll(async () => {
    server = await startSimServer({ port: 0, seed: 5, workers: 1, tickMs: 50 });
  });
  afterAll(async () => {
    await server?.close();
  });
  const get = (path: string, headers: Record<string, string> = {}) => fetch(server.url + path, { headers: { accept: 'application/json', ...headers } });

  it('reports the engine version on /version (k8s.io/apimachinery/pkg/version Info, 1.33+ fields included)', async () => {
    expect(await (await get('/version')).json()).toMatchObject({
      major: '1', minor: '34', emulationMajor: '1', emulationMinor: '34', minCompatibilityMajor: '1', minCompatibilityMinor: '33', gitVersion: 'v1.34.2',
    });
  });

  it('warns on v1 Endpoints requests and on no other resource', async () => {
    // k8s.io/apiserver/pkg/endpoints/deprecation/deprecation.go WarningMessage, sent as `299 - "<text>"`.
    const warning = '299 - "v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice"';
    expect((await get('/api/v1/namespaces/default/endpoints')).headers.get('warning')).toBe(warning);
    expect((await get('/api/v1/endpoints')).headers.get('warning')).toBe(warning);
    expect((await get('/api/v1/namespaces/default/endpoints/missing')).headers.get('warning')).toBe(warning);
    expect((await get('/api/v1/namespaces/default/pods')).headers.get('warning')).toBeNull();
    expect((await get('/api/v1')).headers.get('warning')).toBeNull();
  });

  it('serves DaemonSets with the registry columns and the shared NotFound wording', async () => {
    const table = await (await get('/apis/apps/v1/namespaces/kube-system/daemonsets', { accept: 'application/json;as=Table;v=v1;g=meta.k8s.io' })).json();
    expect(table.columnDefinitions.map((c: { name: string }) => c.name)).toEqual(['Name', 'Desired', 'Current', 'Ready', 'Up-to-date', 'Available', 'Node Selector', 'Age', 'Containers', 'Images', 'Selector']);
    expect(table.columnDefinitions[1].description).toBe('The total number of nodes that should be running the daemon pod.');
    expect(table.rows.map((r: { cells: unknown[] }) => r.cells[0])).toContain('kube-proxy');
    const missing = await get('/apis/apps/v1/namespaces/kube-system/daemonsets/nope');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ reason: 'NotFound', message: 'daemonsets.apps "nope" not found', details: { name: 'nope', group: 'apps', kind: 'daemonsets' } });
  });

  it('answers 415 in the negotiation package wording, without a "(got …)" suffix', async () => {
    // k8s.io/apiserver/pkg/endpoints/handlers/negotiation/errors.go NewUnsupportedMediaTypeError
    const res = await fetch(`${server.url}/api/v1/namespaces/kube-system/pods/x`, { method: 'PATCH', headers: { 'content-type': 'text/plain' }, body: '{}' });
    expect(res.status).toBe(415);
    expect((await res.json()).message).toBe(
      'the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/vnd.kubernetes.protobuf',
    );
  });

  it('has no resource path for a kind the registry lacks', async () => {
    const res = await fetch(`${server.url}/api/v1/namespaces/default/persistentvolumeclaims`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(404);
    expect((await res.json()).message).toBe('the server could not find the requested resource');
  });
});
