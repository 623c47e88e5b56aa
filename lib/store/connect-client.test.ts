import { describe, expect, it } from 'vitest';
import type { ClusterChange, ClusterClient } from '../cluster/types';
import type { KubeObject, V1Pod } from '../k8s/types';
import { makeNode, makePod } from '../graph/test-fixtures';
import { ARRIVING_EVERY_MS, BUSY_COMMIT_CHANGES, COMMIT_BUDGET_MS, connectStoreToClient, FIRST_COMMIT_CHANGES, LOAD_AT_ONCE, LOAD_COMMIT_CHANGES, MAX_COMMIT_CHANGES, MAX_COMMIT_GAP_MS, type FrameScheduler } from './connect-client';
import { createPlaygroundStore, type PlaygroundState } from './playground-store';
import { podViewOf, projectAhead } from './projection-memo';

const up = (kind: ClusterChange['kind'], key: string, object: KubeObject): ClusterChange => ({ type: 'upsert', kind, key, object });
const podUp = (name: string, node: string | null) => up('Pod', `Pod/default/${name}`, makePod({ name, node }));

/** A client whose changes the test emits by hand, and schedulers that only queue (the test runs them). */
function harness(cached = new Map<string, KubeObject>()) {
  let emit: (c: ClusterChange[]) => void = () => {};
  const client: Pick<ClusterClient, 'cached' | 'subscribe'> = { cached: () => cached, subscribe: (cb) => ((emit = cb), () => {}) };
  const frames: (() => void)[] = [];
  const tasks: (() => void)[] = [];
  const frame: FrameScheduler = (cb) => (frames.push(cb), () => {});
  const nextTask: FrameScheduler = (cb) => (tasks.push(cb), () => {});
  return { client, frames, tasks, frame, nextTask, emit: (c: ClusterChange[]) => emit(c) };
}

describe('connectStoreToClient', () => {
  it('loads the snapshot, then applies all changes of one frame in a single update', () => {
    const h = harness(new Map<string, KubeObject>([['Node//worker-1', makeNode('worker-1')]]));
    const store = createPlaygroundStore();
    let updates = 0;
    store.subscribe(() => updates++);
    connectStoreToClient(store, h.client, { frame: h.frame, nextTask: h.nextTask });
    expect(store.getState().nodeNames).toEqual(['worker-1']);
    updates = 0;
    h.emit([podUp('a', 'worker-1')]);
    h.emit([podUp('b', 'worker-1'), podUp('c', null)]);
    expect(h.frames).toHaveLength(1);
    expect(updates).toBe(0);
    while (h.tasks.length) h.tasks.shift()!();
    h.frames.shift()!();
    expect(updates).toBe(1);
    expect(store.getState().groups.podIdsByNode['worker-1']).toHaveLength(2);
    expect(store.getState().groups.pendingPodIds).toEqual(['Pod/default/c']);
  });

  it('projects in slices bounded by time and commits only the projected prefix, in order', () => {
    const h = harness();
    let clock = 0;
    // Every look at the clock costs 1 ms; a 1 ms slice ends at the first look (after 16 changes).
    const store = createPlaygroundStore();
    connectStoreToClient(store, h.client, { frame: h.frame, nextTask: h.nextTask, sliceMs: 1, now: () => clock++ });
    const pods = Array.from({ length: 40 }, (_, i) => podUp(`p${String(i).padStart(2, '0')}`, 'w'));
    h.emit([up('Node', 'Node//w', makeNode('w')), ...pods]);
    h.tasks.shift()!();
    expect(h.tasks).toHaveLength(1); // not done: it gave the thread back
    h.frames.shift()!();
    // The node and the first 15 pods are in; the rest waits for the next frame, still in arrival order.
    expect(store.getState().groups.podIdsByNode['w']).toEqual(pods.slice(0, 15).map((c) => c.key));
    expect(h.frames).toHaveLength(1);
    while (h.tasks.length) h.tasks.shift()!();
    h.frames.shift()!();
    expect(store.getState().groups.podIdsByNode['w']).toEqual(pods.map((c) => c.key));
    expect(h.frames).toHaveLength(0);
  });

  it('a frame that finds nothing projected yet projects a slice itself, so changes never stall', () => {
    const h = harness(new Map<string, KubeObject>([['Node//w', makeNode('w')]]));
    const store = createPlaygroundStore();
    connectStoreToClient(store, h.client, { frame: h.frame, nextTask: h.nextTask });
    h.emit([podUp('a', 'w')]);
    h.frames.shift()!();
    expect(store.getState().groups.podIdsByNode['w']).toEqual(['Pod/default/a']);
  });

  it('after a costly commit, the next waits COMMIT_SPACING times its cost, skipping frames, then takes everything', async () => {
    const h = harness(new Map<string, KubeObject>([['Node//w', makeNode('w')]]));
    let clock = 0;
    const store = createPlaygroundStore();
    // The store update is what costs: 10 ms of (fake) time per commit.
    store.subscribe(() => (clock += 10));
    connectStoreToClient(store, h.client, { frame: h.frame, nextTask: h.nextTask, now: () => clock });
    h.emit([podUp('a', 'w')]);
    h.frames.shift()!();
    await Promise.resolve();
    h.emit([podUp('b', 'w')]);
    h.emit([podUp('c', 'w')]);
    // Frames 5 ms apart: 20 ms must pass after a 10 ms commit, so three frames go by without one.
    for (let i = 0; i < 3; i++) {
      clock += 5;
      h.frames.shift()!();
      expect(store.getState().groups.podIdsByNode['w']).toEqual(['Pod/default/a']);
    }
    clock += 5;
    h.frames.shift()!();
    expect(store.getState().groups.podIdsByNode['w']).toEqual(['Pod/default/a', 'Pod/default/b', 'Pod/default/c']);
  });

  it('however costly the last commit, the next waits at most MAX_COMMIT_GAP_MS', async () => {
    const h = harness(new Map<string, KubeObject>([['Node//w', makeNode('w')]]));
    let clock = 0;
    const store = createPlaygroundStore();
    store.subscribe(() => (clock += 1000));
    connectStoreToClient(store, h.client, { frame: h.frame, nextTask: h.nextTask, now: () => clock });
    h.emit([podUp('a', 'w')]);
    h.frames.shift()!();
    await Promise.resolve();
    h.emit([podUp('b', 'w')]);
    clock += MAX_COMMIT_GAP_MS - 1;
    h.frames.shift()!();
    expect(store.getState().groups.podIdsByNode['w']).toEqual(['Pod/default/a']);
    clock += 1;
    h.frames.shift()!();
    expect(store.getState().groups.podIdsByNode['w']).toEqual(['Pod/default/a', 'Pod/default/b']);
  });
});

