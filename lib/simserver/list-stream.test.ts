/**
 * Big lists written in slices (respond.ts writeJsonList), as the API server streams list responses since 1.33
 * (kubernetes/enhancements keps/sig-api-machinery/5116-streaming-response-encoding: "don't copy whole response
 * during response marshalling"): the same JSON a client parses, without one string of the whole body, and the
 * event loop free between slices. Plus the watch from a resourceVersion that no longer copies the collection.
 */
import { EventEmitter } from 'node:events';
import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { KubeObject } from '../k8s/types';
import { startSimServer, type SimServer } from './index';
import { LIST_SLICE_ITEMS, writeJsonList } from './respond';

/** A ServerResponse that records what is written; `room` says whether each write fits the socket's buffer. */
function fakeResponse(room: (n: number) => boolean = () => true) {
  const res = Object.assign(new EventEmitter(), {
    writes: [] as string[],
    headers: {} as Record<string, unknown>,
    status: 0,
    ended: false,
    destroyed: false,
    writeHead(status: number, headers: Record<string, unknown>) {
      res.status = status;
      res.headers = headers;
    },
    write(text: string) {
      res.writes.push(text);
      return room(res.writes.length);
    },
    end(text = '') {
      res.writes.push(text);
      res.ended = true;
    },
  });
  return res;
}
const asResponse = (r: ReturnType<typeof fakeResponse>) => r as unknown as ServerResponse;
const cm = (i: number) => ({ kind: 'ConfigMap', apiVersion: 'v1', metadata: { name: `cm-${String(i).padStart(4, '0')}`, namespace: 'default' }, data: { greeting: `안녕 ${i}` } }) as KubeObject;

describe('writeJsonList', () => {
  const head = { kind: 'ConfigMapList', apiVersion: 'v1', metadata: { resourceVersion: '42' } };

  it('writes the JSON writeJson would, a slice of items per write, without a Content-Length', async () => {
    const items = Array.from({ length: 2 * LIST_SLICE_ITEMS + 3 }, (_, i) => cm(i));
    const res = fakeResponse();
    await writeJsonList(asResponse(res), head, items, (o) => o);
    expect(JSON.parse(res.writes.join(''))).toEqual({ ...head, items });
    expect(res.writes.join('')).toBe(JSON.stringify({ ...head, items }));
    expect(res.writes).toHaveLength(3 + 1); // three slices, then the closing `]}`
    expect(res.headers['Content-Length']).toBeUndefined();
    expect(res.ended).toBe(true);
  });

  it('lets other callbacks run between slices (requests and watches are served meanwhile)', async () => {
    const items = Array.from({ length: 3 * LIST_SLICE_ITEMS }, (_, i) => cm(i));
    const res = fakeResponse();
    const seen: number[] = [];
    const tick = () => {
      seen.push(res.writes.length);
      if (!res.ended) setImmediate(tick);
    };
    setImmediate(tick);
    await writeJsonList(asResponse(res), head, items, (o) => o);
    // a callback ran after the first slice was written and before the last one
    expect(seen.some((n) => n >= 1 && n < 3)).toBe(true);
  });

  it('waits for the socket to drain before the next slice, and stops when the client has gone', async () => {
    const items = Array.from({ length: 3 * LIST_SLICE_ITEMS }, (_, i) => cm(i));
    const res = fakeResponse(() => false);
    const done = writeJsonList(asResponse(res), head, items, (o) => o);
    await new Promise((r) => setTimeout(r, 20));
    expect(res.writes).toHaveLength(1);
    res.emit('drain');
    await new Promise((r) => setTimeout(r, 20));
    expect(res.writes).toHaveLength(2);
    res.destroyed = true;
    res.emit('close');
    await done;
    expect(res.ended).toBe(false);
    expect(res.writes).toHaveLength(2);
  });

  it('writes a small list in one piece, with its Content-Length', async () => {
    const res = fakeResponse();
    await writeJsonList(asResponse(res), head, [cm(1)], (o) => o);
    expect(res.writes.join('')).toBe(JSON.stringify({ ...head, items: [cm(1)] }));
    expect(res.headers['Content-Length']).toBe(Buffer.byteLength(res.writes.join('')));
  });
});

