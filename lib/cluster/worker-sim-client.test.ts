import { afterEach, describe, expect, it, vi } from 'vitest';
import { StatusError, isStatusError, type CoreV1Event, type KubeObject } from '../k8s/types';
import { projectEvent } from '../graph/projection';
import type { LabEntry } from '../store/lab-session';
import { SimClient } from './sim-client';
import { inProcessPort, startEngineClient } from './sim-port';
import { MAX_CHANGES_PER_MESSAGE, type SimPort, type SimRequest, type SimResponse } from './sim-protocol';
import type { ClusterChange } from './types';
import { EVENTS_HELD_BY_PAGE, EVENTS_SHOWN } from './page-event';
import { createPlaygroundStore } from '../store/playground-store';
import { WorkerSimClient } from './worker-sim-client';

const deployment = (name: string, replicas: number) =>
  ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default' },
    spec: { replicas, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'web', image: 'nginx:1.25' }] } } },
  }) as KubeObject;

/**
 * The cluster as a sorted list of [key, object] (objects compared whole, resourceVersions and uids included). The
 * page keeps of an Event what its views read (page-event.ts), so an Event is compared as the events panel shows it.
 */
const contents = (m: ReadonlyMap<string, KubeObject>): [string, unknown][] =>
  [...m].sort(([a], [b]) => a.localeCompare(b)).map(([key, o]) => [key, key.startsWith('Event/') ? projectEvent(key, o as CoreV1Event, undefined) : o]);

/** JSON with key order and explicit undefined kept: equal strings mean kubectl prints the same object. */
const exact = (o: unknown) => JSON.stringify(o, (_k, v: unknown) => (v === undefined ? '<undefined>' : v));

async function workerClient(opts: ConstructorParameters<typeof WorkerSimClient>[1] = {}) {
  const c = new WorkerSimClient(await inProcessPort(), { autoplay: false, ...opts });
  await c.ready;
  return c;
}

/**
 * The same seed twice: the engine behind the message channel (every answer it sends kept in `sent`, as it crossed)
 * and the engine on the page, to compare what each shows.
 */
async function engineBesidePage(seed: number) {
  const inner = await inProcessPort();
  const sent: SimResponse[] = [];
  const port: SimPort = { ...inner, onMessage: (cb) => inner.onMessage((res) => (sent.push(res), cb(res))) };
  const worker = new WorkerSimClient(port, { autoplay: false, seed });
  const page = new SimClient({ autoplay: false, seed });
  await Promise.all([worker.ready, page.ready]);
  return { worker, page, sent };
}