describe('connectStoreToClient: a burst in bounded updates', () => {
  /** `count` pods on node w, named so that their keys sort in arrival order. */
  const burst = (count: number) => Array.from({ length: count }, (_, i) => podUp(`p${String(i).padStart(5, '0')}`, 'w'));

  /** A store connected on a fake clock that moves only when a test says (`clock.ms`); `drain` runs every slice, then every frame, 16 ms apart. */
  function clocked() {
    const h = harness(new Map<string, KubeObject>([['Node//w', makeNode('w')]]));
    const store = createPlaygroundStore();
    const clock = { ms: 0 };
    connectStoreToClient(store, h.client, { frame: h.frame, nextTask: h.nextTask, now: () => clock.ms });
    const drain = async () => {
      while (h.tasks.length) h.tasks.shift()!();
      while (h.frames.length) {
        clock.ms += 16;
        h.frames.shift()!();
        await Promise.resolve();
      }
    };
    return { h, store, clock, drain };
  }
  const added = (s: PlaygroundState, prev: PlaygroundState) => s.groups.podIdsByNode['w'].length - (prev.groups.podIdsByNode['w']?.length ?? 0);

  it('a burst bigger than one update goes in over several frames, at most FIRST_COMMIT_CHANGES first, in arrival order', async () => {
    // no time passes in an update: every one is well inside its budget, so each full one lets the next take twice as many
    const { h, store, drain } = clocked();
    const sizes: number[] = [];
    store.subscribe((s, prev) => sizes.push(added(s, prev)));
    const pods = burst(FIRST_COMMIT_CHANGES * 3 + 7);
    h.emit(pods);
    await drain();
    expect(sizes).toEqual([FIRST_COMMIT_CHANGES, 2 * FIRST_COMMIT_CHANGES, 7]);
    expect(store.getState().groups.podIdsByNode['w']).toEqual(pods.map((c) => c.key));
  });

  it('an update over COMMIT_BUDGET_MS makes the next ones smaller by as much', async () => {
    const { h, store, clock, drain } = clocked();
    const sizes: number[] = [];
    const at: number[] = [];
    store.subscribe((s, prev) => {
      sizes.push(added(s, prev));
      at.push(clock.ms);
      clock.ms += 2 * COMMIT_BUDGET_MS;
    });
    h.emit(burst(FIRST_COMMIT_CHANGES + FIRST_COMMIT_CHANGES / 2 + 1));
    await drain();
    expect(sizes).toEqual([FIRST_COMMIT_CHANGES, FIRST_COMMIT_CHANGES / 2, 1]);
    expect(at[1] - at[0]).toBeGreaterThanOrEqual(MAX_COMMIT_GAP_MS);
  });

  it('a page falling behind (more than MAX_COMMIT_CHANGES waiting) commits again without the busy wait', async () => {
    const { h, store, clock, drain } = clocked();
    const at: number[] = [];
    store.subscribe(() => at.push(clock.ms));
    h.emit(burst(FIRST_COMMIT_CHANGES + MAX_COMMIT_CHANGES + 1));
    await drain();
    // MAX_COMMIT_CHANGES + 1 left after the first commit: the next frame; one left after the second: the busy wait
    expect(at[1] - at[0]).toBe(16);
    expect(at[2] - at[1]).toBeGreaterThanOrEqual(MAX_COMMIT_GAP_MS);
    expect(store.getState().groups.podIdsByNode['w']).toHaveLength(FIRST_COMMIT_CHANGES + MAX_COMMIT_CHANGES + 1);
  });

  it('after a busy commit (BUSY_COMMIT_CHANGES or more), the next waits MAX_COMMIT_GAP_MS however cheap it was', async () => {
    const { h, store, clock } = clocked();
    h.emit(burst(BUSY_COMMIT_CHANGES));
    h.frames.shift()!();
    await Promise.resolve();
    h.emit([podUp('late', 'w')]);
    const committed = () => store.getState().groups.podIdsByNode['w'].length;
    for (clock.ms = 16; clock.ms < MAX_COMMIT_GAP_MS; clock.ms += 16) {
      h.frames.shift()!();
      expect(committed()).toBe(BUSY_COMMIT_CHANGES);
    }
    h.frames.shift()!();
    expect(committed()).toBe(BUSY_COMMIT_CHANGES + 1);
  });

  it('a student-sized change (a few pods) is one update in the next frame, as before', () => {
    const { h, store } = clocked();
    let updates = 0;
    store.subscribe(() => updates++);
    h.emit(burst(10));
    h.frames.shift()!();
    expect(updates).toBe(1);
    expect(store.getState().groups.podIdsByNode['w']).toHaveLength(10);
    expect(h.frames).toHaveLength(0);
  });
});