describe('the sim cluster server', () => {
  let server: SimServer;
  beforeAll(async () => {
    server = await startSimServer({ port: 0, seed: 5, workers: 1, speed: 0 });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('lists a big collection whole over HTTP: every object once, with its TypeMeta, chunked', async () => {
    const n = 2 * LIST_SLICE_ITEMS + 10;
    for (let i = 0; i < n; i++) server.sim.create(cm(i));
    const res = await fetch(`${server.url}/api/v1/namespaces/default/configmaps`, { headers: { accept: 'application/json' } });
    expect(res.headers.get('transfer-encoding')).toBe('chunked');
    const list = (await res.json()) as { kind: string; metadata: { resourceVersion: string }; items: KubeObject[] };
    const names = list.items.map((o) => o.metadata!.name);
    const expected = server.sim.list('ConfigMap', 'default').items.map((o) => o.metadata!.name);
    expect(names).toEqual(expected);
    expect(new Set(names).size).toBe(names.length);
    expect(names.filter((name) => name!.startsWith('cm-'))).toHaveLength(n);
    expect(list.kind).toBe('ConfigMapList');
    expect(list.metadata.resourceVersion).toBe(server.sim.resourceVersion());
    expect(list.items.every((o) => o.kind === 'ConfigMap' && o.apiVersion === 'v1')).toBe(true);
  });

  it('starts an unfiltered watch from a resourceVersion without reading the collection; a filtered one still does', async () => {
    const list = vi.spyOn(server.sim, 'listStored');
    const rv = server.sim.resourceVersion();
    const watch = async (query: string) => {
      const ac = new AbortController();
      const res = await fetch(`${server.url}/api/v1/namespaces/default/configmaps?watch=true&resourceVersion=${rv}${query}`, { signal: ac.signal });
      expect(res.status).toBe(200);
      ac.abort();
    };
    await watch('');
    expect(list).not.toHaveBeenCalled();
    await watch('&labelSelector=app%3Dweb');
    expect(list).toHaveBeenCalledTimes(1);
    list.mockRestore();
  });

  it('serves a chunked list (limit/continue) from its first page’s snapshot: every object once, one resourceVersion, one read', async () => {
    // kubernetes.io/docs/reference/using-api/api-concepts/#retrieving-large-results-sets-in-chunks: a continue token
    // on each page while items remain, and all pages consistent with the first page's resourceVersion
    const list = vi.spyOn(server.sim, 'listStored');
    const copies = vi.spyOn(server.sim, 'list');
    let lateGreeting: string | undefined;
    const names: string[] = [];
    const versions = new Set<string>();
    let token = '';
    let pages = 0;
    do {
      const res = await fetch(`${server.url}/api/v1/namespaces/default/configmaps?limit=100${token ? `&continue=${token}` : ''}`);
      const page = (await res.json()) as { metadata: { resourceVersion: string; continue?: string; remainingItemCount?: number }; items: KubeObject[] };
      names.push(...page.items.map((o) => o.metadata!.name!));
      versions.add(page.metadata.resourceVersion);
      if (pages === 0) {
        server.sim.create(cm(9_999)); // a change after the first page is not in this list
        // nor is a change to an object of a later page: the pinned snapshot holds the stored object, which a write
        // replaces and never modifies (lib/sim/store.ts)
        server.sim.update({ ...cm(2 * LIST_SLICE_ITEMS), data: { greeting: 'changed' } });
      }
      const late = page.items.find((o) => o.metadata!.name === cm(2 * LIST_SLICE_ITEMS).metadata!.name) as { data?: { greeting?: string } } | undefined;
      if (late) lateGreeting = late.data?.greeting;
      token = page.metadata.continue ?? '';
      pages++;
    } while (token && pages < 100);
    expect(new Set(names).size).toBe(names.length);
    expect(names).not.toContain('cm-9999');
    expect(lateGreeting).toBe(`안녕 ${2 * LIST_SLICE_ITEMS}`);
    expect(names.filter((name) => name.startsWith('cm-'))).toHaveLength(2 * LIST_SLICE_ITEMS + 10);
    expect(pages).toBe(Math.ceil(names.length / 100));
    expect(versions.size).toBe(1);
    // the whole collection was read for the first page only, the rest came from its snapshot; and nothing was
    // deep-copied: each object is serialised from the store as its page is written
    expect(list).toHaveBeenCalledTimes(1);
    expect(copies).not.toHaveBeenCalled();
    list.mockRestore();
    copies.mockRestore();
  });
});