/** The StatusError a call rejects with (fails the test when it resolves or rejects with anything else). */
async function rejection(p: Promise<unknown>): Promise<StatusError> {
  const e = await p.then(
    () => new Error('expected the call to fail'),
    (err: unknown) => err,
  );
  if (!isStatusError(e)) throw e;
  return e;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('WorkerSimClient: the engine behind messages gives the same cluster', () => {
  it('same seed and the same calls: the same objects as SimClient, byte for byte', async () => {
    const page = new SimClient({ seed: 7, autoplay: false });
    await page.ready;
    const worker = await workerClient({ seed: 7 });
    expect(contents(worker.cached())).toEqual(contents(page.cached()));
    for (const c of [page, worker]) {
      await c.create(deployment('web', 3));
      await c.advance(30_000);
      await c.patch('Deployment', 'web', 'default', { spec: { template: { spec: { containers: [{ name: 'web', image: 'nginx:1.26' }] } } } }, 'strategic');
      await c.advance(60_000);
    }
    expect(worker.time.now()).toBe(page.time.now());
    expect(contents(worker.cached())).toEqual(contents(page.cached()));
    expect(contents(worker.cached()).filter(([k]) => k.startsWith('Pod/default/web-'))).toHaveLength(3);
    page.dispose();
    worker.dispose();
  });

  it('kubectl top reads (metrics.k8s.io) answer as the engine on the page does', async () => {
    const page = new SimClient({ seed: 3, autoplay: false });
    const worker = await workerClient({ seed: 3 });
    for (const c of [page, worker]) {
      await c.create(deployment('web', 2));
      await c.advance(60_000);
    }
    expect(await worker.metrics.listNodes()).toEqual(await page.metrics.listNodes());
    expect(await worker.metrics.listPods('default')).toEqual(await page.metrics.listPods('default'));
    const missing = [await rejection(page.metrics.getPod('nope', 'default')), await rejection(worker.metrics.getPod('nope', 'default'))];
    expect(missing[1].status).toEqual(missing[0].status);
    page.dispose();
    worker.dispose();
  });

  it('a command on the laptop (curl outside the cluster) answers as on the page', async () => {
    const page = new SimClient({ seed: 3, autoplay: false });
    const worker = await workerClient({ seed: 3 });
    const argv = ['curl', '-s', 'http://web.default.svc.cluster.local/'];
    expect(await worker.runOnLaptop(argv)).toEqual(await page.runOnLaptop(argv));
    page.dispose();
    worker.dispose();
  });

  it('the load generator runs in the engine and reports the same seconds as on the page', async () => {
    const page = new SimClient({ seed: 3, autoplay: false });
    const worker = await workerClient({ seed: 3 });
    for (const c of [page, worker]) {
      await c.create(deployment('web', 2));
      await c.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } } as KubeObject);
      await c.advance(20_000);
      expect(await c.traffic.start({ target: 'svc/web', rate: 10 })).toMatchObject({ ok: true });
      await c.advance(5_000);
    }
    const stats = await worker.traffic.stats();
    expect(stats.buckets.at(-1)).toMatchObject({ sent: 10, ok: 10 });
    expect(stats).toEqual(await page.traffic.stats());
    expect(await worker.traffic.stop()).toBe(true);
    page.dispose();
    worker.dispose();
  });

  it('a saved lab replayed inside the engine rebuilds the same cluster as on the page', async () => {
    const entries: LabEntry[] = [
      { op: 'create', at: Date.UTC(2024, 0, 1) + 5_000, obj: deployment('api', 2) },
      { op: 'patch', at: Date.UTC(2024, 0, 1) + 20_000, kind: 'Deployment', name: 'api', ns: 'default', patch: { spec: { replicas: 4 } }, type: 'merge' },
    ];
    const page = new SimClient({ autoplay: false });
    await page.ready;
    const start = page.time.now();
    const shifted = entries.map((e) => ({ ...e, at: start + (e.at - Date.UTC(2024, 0, 1)) }));
    await page.replayLab(shifted, start + 90_000);
    const worker = await workerClient();
    await worker.replayLab(shifted, start + 90_000);
    expect(contents(worker.cached())).toEqual(contents(page.cached()));
    expect(worker.time.now()).toBe(start + 90_000);
  });
});