describe('connecting to a client that already holds a big cluster', () => {
  /** A cached snapshot as a live client holds it: Events and pods first, the nodes last (server order). */
  function bigSnapshot(pods: number, events: number) {
    const cached = new Map<string, KubeObject>();
    for (let i = 0; i < events; i++) cached.set(`Event/default/e${i}`, { apiVersion: 'v1', kind: 'Event', metadata: { name: `e${i}`, namespace: 'default' } } as KubeObject);
    for (let i = 0; i < pods; i++) cached.set(`Pod/default/p${i}`, makePod({ name: `p${i}`, node: `w${i % 4}` }));
    for (let n = 0; n < 4; n++) cached.set(`Node//w${n}`, makeNode(`w${n}`));
    return cached;
  }

  it(`over LOAD_AT_ONCE objects: loads them LOAD_COMMIT_CHANGES a frame, nodes first, with its progress in the store, then clears it`, () => {
    const cached = bigSnapshot(LOAD_AT_ONCE, 500);
    const total = cached.size;
    const h = harness(cached);
    let clock = 0;
    const store = createPlaygroundStore();
    connectStoreToClient(store, h.client, { frame: h.frame, nextTask: h.nextTask, now: () => clock });
    // nothing folded in yet: the page shows 0 of all
    expect(store.getState().loading).toEqual({ done: 0, total });
    expect(Object.keys(store.getState().pods)).toHaveLength(0);
    const seen: { done: number; nodes: number }[] = [];
    let frames = 0;
    while (h.frames.length) {
      while (h.tasks.length) h.tasks.shift()!();
      h.frames.shift()!();
      frames++;
      clock += 16;
      const s = store.getState();
      if (s.loading) seen.push({ done: s.loading.done, nodes: s.nodeNames.length });
    }
    // the first commit already has every node (the graph's boxes), and each commit is bounded
    expect(seen[0]).toEqual({ done: LOAD_COMMIT_CHANGES, nodes: 4 });
    expect(seen.every((p, i) => i === 0 || p.done > seen[i - 1].done)).toBe(true);
    expect(frames).toBeGreaterThan(total / MAX_COMMIT_CHANGES);
    // one frame after another, not spaced like a busy stream's commits (MAX_COMMIT_GAP_MS)
    expect(frames).toBe(seen.length + 1);
    expect(store.getState().loading).toBeNull();
    expect(Object.keys(store.getState().pods)).toHaveLength(LOAD_AT_ONCE);
    expect(store.getState().groups.podIdsByNode['w0']).toHaveLength(LOAD_AT_ONCE / 4);
  });

  it('up to LOAD_AT_ONCE objects: one update at connect, as before, and no progress', () => {
    const cached = bigSnapshot(LOAD_AT_ONCE - 4, 0);
    expect(cached.size).toBe(LOAD_AT_ONCE);
    const h = harness(cached);
    const store = createPlaygroundStore();
    connectStoreToClient(store, h.client, { frame: h.frame, nextTask: h.nextTask });
    expect(store.getState().loading).toBeNull();
    expect(Object.keys(store.getState().pods)).toHaveLength(LOAD_AT_ONCE - 4);
    expect(h.frames).toHaveLength(0);
  });

  it('changes arriving while it loads come after the snapshot, and disconnecting midway clears the progress', () => {
    const h = harness(bigSnapshot(LOAD_AT_ONCE + 100, 0));
    const store = createPlaygroundStore();
    const disconnect = connectStoreToClient(store, h.client, { frame: h.frame, nextTask: h.nextTask });
    // p0 is deleted while the snapshot is still coming in
    h.emit([{ type: 'delete', kind: 'Pod', key: 'Pod/default/p0', object: makePod({ name: 'p0', node: 'w0' }) }]);
    while (h.frames.length) {
      while (h.tasks.length) h.tasks.shift()!();
      h.frames.shift()!();
    }
    expect(store.getState().pods['Pod/default/p0']).toBeUndefined();
    expect(Object.keys(store.getState().pods)).toHaveLength(LOAD_AT_ONCE + 99);
    disconnect();

    const h2 = harness(bigSnapshot(LOAD_AT_ONCE + 100, 0));
    const store2 = createPlaygroundStore();
    const disconnect2 = connectStoreToClient(store2, h2.client, { frame: h2.frame, nextTask: h2.nextTask });
    // no projection slice has run: a loading commit projects what it takes itself
    h2.frames.shift()!();
    expect(store2.getState().loading?.done).toBe(LOAD_COMMIT_CHANGES);
    disconnect2();
    expect(store2.getState().loading).toBeNull();
  });
});

