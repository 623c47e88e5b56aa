/**
 * /openapi/v3 over HTTP. What kubectl reads there: the index (k8s.io/client-go openapi/client.go Paths:
 * handler3.OpenAPIV3Discovery with serverRelativeURL), each group-version document's components.schemas named after
 * the Go packages (`io.k8s.api.apps.v1.Deployment`, kube-openapi's definition names as real servers publish them),
 * the GVK extension explain matches (kubectl pkg/explain/v2/templates/plaintext.tmpl) and the PATCH operation's
 * fieldValidation parameter (cli-runtime pkg/resource/query_param_verifier_v3.go supportsQueryParamV3).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimServer, type SimServer } from './index';

let server: SimServer;
beforeAll(async () => {
  server = await startSimServer({ port: 0, seed: 3, workers: 1, tickMs: 50 });
});
afterAll(async () => {
  await server?.close();
});

type Doc = { paths: Record<string, Record<string, any>>; components: { schemas: Record<string, any> } };
const get = (path: string, init?: RequestInit) => fetch(server.url + path, { redirect: 'manual', ...init });

async function gvDocument(key: string): Promise<Doc> {
  const index = (await (await get('/openapi/v3')).json()) as { paths: Record<string, { serverRelativeURL: string }> };
  return (await (await get(index.paths[key].serverRelativeURL)).json()) as Doc;
}

describe('/openapi/v3', () => {
  it('indexes one document per served group-version, each URL carrying a content hash', async () => {
    const res = await get('/openapi/v3');
    expect(res.status).toBe(200);
    const { paths } = (await res.json()) as { paths: Record<string, { serverRelativeURL: string }> };
    expect(Object.keys(paths).sort()).toEqual(['api/v1', 'apis/apps/v1', 'apis/batch/v1', 'apis/discovery.k8s.io/v1', 'apis/networking.k8s.io/v1', 'apis/policy/v1']);
    expect(paths['apis/apps/v1'].serverRelativeURL).toMatch(/^\/openapi\/v3\/apis\/apps\/v1\?hash=[0-9A-F]{128}$/);
  });

  it('serves networking.k8s.io/v1 with the Ingress definitions (kubectl explain ingress reads them)', async () => {
    const { components } = await gvDocument('apis/networking.k8s.io/v1');
    expect(Object.keys(components.schemas)).toEqual(expect.arrayContaining(['io.k8s.api.networking.v1.Ingress', 'io.k8s.api.networking.v1.IngressClass', 'io.k8s.api.networking.v1.HTTPIngressPath']));
  });

  it('names definitions after their Go packages and marks each kind with its group-version-kind', async () => {
    const { components } = await gvDocument('apis/apps/v1');
    const deployment = components.schemas['io.k8s.api.apps.v1.Deployment'];
    expect(deployment['x-kubernetes-group-version-kind']).toEqual([{ group: 'apps', kind: 'Deployment', version: 'v1' }]);
    expect(deployment.properties.metadata.allOf).toEqual([{ $ref: '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta' }]);
    expect(deployment.properties.metadata.description).toContain("Standard object's metadata.");
    // the pod template's types live in core/v1 and come along, without a kind of their own
    expect(components.schemas['io.k8s.api.core.v1.PodTemplateSpec']['x-kubernetes-group-version-kind']).toBeUndefined();
    expect(components.schemas['io.k8s.api.core.v1.Container'].required).toEqual(['name']);
    expect(components.schemas['io.k8s.apimachinery.pkg.util.intstr.IntOrString'].oneOf).toEqual([{ type: 'integer' }, { type: 'string' }]);
    expect(components.schemas['io.k8s.api.apps.v1.DeploymentStrategy'].properties.type.enum).toEqual(['Recreate', 'RollingUpdate']);
  });

  it('declares fieldValidation on each kind PATCH operation, so kubectl leaves strict validation to the server', async () => {
    const { paths } = await gvDocument('api/v1');
    const patch = paths['/api/v1/namespaces/{namespace}/pods/{name}'].patch;
    expect(patch['x-kubernetes-group-version-kind']).toEqual({ group: '', kind: 'Pod', version: 'v1' });
    expect(patch.parameters.map((p: { name: string; in: string }) => `${p.in}:${p.name}`)).toContain('query:fieldValidation');
    // cluster-scoped kinds have no namespace segment
    expect(paths['/api/v1/nodes'].get['x-kubernetes-group-version-kind'].kind).toBe('Node');
  });

  it('redirects a stale hash to the current document and 404s an unknown group-version', async () => {
    const stale = await get('/openapi/v3/apis/apps/v1?hash=0');
    expect(stale.status).toBe(301);
    expect(stale.headers.get('location')).toMatch(/^\/openapi\/v3\/apis\/apps\/v1\?hash=[0-9A-F]{128}$/);
    const missing = await get('/openapi/v3/apis/autoscaling/v1');
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { kind: string }).kind).toBe('Status');
    expect((await get('/openapi/v3', { method: 'POST' })).status).toBe(405);
  });
});
