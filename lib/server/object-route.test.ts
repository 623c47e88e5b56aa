import { describe, expect, it } from 'vitest';
import type { ObjectResponse } from '../cluster/live-protocol';
import { MAX_OBJECT_BYTES, OBJECT_READS_PER_MINUTE, handleObjectRequest, objectReadLimiter, type ObjectDeps } from './object-route';
import { LAST_APPLIED_ANNOTATION } from './projection';
import { parseSecuritySettings } from './security-settings';

/** A pod as the API server returns it: with the defaults compact projection drops, and what must never leave. */
const stored = (name: string) => ({
  metadata: {
    name,
    namespace: 'default',
    uid: `uid-${name}`,
    resourceVersion: '7',
    managedFields: [{ manager: 'kubectl' }],
    annotations: { [LAST_APPLIED_ANNOTATION]: '{"password":"hunter2"}' },
  },
  spec: {
    restartPolicy: 'Always',
    dnsPolicy: 'ClusterFirst',
    schedulerName: 'default-scheduler',
    terminationGracePeriodSeconds: 30,
    containers: [{ name: 'web', image: 'nginx', terminationMessagePath: '/dev/termination-log', env: [{ name: 'PASSWORD', value: 'hunter2' }] }],
  },
  status: { phase: 'Running' },
});

function setup(read: ObjectDeps['readPod'] = async (_ns, name) => stored(name)) {
  const reads: string[] = [];
  const deps: ObjectDeps = {
    cluster: { namespaces: ['default'] },
    readPod: read && (async (ns, name) => (reads.push(`${ns}/${name}`), read(ns, name))),
    security: parseSecuritySettings({}),
    limiter: objectReadLimiter(),
  };
  const get = async (query: string) => {
    const res = await handleObjectRequest(new Request(`http://app/api/cluster/object?${query}`), deps);
    return { code: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as ObjectResponse };
  };
  return { deps, get, reads };
}

describe('GET /api/cluster/object', () => {
  it('reads one pod in full — the defaulted fields a compact copy lacks — through the stream’s redaction', async () => {
    const { get, reads } = setup();
    const r = await get('kind=Pod&namespace=default&name=web-1');
    expect(r.code).toBe(200);
    expect(reads).toEqual(['default/web-1']);
    if (!r.body.ok) throw new Error('refused');
    expect(r.body.object).toMatchObject({ kind: 'Pod', apiVersion: 'v1', spec: { restartPolicy: 'Always', dnsPolicy: 'ClusterFirst', schedulerName: 'default-scheduler' } });
    const text = JSON.stringify(r.body);
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('managedFields');
    expect(text).not.toContain(LAST_APPLIED_ANNOTATION);
  });

  it('reads nothing but Pods in the dashboard’s namespaces, by valid names, and says why in Korean', async () => {
    const { get, reads } = setup();
    for (const [query, code] of [
      ['kind=Secret&namespace=default&name=db', 403],
      ['kind=ConfigMap&namespace=default&name=db', 403],
      ['kind=Pod&namespace=kube-system&name=etcd', 403],
      ['kind=Pod&namespace=default&name=..%2Fsecrets', 400],
      ['kind=Pod&namespace=default', 400],
    ] as const) {
      const r = await get(query);
      expect(r.code, query).toBe(code);
      expect(r.body.ok).toBe(false);
      if (!r.body.ok) expect(r.body.status.message).toMatch(/[가-힣]/);
    }
    expect(reads).toEqual([]);
  });

  it('limits reads per client address (429 with Retry-After) and refuses an object past the size cap', async () => {
    const { get } = setup();
    const codes: number[] = [];
    for (let i = 0; i < OBJECT_READS_PER_MINUTE; i++) codes.push((await get(`kind=Pod&namespace=default&name=p${i}`)).code);
    expect(codes.filter((c) => c === 429).length).toBeGreaterThan(0);
    const limited = await get('kind=Pod&namespace=default&name=p');
    expect(limited.code).toBe(429);
    expect(Number(limited.retryAfter)).toBeGreaterThan(0);

    const huge = setup(async (_ns, name) => ({ ...stored(name), status: { message: 'x'.repeat(MAX_OBJECT_BYTES) } }));
    const big = await huge.get('kind=Pod&namespace=default&name=big');
    expect(big.code).toBe(413);
    expect(JSON.stringify(big.body).length).toBeLessThan(1_000);
  });

  it('passes the API server’s NotFound through, and answers 404 without a cluster', async () => {
    const notFound = { code: 404, body: { kind: 'Status', status: 'Failure', message: 'pods "gone" not found', reason: 'NotFound', code: 404 } };
    const { get } = setup(async () => Promise.reject(notFound));
    const r = await get('kind=Pod&namespace=default&name=gone');
    expect(r.code).toBe(404);
    if (!r.body.ok) expect(r.body.status).toMatchObject({ reason: 'NotFound', message: 'pods "gone" not found' });
    const none = setup(null);
    none.deps.cluster = null;
    expect((await none.get('kind=Pod&namespace=default&name=x')).code).toBe(404);
  });
});
