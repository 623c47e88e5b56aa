import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { KubeObject } from '../k8s/types';
import { projectObject } from '../server/projection';
import { LiveClient, type EventSourceLike } from './live-client';
import { isCompactPod } from './live-full-pod';

type Handler = (ev: { data: string; lastEventId?: string }) => void;
class FakeEventSource implements EventSourceLike {
  readyState = 1;
  onerror = null;
  readonly handlers = new Map<string, Handler[]>();
  addEventListener(type: string, cb: Handler) {
    this.handlers.set(type, [...(this.handlers.get(type) ?? []), cb]);
  }
  emit(type: string, data: unknown) {
    for (const cb of this.handlers.get(type) ?? []) cb({ data: JSON.stringify(data), lastEventId: 'e.1' });
  }
  close() {}
}

/** A pod as the API server stores it (defaults set: pkg/apis/core/v1/defaults.go SetDefaults_PodSpec). */
const apiPod = (name: string, rv: string) => ({
  metadata: { name, namespace: 'default', uid: `u-${name}`, resourceVersion: rv, generateName: 'web-' },
  spec: { restartPolicy: 'Always', dnsPolicy: 'ClusterFirst', schedulerName: 'default-scheduler', terminationGracePeriodSeconds: 30, nodeName: 'worker-1', containers: [{ name: 'web', image: 'nginx' }] },
  status: { phase: 'Running' },
});
const compact = (name: string, rv: string) => projectObject('Pod', apiPod(name, rv), { compact: true });
const full = (name: string, rv: string) => projectObject('Pod', apiPod(name, rv));

function setup(answer: (url: URL) => Response) {
  const source = new FakeEventSource();
  const reads: string[] = [];
  const fetchImpl = vi.fn<typeof fetch>(async (url) => {
    const u = new URL(String(url), 'http://app');
    if (u.pathname.endsWith('/info')) return Response.json({ mode: 'live', writable: false, reachable: true, upstreamWatches: 1, streams: 1 });
    reads.push(`${u.pathname}?${u.searchParams}`);
    return answer(u);
  });
  const client = new LiveClient({ eventSource: () => source, fetch: fetchImpl });
  return { client, source, reads };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('isCompactPod', () => {
  it('tells the compact projection of a pod from the full one', () => {
    expect(isCompactPod(compact('web-1', '3'))).toBe(true);
    expect(isCompactPod(full('web-1', '3'))).toBe(false);
  });
});

describe('LiveClient.get on a compact pod', () => {
  it('reads the pod in full once per resourceVersion, so `kubectl get -o yaml` prints the defaulted fields', async () => {
    let rv = '3';
    const { client, source, reads } = setup((u) => Response.json({ ok: true, object: full(u.searchParams.get('name')!, rv) }));
    source.emit('snapshot', { objects: [compact('web-1', '3'), full('small-1', '2')], namespaces: ['default'], upstream: { ok: true, synced: true } });
    const got = (await client.get('Pod', 'web-1', 'default')) as KubeObject & { spec: Record<string, unknown>; metadata: { generateName?: string } };
    expect(got.spec).toMatchObject({ restartPolicy: 'Always', dnsPolicy: 'ClusterFirst', schedulerName: 'default-scheduler', terminationGracePeriodSeconds: 30 });
    expect(got.metadata.generateName).toBe('web-');
    expect(reads).toEqual(['/api/cluster/object?kind=Pod&namespace=default&name=web-1']);
    await client.get('Pod', 'web-1', 'default');
    expect(reads).toHaveLength(1); // same version: kept
    rv = '4';
    source.emit('upsert', { kind: 'Pod', key: 'Pod/default/web-1', object: compact('web-1', '4') });
    expect((await client.get('Pod', 'web-1', 'default')).metadata?.resourceVersion).toBe('4');
    expect(reads).toHaveLength(2); // changed: read again, never the stale copy
    // a pod the stream carries in full is answered from the cache
    await client.get('Pod', 'small-1', 'default');
    expect(reads).toHaveLength(2);
    client.dispose();
  });

  it('answers with the compact copy when the full read is refused (rate limit) or fails', async () => {
    let refuse = true;
    const { client, source } = setup(() => {
      if (refuse) return Response.json({ ok: false, status: { kind: 'Status', code: 429, message: '너무 잦습니다' } }, { status: 429 });
      throw new TypeError('fetch failed');
    });
    source.emit('snapshot', { objects: [compact('web-1', '3')], namespaces: ['default'], upstream: { ok: true, synced: true } });
    expect(await client.get('Pod', 'web-1', 'default')).toEqual(compact('web-1', '3'));
    refuse = false;
    expect(await client.get('Pod', 'web-1', 'default')).toEqual(compact('web-1', '3'));
    client.dispose();
  });
});

describe('kubectl on a compact pod the server would not read in full', () => {
  it('says in Korean, on stderr, that get -o yaml and describe show the compact copy; nothing when the read works', async () => {
    const { kubectl } = await import('../kubectl/testing/run');
    let refuse = true;
    const { client, source } = setup((u) =>
      refuse ? Response.json({ ok: false, status: { kind: 'Status', code: 429, message: '너무 잦습니다' } }, { status: 429 }) : Response.json({ ok: true, object: full(u.searchParams.get('name')!, '3') }),
    );
    source.emit('snapshot', { objects: [compact('web-1', '3')], namespaces: ['default'], upstream: { ok: true, synced: true } });
    const note = '참고: 서버에서 파드 web-1의 전체 내용을 읽지 못해, 실시간 목록에 있는 간추린 사본을 보여 줍니다.';
    const yaml = await kubectl(client, 'kubectl get pod web-1 -o yaml', { now: () => 0 });
    expect(yaml.stdout).toContain('name: web-1');
    expect(yaml.stdout).not.toContain('restartPolicy');
    expect(yaml.stderr).toContain(note);
    expect((await kubectl(client, 'kubectl describe pod web-1', { now: () => 0 })).stderr).toContain(note);
    refuse = false;
    const again = await kubectl(client, 'kubectl get pod web-1 -o yaml', { now: () => 0 });
    expect(again.stdout).toContain('restartPolicy: Always');
    expect(again.stderr).toBe('');
    client.dispose();
  });
});
