import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeCollection } from './fake-upstream';
import { COMPACT_PODS_ABOVE } from './projection-compact';
import { LIST_PAGE_SIZE, Reflector, backoffDelay, describeError, type ReflectorChange } from './reflector';

/** One real turn of the event loop (setImmediate is left unfaked: the reflector yields with it between list pages). */
const turn = () => new Promise<void>((done) => setImmediate(done));
/** Lets a list run to its end: promise callbacks and the turns of the loop between its pages. */
const flush = async () => {
  for (let i = 0; i < 20; i++) await turn();
};

function setup() {
  const up = new FakeCollection('default');
  const changes: ReflectorChange[] = [];
  const health: { ok: boolean; reason?: string }[] = [];
  const r = new Reflector('Pod', 'default', up, { onChange: (c) => changes.push(c), onHealth: (h) => health.push(h) });
  return { up, r, changes, health };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('backoffDelay', () => {
  it('doubles from 1 s and caps at 30 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 20].map(backoffDelay)).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
  });
});

describe('describeError', () => {
  it('gives a Korean reason with the technical detail', () => {
    expect(describeError(new DOMException('x', 'TimeoutError'))).toMatch(/시간 초과/);
    expect(describeError(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } }))).toMatch(/연결 거부/);
    expect(describeError(Object.assign(new Error('Forbidden'), { statusCode: 403 }))).toMatch(/RBAC.*403/);
    expect(describeError(Object.assign(new TypeError('fetch failed'), { cause: { code: 'UND_ERR_SOCKET' } }))).toMatch(/끊겼습니다 \(UND_ERR_SOCKET\)/);
  });
});

