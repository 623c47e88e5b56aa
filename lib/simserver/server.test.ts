/**
 * HTTP-level behaviour of the sim cluster server against the real engine: discovery, errors,
 * paging, Table responses, watch (filters, bookmarks, timeout, 410), scale, protobuf and patches.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimServer, type SimServer } from './index';

let server: SimServer;
beforeAll(async () => {
  server = await startSimServer({ port: 0, seed: 11, workers: 2, tickMs: 50, bookmarkIntervalMs: 200 });
});
afterAll(async () => {
  await server?.close();
});

async function call(method: string, path: string, opts: { body?: unknown; raw?: Buffer; contentType?: string; accept?: string } = {}) {
  const headers: Record<string, string> = { accept: opts.accept ?? 'application/json' };
  let body: BodyInit | undefined;
  if (opts.raw) body = new Uint8Array(opts.raw);
  else if (opts.body !== undefined) body = JSON.stringify(opts.body);
  if (body !== undefined) headers['content-type'] = opts.contentType ?? 'application/json';
  const res = await fetch(server.url + path, { method, headers, body });
  const text = await res.text();
  return { status: res.status, contentType: res.headers.get('content-type'), json: JSON.parse(text) as Record<string, any> };
}

/** Read watch events until `stop` says so or the stream ends; resolves with all events seen. */
function watchEvents(path: string, stop: (events: any[]) => boolean, accept = 'application/json'): { done: Promise<any[]>; abort: () => void } {
  const events: any[] = [];
  let abort = () => {};
  const done = new Promise<any[]>((resolve, reject) => {
    const req = request(server.url + path, { headers: { accept } }, (res) => {
      let buf = '';
      res.on('data', (chunk: Buffer) => {
        buf += chunk.toString();
        let nl;
        while ((nl = buf.indexOf('\n')) >= 0) {
          events.push(JSON.parse(buf.slice(0, nl)));
          buf = buf.slice(nl + 1);
          if (stop(events)) {
            req.destroy();
            resolve(events);
          }
        }
      });
      res.on('end', () => resolve(events));
      res.on('close', () => resolve(events));
    });
    req.on('error', (e) => (events.length ? resolve(events) : reject(e)));
    req.end();
    abort = () => req.destroy();
  });
  return { done, abort };
}

const deployment = (name: string, replicas = 1, image = 'nginx:1.25') => ({
  apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name },
  spec: {
    replicas, selector: { matchLabels: { app: name } },
    template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'web', image }] } },
  },
});

