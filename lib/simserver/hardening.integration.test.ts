/**
 * Issue #12 reproductions against the sim cluster server, each run in a child process so a
 * regression fails a test (refused connection, timeout) instead of killing the test worker:
 *   1. deep YAML/JSON bodies crashed the process (V8 "RegExpCompiler Allocation failed");
 *   2. a JSON patch through `/__proto__` poisoned every later object;
 *   3. scaling to 1,000,000,000 replicas was accepted and then hung the process;
 *   4. malformed percent-escapes and deep JSON answered 500, oversized bodies 400 instead of 413.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { send, startChildServer, type ChildServer } from './testing/child-server';

const DEPLOYMENTS = '/apis/apps/v1/namespaces/default/deployments';
const json = { 'content-type': 'application/json' };
const deployment = (name: string) => Buffer.from(JSON.stringify({
  apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name },
  spec: { replicas: 3, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'c', image: 'nginx:1.25' }] } } },
}));
const status = (text: string) => JSON.parse(text) as { kind: string; code: number; reason: string; message: string };

async function stillAnswers(server: ChildServer): Promise<void> {
  expect(server.child.exitCode).toBeNull();
  expect((await send(server.url, 'GET', '/version', {}, undefined, 5_000)).status).toBe(200);
}

describe('deep bodies (item 1)', () => {
  let server: ChildServer;
  beforeAll(async () => {
    server = await startChildServer(['--speed', '0']);
  }, 60_000);
  afterAll(() => server?.stop(), 10_000);

  it('answer 400 twice to 5,000 [ then 5,000 ] as YAML, and the server lives on', async () => {
    const body = Buffer.from('['.repeat(5_000) + ']'.repeat(5_000));
    for (let i = 0; i < 2; i++) {
      const res = await send(server.url, 'POST', DEPLOYMENTS, { 'content-type': 'application/yaml' }, body, 15_000);
      expect(res.status).toBe(400);
      expect(status(res.text)).toMatchObject({ kind: 'Status', reason: 'BadRequest', message: 'the body of the request could not be decoded: exceeded max depth of 100' });
    }
    await stillAnswers(server);
  }, 60_000);

  it('answer 400 to 10,000-deep JSON followed by the same YAML, and the server lives on', async () => {
    const deepJson = await send(server.url, 'POST', DEPLOYMENTS, json, Buffer.from('['.repeat(10_000) + ']'.repeat(10_000)), 15_000);
    expect(deepJson.status).toBe(400);
    expect(status(deepJson.text).message).toBe('the body of the request could not be decoded: exceeded max depth of 100');
    const deepYaml = await send(server.url, 'POST', DEPLOYMENTS, { 'content-type': 'application/yaml' }, Buffer.from('['.repeat(5_000) + ']'.repeat(5_000)), 15_000);
    expect(deepYaml.status).toBe(400);
    await stillAnswers(server);
  }, 60_000);

  it('leave the browser-side parser answering a Korean problem for the same text (in a child process)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubesim-yaml-'));
    const script = join(dir, 'parse.mts');
    writeFileSync(script, `import { parseManifests } from ${JSON.stringify(resolve('lib/yaml/parse.ts'))};\n` +
      `const r = parseManifests('['.repeat(5000) + ']'.repeat(5000));\nconsole.log(JSON.stringify(r.problems.map((p) => p.message)));\n`);
    const run = spawnSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8', timeout: 30_000 });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual([expect.stringContaining('100단계까지')]);
  }, 40_000);
});

describe('paths, sizes, patches and quotas (items 2–4)', () => {
  let server: ChildServer;
  beforeAll(async () => {
    server = await startChildServer(['--speed', '0']);
    expect((await send(server.url, 'POST', DEPLOYMENTS, json, deployment('web'))).status).toBe(201);
  }, 60_000);
  afterAll(() => server?.stop(), 10_000);

  it('answer a malformed percent-escape with 400, as Go net/http does, not 500 "URI malformed"', async () => {
    const bad = await send(server.url, 'GET', '/api/v1/namespaces/%E0%A4%A/pods');
    expect(bad.status).toBe(400);
    expect(status(bad.text)).toMatchObject({ reason: 'BadRequest', message: 'parse "/api/v1/namespaces/%E0%A4%A/pods": invalid URL escape "%A"' });
    const lone = await send(server.url, 'GET', '/api/v1/namespaces/default/pods/%');
    expect([lone.status, status(lone.text).message]).toEqual([400, 'parse "/api/v1/namespaces/default/pods/%": invalid URL escape "%"']);
    // bytes that are no UTF-8 once unescaped, and a target URL parsing would take for a host
    expect((await send(server.url, 'GET', '/api/v1/namespaces/%C0%AE/pods')).status).toBe(400);
    expect((await send(server.url, 'GET', '//')).status).toBe(404);
  });

  // k8s.io/apiserver/pkg/endpoints/handlers/rest.go limitedReadBody: 413 "Request entity too large: limit is 3145728"
  it('answer bodies over 3 MiB with 413 and a Status, counting bytes, declared or streamed', async () => {
    const tooLarge = { code: 413, reason: 'RequestEntityTooLarge', message: 'Request entity too large: limit is 3145728' };
    const declared = await send(server.url, 'POST', DEPLOYMENTS, json, Buffer.alloc(3 * 1024 * 1024 + 1, 'a'));
    expect(status(declared.text)).toMatchObject(tooLarge);
    expect(declared.headers.connection).toBe('close');
    // 1.1 M Hangul characters: far under 3 Mi characters, 3.3 MB of UTF-8
    const hangul = await send(server.url, 'POST', DEPLOYMENTS, json, Buffer.from(`{"a":"${'한'.repeat(1_100_000)}"}`));
    expect(status(hangul.text)).toMatchObject(tooLarge);
    const streamed = await send(server.url, 'POST', DEPLOYMENTS, { ...json, 'transfer-encoding': 'chunked' }, Buffer.alloc(4 * 1024 * 1024, 'a'));
    expect(status(streamed.text)).toMatchObject(tooLarge);
    await stillAnswers(server);
  }, 60_000);

  it('refuse a JSON patch through __proto__, and later creates see nothing inherited', async () => {
    const patch = await send(server.url, 'PATCH', `${DEPLOYMENTS}/web`, { 'content-type': 'application/json-patch+json' }, Buffer.from('[{"op":"add","path":"/__proto__/polluted","value":1}]'));
    expect(patch.status).toBe(400);
    const merge = await send(server.url, 'PATCH', `${DEPLOYMENTS}/web`, { 'content-type': 'application/merge-patch+json' }, Buffer.from('{"spec":{"__proto__":{"replicas":9}}}'));
    expect(merge.status).toBe(400);
    expect(status(merge.text).message).toContain('strict decoding error: unknown field "spec.__proto__"');
    const created = await send(server.url, 'POST', DEPLOYMENTS, json, deployment('after'));
    expect(created.status).toBe(201);
    expect(created.text).not.toContain('polluted');
    expect((await send(server.url, 'GET', `${DEPLOYMENTS}/web`)).text).not.toContain('polluted');
  });

  // ResourceQuota admission wording: staging/src/k8s.io/apiserver/pkg/admission/plugin/resourcequota/controller.go
  it('refuse scaling to 1,000,000,000 replicas with a 403 quota Status, through the scale subresource and a patch', async () => {
    const expected = { code: 403, reason: 'Forbidden', message: 'deployments.apps "web" is forbidden: exceeded quota: kubesim-replicas-per-workload, requested: replicas=999999997, used: replicas=3, limited: replicas=5000' };
    const scale = await send(server.url, 'PATCH', `${DEPLOYMENTS}/web/scale`, { 'content-type': 'application/merge-patch+json' }, Buffer.from('{"spec":{"replicas":1000000000}}'), 10_000);
    expect(status(scale.text)).toMatchObject(expected);
    const patch = await send(server.url, 'PATCH', `${DEPLOYMENTS}/web`, { 'content-type': 'application/strategic-merge-patch+json' }, Buffer.from('{"spec":{"replicas":1000000000}}'), 10_000);
    expect(status(patch.text)).toMatchObject(expected);
    await stillAnswers(server);
  }, 60_000);
});
