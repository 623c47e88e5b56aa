/**
 * `apply -f` / `create -f` with fields the API server does not know. Upstream wording:
 * - a new object is created, and strict decoding puts every unknown field into ONE error
 *   (k8s.io/apimachinery/pkg/runtime/serializer/json strict errors; kubectl's apply.go wraps it with
 *   AddSourceToErr("creating", …)): `Error from server (BadRequest): error when creating "x.yaml": Deployment in
 *   version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.foo", unknown field
 *   "spec.bar"`;
 * - an existing object is patched, and the patch handler answers Invalid on "patch"
 *   (staging/src/k8s.io/apiserver/pkg/endpoints/handlers/patch.go), which kubectl prints as
 *   `The request is invalid: patch: Invalid value: "map[…]": strict decoding error: …`.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { FakeClusterClient } from '../testing/fake-client';
import { kubectl } from '../testing/run';

const MANIFEST = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: nginx
          image: nginx:1.25
`;
const TWO_UNKNOWN = MANIFEST.replace('  replicas: 2\n', '  replicas: 2\n  foo: 1\n  bar: true\n');

let client: FakeClusterClient;
const files = new Map<string, string>();
const run = (line: string) => kubectl(client, line, { files });

beforeEach(() => {
  client = new FakeClusterClient();
  files.clear();
  files.set('x.yaml', TWO_UNKNOWN);
  files.set('web.yaml', MANIFEST);
});

describe('unknown fields', () => {
  it('a new object: one "error when creating" listing both fields, and nothing is created', async () => {
    const r = await run('kubectl apply -f x.yaml');
    expect(r.exitCode).toBe(1);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toEqual([
      'Error from server (BadRequest): error when creating "x.yaml": Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.foo", unknown field "spec.bar"',
      expect.stringMatching(/^힌트: x\.yaml 7:3 — /),
    ]);
    await expect(client.get('Deployment', 'web', 'default')).rejects.toThrow();
    expect((await run('kubectl create -f x.yaml')).stderr.split('\n')[0]).toContain('error when creating "x.yaml": Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.foo", unknown field "spec.bar"');
  });

  it('an existing object: the patch is turned down as Invalid, and the object is unchanged', async () => {
    expect((await run('kubectl apply -f web.yaml')).stdout).toBe('deployment.apps/web created\n');
    const r = await run('kubectl apply -f x.yaml');
    expect(r.exitCode).toBe(1);
    const first = r.stderr.split('\n')[0];
    expect(first).toMatch(/^The request is invalid: patch: Invalid value: "map\[apiVersion:apps\/v1 kind:Deployment metadata:map\[annotations:map\[kubectl\.kubernetes\.io\/last-applied-configuration:\{\\"apiVersion\\":/);
    expect(first).toContain(' spec:map[bar:true foo:1 replicas:2 selector:map[matchLabels:map[app:web]] template:map[');
    expect(first).toMatch(/\]": strict decoding error: unknown field "spec\.foo", unknown field "spec\.bar"$/);
    expect(JSON.stringify(await client.get('Deployment', 'web', 'default'))).not.toContain('"foo"');
  });

  it('documents are answered in file order, and delete -f still deletes a document with unknown fields', async () => {
    files.set('both.yaml', `${TWO_UNKNOWN.replace('name: web', 'name: bad')}---\n${MANIFEST}`);
    const r = await run('kubectl apply -f both.yaml');
    expect(r.stdout).toBe('deployment.apps/web created\n');
    expect(r.stderr.split('\n')[0]).toContain('error when creating "both.yaml"');
    expect((await run('kubectl delete -f x.yaml')).stdout).toBe('deployment.apps "web" deleted from default namespace\n');
  });
});