describe('discovery', () => {
  it('answers aggregated-discovery requests with legacy JSON', async () => {
    const r = await call('GET', '/api', { accept: 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json' });
    expect(r.contentType).toBe('application/json');
    expect(r.json).toMatchObject({ kind: 'APIVersions', versions: ['v1'] });
    const groups = await call('GET', '/apis');
    expect(groups.json.groups.map((g: { name: string }) => g.name)).toEqual(['apps', 'batch', 'networking.k8s.io', 'policy', 'discovery.k8s.io', 'metrics.k8s.io']);
    expect((await call('GET', '/version')).json.major).toBe('1');
  });

  it('answers unknown paths with a NotFound Status', async () => {
    const r = await call('GET', '/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/worker-1');
    expect(r.status).toBe(404);
    expect(r.json).toMatchObject({ kind: 'Status', reason: 'NotFound', message: 'the server could not find the requested resource' });
  });
});

describe('objects', () => {
  it('returns the real NotFound and AlreadyExists messages', async () => {
    const missing = await call('GET', '/apis/apps/v1/namespaces/default/deployments/nope');
    expect(missing.status).toBe(404);
    expect(missing.json).toMatchObject({ reason: 'NotFound', message: 'deployments.apps "nope" not found' });
    expect((await call('POST', '/apis/apps/v1/namespaces/default/deployments', { body: deployment('dup') })).status).toBe(201);
    const again = await call('POST', '/apis/apps/v1/namespaces/default/deployments', { body: deployment('dup') });
    expect(again.status).toBe(409);
    expect(again.json.message).toBe('deployments.apps "dup" already exists');
  });

  it('pages a list with limit and continue', async () => {
    // kube-system pods are stable, so pages and the full list describe the same set
    const full = await call('GET', '/api/v1/namespaces/kube-system/pods');
    expect(full.json.kind).toBe('PodList');
    const names: string[] = [];
    let token = '';
    do {
      const page = await call('GET', `/api/v1/namespaces/kube-system/pods?limit=3${token ? `&continue=${encodeURIComponent(token)}` : ''}`);
      names.push(...page.json.items.map((p: any) => `${p.metadata.namespace}/${p.metadata.name}`));
      token = page.json.metadata.continue ?? '';
    } while (token);
    expect(names.length).toBeGreaterThan(3);
    expect(names.sort()).toEqual(full.json.items.map((p: any) => `${p.metadata.namespace}/${p.metadata.name}`).sort());
  });

  it('serves Tables with wide columns at priority 1 and metadata in each row', async () => {
    const r = await call('GET', '/apis/apps/v1/namespaces/default/deployments', { accept: 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json' });
    expect(r.json.kind).toBe('Table');
    const cols = r.json.columnDefinitions.map((c: any) => `${c.name}:${c.priority}`);
    expect(cols).toEqual(expect.arrayContaining(['Name:0', 'Ready:0', 'Containers:1', 'Images:1']));
    expect(r.json.rows[0].object).toMatchObject({ kind: 'PartialObjectMetadata', metadata: { name: 'dup' } });
  });

  it('decodes a protobuf create from kubectl 1.32', async () => {
    const raw = Buffer.from('azhzAAoPCgJ2MRIJTmFtZXNwYWNlEh4KFgoGdGVhbS1hEgAaACIAKgAyADgAQgASABoCCgAaACIA', 'base64');
    const r = await call('POST', '/api/v1/namespaces', { raw, contentType: 'application/vnd.kubernetes.protobuf' });
    expect(r.status).toBe(201);
    expect((await call('GET', '/api/v1/namespaces/team-a')).json.metadata.name).toBe('team-a');
  });

  it('applies a strategic merge patch with $setElementOrder, merging containers by name', async () => {
    await call('POST', '/apis/apps/v1/namespaces/default/deployments', { body: deployment('smp') });
    const patch = { spec: { template: { spec: { '$setElementOrder/containers': [{ name: 'web' }], containers: [{ name: 'web', image: 'nginx:1.26' }] } } } };
    const r = await call('PATCH', '/apis/apps/v1/namespaces/default/deployments/smp', { body: patch, contentType: 'application/strategic-merge-patch+json' });
    expect(r.status).toBe(200);
    expect(r.json.spec.template.spec.containers).toEqual([expect.objectContaining({ name: 'web', image: 'nginx:1.26' })]);
  });

  it('reads and patches the scale subresource', async () => {
    await call('POST', '/apis/apps/v1/namespaces/default/deployments', { body: deployment('scaled', 2) });
    const scale = await call('GET', '/apis/apps/v1/namespaces/default/deployments/scaled/scale');
    expect(scale.json).toMatchObject({ kind: 'Scale', apiVersion: 'autoscaling/v1', spec: { replicas: 2 }, status: { selector: 'app=scaled' } });
    const patched = await call('PATCH', '/apis/apps/v1/namespaces/default/deployments/scaled/scale', { body: { spec: { replicas: 4 } }, contentType: 'application/merge-patch+json' });
    expect(patched.json.spec.replicas).toBe(4);
    expect((await call('GET', '/apis/apps/v1/namespaces/default/deployments/scaled')).json.spec.replicas).toBe(4);
    const bad = await call('PATCH', '/apis/apps/v1/namespaces/default/deployments/scaled', { body: {}, contentType: 'text/plain' });
    expect(bad.status).toBe(415);
  });
});

describe('delete propagation', () => {
  const waitFor = async (check: () => Promise<boolean>) => {
    const deadline = Date.now() + 15_000;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error('condition not reached');
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const replicaSetsOf = async (app: string) =>
    (await call('GET', `/apis/apps/v1/namespaces/default/replicasets?labelSelector=app%3D${app}`)).json.items as any[];

  it('orphans the ReplicaSet with propagationPolicy=Orphan and cascades by default', async () => {
    await call('POST', '/apis/apps/v1/namespaces/default/deployments', { body: deployment('orphan') });
    await call('POST', '/apis/apps/v1/namespaces/default/deployments', { body: deployment('cascade') });
    await waitFor(async () => (await replicaSetsOf('orphan')).length === 1 && (await replicaSetsOf('cascade')).length === 1);

    const rsScale = await call('PATCH', `/apis/apps/v1/namespaces/default/replicasets/${(await replicaSetsOf('orphan'))[0].metadata.name}/scale`,
      { body: { spec: { replicas: 1 } }, contentType: 'application/merge-patch+json' });
    expect(rsScale.json).toMatchObject({ kind: 'Scale', spec: { replicas: 1 } });

    const orphaned = await call('DELETE', '/apis/apps/v1/namespaces/default/deployments/orphan', { body: { propagationPolicy: 'Orphan' } });
    expect(orphaned.status).toBe(200);
    await call('DELETE', '/apis/apps/v1/namespaces/default/deployments/cascade?propagationPolicy=Background');
    await waitFor(async () => (await replicaSetsOf('cascade')).length === 0);
    const kept = await replicaSetsOf('orphan');
    expect(kept).toHaveLength(1);
    expect(kept[0].metadata.ownerReferences ?? []).toEqual([]);
  });
});

describe('daemonsets (derived from the pods that name them as owner)', () => {
  it('lists kube-system DaemonSets and reads one by name', async () => {
    const list = await call('GET', '/apis/apps/v1/namespaces/kube-system/daemonsets');
    const names = list.json.items.map((d: any) => d.metadata.name).sort();
    expect(names).toEqual(['calico-node', 'kube-proxy']);
    const nodes = (await call('GET', '/api/v1/nodes')).json.items.length;
    const proxy = await call('GET', '/apis/apps/v1/namespaces/kube-system/daemonsets/kube-proxy');
    expect(proxy.json.status.desiredNumberScheduled).toBe(nodes);
    expect((await call('GET', '/apis/apps/v1/namespaces/default/daemonsets/kube-proxy')).status).toBe(404);
  });
});

describe('server-side apply', () => {
  it('creates a missing object, then patches it', async () => {
    const path = '/apis/apps/v1/namespaces/default/deployments/ssa?fieldManager=kubectl';
    const first = await call('PATCH', path, { body: deployment('ssa', 1), contentType: 'application/apply-patch+yaml' });
    expect(first.status).toBe(201);
    const second = await call('PATCH', path, { body: deployment('ssa', 3), contentType: 'application/apply-patch+yaml' });
    expect(second.status).toBe(200);
    expect(second.json.spec.replicas).toBe(3);
  });
});

describe('watch', () => {
  it('streams only events that match the selectors, from a listed resourceVersion', async () => {
    const list = await call('GET', '/api/v1/namespaces/default/pods');
    const w = watchEvents(`/api/v1/namespaces/default/pods?watch=true&labelSelector=app%3Dwatched&resourceVersion=${list.json.metadata.resourceVersion}`,
      (evs) => evs.some((e) => e.type === 'ADDED'));
    await call('POST', '/api/v1/namespaces/default/pods', { body: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'other', labels: { app: 'other' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } });
    await call('POST', '/api/v1/namespaces/default/pods', { body: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'watched', labels: { app: 'watched' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } });
    const events = await w.done;
    expect(events.map((e) => `${e.type} ${e.object.metadata.name}`)).toEqual(['ADDED watched']);
  });

  it('sends bookmarks when allowed and ends at timeoutSeconds', async () => {
    const w = watchEvents('/apis/apps/v1/namespaces/default/deployments?watch=true&allowWatchBookmarks=true&timeoutSeconds=1&fieldSelector=metadata.name%3Dnone', () => false);
    const events = await w.done;
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => e.type === 'BOOKMARK' && /^\d+$/.test(e.object.metadata.resourceVersion))).toBe(true);
  });

  it('sends Table rows when watching with a Table Accept header', async () => {
    const w = watchEvents('/api/v1/namespaces/default/pods?watch=true&fieldSelector=metadata.name%3Dwatched', (evs) => evs.length >= 1,
      'application/json;as=Table;v=v1;g=meta.k8s.io,application/json');
    const [first] = await w.done;
    expect(first.type).toBe('ADDED');
    expect(first.object.kind).toBe('Table');
    expect(first.object.rows[0].cells[0]).toBe('watched');
  });

  it('answers a resourceVersion older than the last compaction with 410 Expired', async () => {
    const before = (await call('GET', '/api/v1/namespaces')).json.metadata.resourceVersion;
    await call('POST', '/api/v1/namespaces', { body: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'bump-rv' } } });
    server.compact();
    const events = await watchEvents(`/api/v1/namespaces?watch=true&resourceVersion=${before}`, () => false).done;
    expect(events).toEqual([{ type: 'ERROR', object: expect.objectContaining({ kind: 'Status', code: 410, reason: 'Expired' }) }]);
  });
});