describe('WorkerSimClient message protocol', () => {
  it('round trip: a create resolves with the object, and cached() already holds it when it does', async () => {
    const c = await workerClient();
    const created = await c.create(deployment('web', 1));
    expect(created.metadata?.uid).toBeTruthy();
    expect(c.cached().get('Deployment/default/web')?.metadata?.uid).toBe(created.metadata?.uid);
    expect((await c.get('Deployment', 'web', 'default')).metadata?.uid).toBe(created.metadata?.uid);
    c.dispose();
  });

  it('errors keep their Status shape and message, as the engine on the page gives them', async () => {
    const page = new SimClient({ autoplay: false });
    const c = await workerClient();
    const notFound = [await rejection(page.get('Pod', 'nope', 'default')), await rejection(c.get('Pod', 'nope', 'default'))];
    expect(notFound[1]).toBeInstanceOf(StatusError);
    expect(notFound[1].code).toBe(404);
    expect(notFound[1].status).toEqual(notFound[0].status);
    // A validation error with a Korean message travels unchanged too.
    const bad = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'Bad_Name', namespace: 'default' }, spec: {} } as KubeObject;
    const invalid = [await rejection(page.create(bad)), await rejection(c.create(bad))];
    expect(invalid[1].code).toBe(422);
    expect(invalid[1].status).toEqual(invalid[0].status);
    page.dispose();
    c.dispose();
  });

  it('answers in the order it was asked, each with its own changes before its result', async () => {
    const c = await workerClient();
    const seen: string[] = [];
    c.subscribe((changes) => seen.push(changes.map((ch) => `${ch.type}:${ch.key}`).join(',')));
    const order: string[] = [];
    await Promise.all([
      c.create(deployment('a', 0)).then(() => order.push(`a:${c.cached().has('Deployment/default/a')}`)),
      c.create(deployment('b', 0)).then(() => order.push(`b:${c.cached().has('Deployment/default/b')}`)),
      c.delete('Deployment', 'a', 'default').then(() => order.push(`-a:${c.cached().has('Deployment/default/a')}`)),
    ]);
    expect(order).toEqual(['a:true', 'b:true', '-a:false']);
    expect(seen[0]).toContain('upsert:Deployment/default/a');
    expect(seen[1]).toContain('upsert:Deployment/default/b');
    expect(seen.slice(2).join(',')).toContain('Deployment/default/a');
    c.dispose();
  });

  it('batches: a small step delivers its changes in one notification', async () => {
    const c = await workerClient();
    await c.create(deployment('web', 3));
    const batches: ClusterChange[][] = [];
    c.subscribe((b) => batches.push(b));
    await c.time.step(30_000);
    expect(batches).toHaveLength(1);
    expect(batches[0].filter((ch) => ch.kind === 'Pod').length).toBeGreaterThanOrEqual(3);
    c.dispose();
  });

  it('a big step arrives in parts of at most MAX_CHANGES_PER_MESSAGE, all of them before the step resolves', async () => {
    const c = await workerClient();
    await c.create(deployment('web', 150));
    const batches: ClusterChange[][] = [];
    c.subscribe((b) => batches.push(b));
    let resolvedAfter = -1;
    await Promise.resolve(c.time.step(30_000)).then(() => (resolvedAfter = batches.length));
    expect(batches.length).toBeGreaterThan(1);
    expect(Math.max(...batches.map((b) => b.length))).toBeLessThanOrEqual(MAX_CHANGES_PER_MESSAGE);
    expect(resolvedAfter).toBe(batches.length);
    // Split or not, the page's copy is the engine's: the same as the engine on the page after the same calls.
    const page = new SimClient({ autoplay: false });
    await page.ready;
    await page.create(deployment('web', 150));
    await page.time.step(30_000);
    // Events: the page keeps the newest of a step this big (page-event.ts), each as the engine on the page has it
    const isEvent = ([k]: [string, unknown]) => k.startsWith('Event/');
    expect(contents(c.cached()).filter((e) => !isEvent(e))).toEqual(contents(page.cached()).filter((e) => !isEvent(e)));
    const pageEvents = new Map(contents(page.cached()).filter(isEvent));
    const workerEvents = contents(c.cached()).filter(isEvent);
    expect(pageEvents.size).toBeGreaterThan(EVENTS_SHOWN);
    // the step's newest 200, beside the few the cluster had before it (its start: CoreDNS, the nodes)
    expect(workerEvents.length).toBeGreaterThanOrEqual(EVENTS_SHOWN);
    expect(workerEvents.length).toBeLessThan(EVENTS_SHOWN + 50);
    for (const [k, v] of workerEvents) expect(v).toEqual(pageEvents.get(k));
    expect(contents(c.cached()).filter(([k]) => k.startsWith('Pod/default/web-'))).toHaveLength(150);
    page.dispose();
    c.dispose();
  });

  it('a delete crosses the channel without the object, yet the page announces the same deleted object as SimClient', async () => {
    // Record what the engine side sends: deletes must not carry the pod again (its spec and status are on the page).
    const { worker, page, sent } = await engineBesidePage(3);
    const deletes = async (c: WorkerSimClient | SimClient) => {
      const out: ClusterChange[] = [];
      const off = c.subscribe((b) => out.push(...b.filter((x) => x.type === 'delete')));
      await c.create(deployment('web', 2));
      await c.advance(30_000);
      await c.patch('Deployment', 'web', 'default', { spec: { replicas: 0 } }, 'merge');
      await c.advance(60_000);
      off();
      return out;
    };
    const fromWorker = await deletes(worker);
    const fromPage = await deletes(page);
    expect(fromWorker.filter((c) => c.kind === 'Pod')).toHaveLength(2);
    // Same keys, same last objects (last state with the delete's resourceVersion), same causes.
    expect(fromWorker).toEqual(fromPage);
    const wireDeletes = sent.flatMap((r) => r.changes.flatMap((w) => (w[0] === 1 ? [w[2]] : [])));
    expect(wireDeletes.length).toBeGreaterThanOrEqual(2);
    for (const object of wireDeletes) expect(Object.keys(object)).toEqual(['metadata']);
    page.dispose();
    worker.dispose();
  });

  it('a whole rollout: pods after their first version cross as field patches, and every change the page announces is SimClient\'s, byte for byte', async () => {
    const { worker, page, sent } = await engineBesidePage(5);
    // Events as the events panel shows them (the page keeps only what it reads); everything else whole.
    const shown = (ch: ClusterChange) => (ch.kind === 'Event' ? { ...ch, object: projectEvent(ch.key, ch.object as CoreV1Event, ch.cause) } : ch);
    const rollout = async (c: WorkerSimClient | SimClient) => {
      const out: string[] = [];
      const off = c.subscribe((b) => b.forEach((ch) => out.push(exact(shown(ch)))));
      await c.create(deployment('web', 12));
      await c.advance(30_000);
      await c.patch('Deployment', 'web', 'default', { spec: { template: { spec: { containers: [{ name: 'web', image: 'nginx:1.26' }] } } } }, 'strategic');
      await c.advance(90_000);
      await c.patch('Deployment', 'web', 'default', { spec: { replicas: 4 } }, 'merge');
      await c.advance(60_000);
      off();
      return out;
    };
    const fromWorker = await rollout(worker);
    const fromPage = await rollout(page);
    expect(fromWorker.length).toBeGreaterThan(100);
    expect(fromWorker).toEqual(fromPage);
    for (const [key, object] of page.cached()) if (!key.startsWith('Event/')) expect(exact(worker.cached().get(key))).toBe(exact(object));
    expect(fromWorker.filter((c) => c.includes('"kind":"Event"')).length).toBeGreaterThan(20);
    const podWire = sent.flatMap((r) => r.changes).filter((w) => w[1] === 'Pod' && (w[0] === 2 ? w[2] : w[2].metadata?.name ?? '').includes('web-'));
    const patches = podWire.filter((w) => w[0] === 2).length;
    const whole = podWire.filter((w) => w[0] === 0).length;
    // 12 pods, then 12 new ones in the rollout: each first version whole, every later one a patch.
    expect(whole).toBe(24);
    expect(patches).toBeGreaterThan(3 * whole);
    page.dispose();
    worker.dispose();
  });

  it('Events cross without what no page view reads, and kubectl still gets them whole from the engine', async () => {
    const { worker, page, sent } = await engineBesidePage(2);
    for (const c of [worker, page]) {
      await c.create(deployment('web', 3));
      await c.advance(30_000);
    }
    const wireEvents = sent.flatMap((r) => r.changes).filter((w) => w[0] === 0 && w[1] === 'Event');
    expect(wireEvents.length).toBeGreaterThan(5);
    for (const w of wireEvents) expect(JSON.stringify(w[2])).not.toContain('"uid"');
    // kubectl get events / describe list them from the engine: the same full objects as the engine on the page.
    const full = await worker.list('Event', 'default');
    expect(full).toEqual(await page.list('Event', 'default'));
    expect(full.every((e) => typeof e.metadata?.uid === 'string' && typeof (e as CoreV1Event).involvedObject.uid === 'string')).toBe(true);
    page.dispose();
    worker.dispose();
  });

  it('a busy cluster\'s Events: the page gets the newest of each answer, holds a bounded number, and its events panel shows what SimClient\'s does', async () => {
    const { worker, page, sent } = await engineBesidePage(4);
    const stores = [createPlaygroundStore(), createPlaygroundStore()];
    const clients = [worker, page] as const;
    clients.forEach((c, i) => c.subscribe((batch) => stores[i].getState().applyBatch(batch)));
    for (const c of clients) {
      // 400 pods in one step: Scheduled, Pulled/Pulling, Created, Started for each, far more than the panel's 200
      await c.create(deployment('web', 400));
      await c.advance(60_000);
      await c.patch('Deployment', 'web', 'default', { spec: { template: { spec: { containers: [{ name: 'web', image: 'nginx:1.26' }] } } } }, 'strategic');
      for (let i = 0; i < 6; i++) await c.advance(20_000);
    }
    const engineEvents = (await worker.list('Event')).length;
    expect(engineEvents).toBeGreaterThan(EVENTS_HELD_BY_PAGE);
    for (const r of sent) {
      const upserted = new Set(r.changes.filter((w) => w[1] === 'Event' && w[0] !== 1).map((w) => (w[0] === 2 ? w[2] : `Event/${w[2].metadata?.namespace}/${w[2].metadata?.name}`)));
      expect(upserted.size).toBeLessThanOrEqual(EVENTS_SHOWN);
    }
    const held = [...worker.cached().keys()].filter((k) => k.startsWith('Event/')).length;
    expect(held).toBeGreaterThanOrEqual(EVENTS_SHOWN);
    expect(held).toBeLessThanOrEqual(EVENTS_HELD_BY_PAGE);
    // the panel: the same 200 newest Events, in the same order, as when the page gets every Event
    const shown = stores.map((st) => st.getState().events.map((e) => `${e.key} ${e.count} ${e.time}`));
    expect(shown[0]).toHaveLength(EVENTS_SHOWN);
    expect(shown[0]).toEqual(shown[1]);
    // everything but Events is the engine's, whole
    for (const [key, object] of page.cached()) if (!key.startsWith('Event/')) expect(exact(worker.cached().get(key))).toBe(exact(object));
    page.dispose();
    worker.dispose();
  });

  it('paced time moves in whole quanta, each check seeing the engine after its quantum', async () => {
    const c = await workerClient();
    const start = c.time.now();
    const checkedAt: number[] = [];
    c.time.pace!(250, () => {
      checkedAt.push(c.time.now() - start);
      return checkedAt.length === 2;
    });
    await c.time.step(100);
    expect(checkedAt).toEqual([]);
    await c.time.step(1000);
    expect(checkedAt).toEqual([250, 500]);
    expect(c.time.now() - start).toBe(1100);
    c.dispose();
  });

  it('an interactive shell keeps its state across lines and its prompt follows cd', async () => {
    const c = await workerClient();
    await c.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'box', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'busybox', command: ['sleep', '3600'] }] } } as KubeObject);
    await c.advance(60_000);
    const shell = await c.execShell('box', 'default', undefined);
    expect(shell.prompt()).toBe('/ # ');
    await shell.run('cd /tmp');
    expect(shell.prompt()).toBe('/tmp # ');
    expect((await shell.run('pwd')).stdout).toBe('/tmp\n');
    c.dispose();
  });

  it('reset empties the projection, then shows the new engine', async () => {
    const c = await workerClient();
    await c.create(deployment('web', 0));
    const deleted: string[] = [];
    c.subscribe((b) => b.forEach((ch) => ch.type === 'delete' && deleted.push(ch.key)));
    c.reset(2);
    expect(c.cached().size).toBe(0);
    expect(deleted).toContain('Deployment/default/web');
    await c.ready;
    expect(c.cached().has('Deployment/default/web')).toBe(false);
    expect(c.cached().has('Node//worker-1')).toBe(true);
    c.dispose();
  });
  it('a step still in flight when the cluster resets leaves nothing of the old cluster behind', async () => {
    const c = await workerClient();
    await c.create(deployment('old', 5));
    const step = c.advance(30_000); // answered after reset() below has cleared the projection
    c.reset(2);
    await step;
    await c.ready;
    expect([...c.cached().keys()].filter((k) => k.includes('old'))).toEqual([]);
    const fresh = await workerClient({ seed: 2 });
    expect(contents(c.cached())).toEqual(contents(fresh.cached()));
    c.dispose();
    fresh.dispose();
  });
});