describe('projection memo', () => {
  it('a pod projected ahead is the very view the store folds in (projected once per object)', () => {
    const change = podUp('a', 'w');
    projectAhead(change);
    const ahead = podViewOf(change.key, change.object as V1Pod);
    const store = createPlaygroundStore();
    store.getState().applyBatch([up('Node', 'Node//w', makeNode('w')), change]);
    expect(store.getState().pods[change.key]).toBe(ahead);
    // A new object (the next write) gets its own view.
    const next = makePod({ name: 'a', node: 'w' });
    expect(podViewOf(change.key, next)).not.toBe(ahead);
    expect(podViewOf(change.key, next)).toEqual(ahead);
  });
});

describe('connectStoreToClient: pacing a playing engine (ClusterClient.paceTo)', () => {
  it("tells the clock the page took in its changes only once the last of them is committed, and lets go on disconnect", async () => {
    const h = harness(new Map<string, KubeObject>([['Node//w', makeNode('w')]]));
    let taken: (() => Promise<void>) | null = null;
    let unpaced = 0;
    const client = { ...h.client, paceTo: (t: () => Promise<void>) => ((taken = t), () => void unpaced++) };
    const store = createPlaygroundStore();
    const clock = { ms: 0 };
    const disconnect = connectStoreToClient(store, client, { frame: h.frame, nextTask: h.nextTask, now: () => clock.ms });
    let commits = 0;
    store.subscribe(() => commits++);
    // nothing waiting: the clock goes on at once
    let done = false;
    await taken!().then(() => (done = true));
    expect(done).toBe(true);
    // a burst of three commits' worth: taken in after the third commit, not before
    const pods = Array.from({ length: FIRST_COMMIT_CHANGES * 3 + 7 }, (_, i) => podUp(`p${String(i).padStart(5, '0')}`, 'w'));
    h.emit(pods);
    done = false;
    void taken!().then(() => (done = true));
    while (h.tasks.length) h.tasks.shift()!();
    while (h.frames.length) {
      clock.ms += 16;
      h.frames.shift()!();
      await Promise.resolve();
      await Promise.resolve();
      if (h.frames.length > 0) expect(done).toBe(false);
    }
    expect(commits).toBe(3);
    expect(done).toBe(true);
    expect(store.getState().groups.podIdsByNode['w']).toHaveLength(pods.length);
    // a wait open when the store disconnects ends (the clock is not left waiting), and the pacing is removed
    h.emit([podUp('late', 'w')]);
    done = false;
    void taken!().then(() => (done = true));
    disconnect();
    await Promise.resolve();
    expect(done).toBe(true);
    expect(unpaced).toBe(1);
  });
});