describe('Reflector', () => {
  it('projects pods compactly once a feed holds more than COMPACT_PODS_ABOVE of them, from the list or from the watch', async () => {
    const { up, r } = setup();
    const spec = { dnsPolicy: 'ClusterFirst', nodeName: 'worker-1' };
    const specOf = (o: unknown) => (o as { spec?: unknown } | undefined)?.spec;
    for (let i = 0; i < COMPACT_PODS_ABOVE; i++) up.put(`p${i}`, { spec });
    r.start();
    await flush();
    expect(specOf(r.objects.get('Pod/default/p0'))).toEqual(spec); // at the threshold: full
    up.put('grows-past', { spec });
    up.put('after', { spec });
    expect(specOf(r.objects.get('Pod/default/grows-past'))).toEqual(spec); // the list was at the threshold
    expect(specOf(r.objects.get('Pod/default/after'))).toEqual({ nodeName: 'worker-1' }); // feed now past it
    r.stop();

    const big = setup();
    for (let i = 0; i <= COMPACT_PODS_ABOVE; i++) big.up.put(`p${i}`, { spec });
    big.r.start();
    await flush();
    expect(specOf(big.r.objects.get('Pod/default/p0'))).toEqual({ nodeName: 'worker-1' });
    big.r.stop();
  });

  // client-go's reflector lists through its pager (k8s.io/client-go/tools/pager/pager.go: defaultPageSize 500,
  // FullListIfExpired) and watches from the list's resourceVersion (tools/cache/reflector.go); every page of a chunked
  // list is served from the first page's snapshot (API concepts, "Retrieving large results sets in chunks").
  it('lists in pages of LIST_PAGE_SIZE and watches from the last page\'s resourceVersion', async () => {
    const { up, r, changes } = setup();
    const total = LIST_PAGE_SIZE * 2 + 7;
    for (let i = 0; i < total; i++) up.put(`p${String(i).padStart(5, '0')}`);
    const listRv = String(up.rv);
    const watchFrom: string[] = [];
    const watch = up.watch.bind(up);
    up.watch = (rv, handlers) => (watchFrom.push(rv), watch(rv, handlers));
    r.start();
    await turn(); // the first page is in, the next not yet asked for
    expect(up.listRequests).toHaveLength(1);
    up.put('added-mid-list'); // after the list's snapshot: in no page; the API server replays it to a watch from listRv
    await flush();
    expect(up.listRequests).toEqual([
      { limit: 500, continue: undefined },
      { limit: 500, continue: expect.any(String) },
      { limit: 500, continue: expect.any(String) },
    ]);
    expect(watchFrom).toEqual([listRv]); // the pages' snapshot, not the collection's resourceVersion when the list ended
    expect(r.objects.size).toBe(total);
    expect(r.objects.has('Pod/default/added-mid-list')).toBe(false);
    expect(r.synced).toBe(true);
    expect(changes.filter((c) => c.type === 'upsert')).toHaveLength(total);
    r.stop();
  });

  it('answers other work between list pages instead of holding the event loop for the whole list', async () => {
    vi.useRealTimers();
    const { up, r } = setup();
    for (let i = 0; i < LIST_PAGE_SIZE * 4; i++) up.put(`p${i}`);
    const heldWhenOthersRan: number[] = [];
    const other = setInterval(() => heldWhenOthersRan.push(r.objects.size), 0);
    r.start();
    while (!r.synced) await new Promise((done) => setImmediate(done));
    clearInterval(other);
    r.stop();
    // some other callback ran while the list was part-way in: after one page and before the last
    expect(heldWhenOthersRan.some((n) => n >= LIST_PAGE_SIZE && n < LIST_PAGE_SIZE * 4)).toBe(true);
  });

  it('falls back to one whole list when a continue token expired mid-list (410), and holds no ghost or duplicate', async () => {
    const { up, r, changes } = setup();
    for (let i = 0; i < LIST_PAGE_SIZE + 10; i++) up.put(`p${i}`);
    r.start();
    await turn();
    expect(up.listRequests).toHaveLength(1);
    up.expireContinueTokens();
    up.remove('p0'); // listed by the first page, gone by the time of the whole list
    await flush();
    expect(up.listRequests).toEqual([{ limit: 500, continue: undefined }, { limit: 500, continue: expect.any(String) }, undefined]);
    expect(r.synced).toBe(true);
    expect(r.objects.size).toBe(LIST_PAGE_SIZE + 9);
    expect(r.objects.has('Pod/default/p0')).toBe(false);
    expect(changes.filter((c) => c.type === 'delete').map((c) => c.key)).toEqual(['Pod/default/p0']);
    r.stop();
  });

  it('lists, then applies watch events in order', async () => {
    const { up, r, changes } = setup();
    up.put('a');
    r.start();
    await flush();
    expect(r.synced).toBe(true);
    up.put('b');
    up.put('a', { spec: { nodeName: 'worker-1' } });
    up.remove('b');
    expect(changes.map((c) => `${c.type} ${c.key}`)).toEqual(['upsert Pod/default/a', 'upsert Pod/default/b', 'upsert Pod/default/a', 'delete Pod/default/b']);
    expect([...r.objects.keys()]).toEqual(['Pod/default/a']);
    r.stop();
  });

  it('retries failed lists with growing delays and reports the reason', async () => {
    const { up, r, health } = setup();
    up.listErrors = [Object.assign(new Error('refused'), { cause: { code: 'ECONNREFUSED' } }), new Error('x'), new Error('y')];
    r.start();
    await flush();
    expect(up.listCalls).toBe(1);
    expect(health.at(-1)).toMatchObject({ ok: false });
    expect(health.at(-1)?.reason).toMatch(/연결/);
    await vi.advanceTimersByTimeAsync(999);
    expect(up.listCalls).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(up.listCalls).toBe(2);
    await vi.advanceTimersByTimeAsync(1999);
    expect(up.listCalls).toBe(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(up.listCalls).toBe(3);
    await vi.advanceTimersByTimeAsync(4000);
    expect(up.listCalls).toBe(4);
    expect(r.synced).toBe(true);
    expect(health.at(-1)).toMatchObject({ ok: true });
    r.stop();
  });

  it('relists at once on 410 Gone', async () => {
    const { up, r } = setup();
    r.start();
    await flush();
    await vi.advanceTimersByTimeAsync(5000);
    up.compactedBefore = 1000;
    up.rv = 2000;
    up.dropWatches(Object.assign(new Error('Gone'), { statusCode: 410 }));
    await flush();
    expect(up.listCalls).toBe(2);
    expect(up.openWatches).toBe(1);
    r.stop();
  });

  it('backs off when even a fresh list resourceVersion is refused with 410', async () => {
    const { up, r } = setup();
    up.compactedBefore = 1000;
    r.start();
    await flush();
    expect(up.listCalls).toBe(1);
    await vi.advanceTimersByTimeAsync(999);
    expect(up.listCalls).toBe(1);
    r.stop();
  });

  it('after a reconnect, a relist leaves exactly what the cluster has (no ghosts, no duplicates)', async () => {
    const { up, r, changes } = setup();
    up.put('old-1');
    up.put('same');
    r.start();
    await flush();
    // The cluster is replaced behind the same URL: old-1 gone, `same` recreated with a new uid, new-1 added.
    up.items.clear();
    up.put('same', {}, 'uid-new');
    up.put('new-1');
    up.dropWatches(new Error('socket hang up'));
    await vi.advanceTimersByTimeAsync(1000);
    expect([...r.objects.keys()].sort()).toEqual(['Pod/default/new-1', 'Pod/default/same']);
    expect(r.objects.get('Pod/default/same')?.metadata?.uid).toBe('uid-new');
    expect(changes.filter((c) => c.type === 'delete').map((c) => c.key)).toEqual(['Pod/default/old-1']);
    r.stop();
  });

  it('re-watches from the last resourceVersion after a clean close, without relisting', async () => {
    const { up, r } = setup();
    r.start();
    await flush();
    up.put('a');
    await vi.advanceTimersByTimeAsync(5000);
    up.dropWatches(null);
    await flush();
    expect(up.listCalls).toBe(1);
    expect(up.watchCalls).toBe(2);
    r.stop();
  });

  it('stops cleanly: no watch stays open and late results are ignored', async () => {
    const { up, r, changes } = setup();
    r.start();
    await flush();
    expect(up.openWatches).toBe(1);
    r.stop();
    expect(up.openWatches).toBe(0);
    up.put('late');
    expect(changes).toHaveLength(0);
  });
});