describe('starting the engine client', () => {
  it('falls back to the engine on the page when the worker cannot load (e.g. refused by a CSP)', async () => {
    class RefusedWorker {
      addEventListener(type: string, cb: (e: { message: string }) => void) {
        if (type === 'error') setTimeout(() => cb({ message: 'Refused to load the script' }), 0);
      }
      postMessage() {}
      terminate() {}
    }
    vi.stubGlobal('Worker', RefusedWorker);
    const c = await startEngineClient({ autoplay: false });
    await c.create(deployment('web', 1));
    expect(c.cached().has('Deployment/default/web')).toBe(true);
    c.dispose();
  });

  it('a port that fails mid-way rejects every pending call with its reason instead of hanging', async () => {
    let fail: (m: string) => void = () => {};
    const silent: SimPort = { post: (_req: SimRequest) => {}, onMessage: (_cb: (r: SimResponse) => void) => {}, onFailure: (cb) => (fail = cb), close: () => {} };
    const c = new WorkerSimClient(silent, { autoplay: false });
    const pending = c.get('Pod', 'x');
    fail('워커가 멈췄습니다');
    await expect(pending).rejects.toThrow('워커가 멈췄습니다');
    await expect(c.ready).rejects.toThrow('워커가 멈췄습니다');
    expect(c.unreachable()).toBe(true);
  });
});