describe('connectStoreToClient: a live snapshot still arriving (ClusterClient.onSnapshotProgress)', () => {
  function following() {
    const h = harness(new Map<string, KubeObject>([['Node//w', makeNode('w')]]));
    let report: (p: { done: number; total: number } | null) => void = () => {};
    let unfollowed = 0;
    const client = { ...h.client, onSnapshotProgress: (cb: typeof report) => ((report = cb), () => void unfollowed++) };
    const clock = { ms: 0 };
    const store = createPlaygroundStore();
    const disconnect = connectStoreToClient(store, client, { frame: h.frame, nextTask: h.nextTask, now: () => clock.ms });
    const drain = () => {
      while (h.tasks.length) h.tasks.shift()!();
      while (h.frames.length) h.frames.shift()!();
    };
    return { h, store, clock, report: (p: { done: number; total: number } | null) => report(p), drain, disconnect, unfollowed: () => unfollowed };
  }

  it('shows how far it is, at most once per ARRIVING_EVERY_MS (the first report at once)', () => {
    const f = following();
    expect(f.store.getState().arriving).toBeNull();
    f.report({ done: 400, total: 4_000 });
    expect(f.store.getState().arriving).toEqual({ done: 400, total: 4_000 });
    f.clock.ms += ARRIVING_EVERY_MS - 1;
    f.report({ done: 800, total: 4_000 });
    expect(f.store.getState().arriving).toEqual({ done: 400, total: 4_000 });
    f.clock.ms += 1;
    f.report({ done: 1_200, total: 4_000 });
    expect(f.store.getState().arriving).toEqual({ done: 1_200, total: 4_000 });
  });

  it('ends only once what the snapshot brought is in the store, so the views lay out the whole cluster', () => {
    const f = following();
    f.report({ done: 400, total: 401 });
    // the last part's pod is still waiting for its frame when the snapshot says it is complete
    f.h.emit([podUp('last', 'w')]);
    f.report(null);
    expect(f.store.getState().arriving).not.toBeNull();
    expect(f.store.getState().pods['Pod/default/last']).toBeUndefined();
    f.drain();
    expect(f.store.getState().pods['Pod/default/last']).toBeDefined();
    expect(f.store.getState().arriving).toBeNull();
  });

  it('with nothing waiting, the end shows at once; a new snapshot (a reconnect) shows again without waiting', () => {
    const f = following();
    f.report({ done: 400, total: 800 });
    f.report(null);
    expect(f.store.getState().arriving).toBeNull();
    f.report({ done: 400, total: 800 });
    expect(f.store.getState().arriving).toEqual({ done: 400, total: 800 });
  });

  it('disconnecting stops following and clears the note', () => {
    const f = following();
    f.report({ done: 400, total: 800 });
    f.disconnect();
    expect(f.unfollowed()).toBe(1);
    expect(f.store.getState().arriving).toBeNull();
  });
});
