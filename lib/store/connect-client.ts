/**
 * Feed a ClusterClient into a Playground store. Changes are projected ahead in short slices between other work
 * (yielding to the event loop after PROJECT_SLICE_MS), and in animation frames the changes projected so far are
 * committed, in arrival order, in store updates of at most what fits COMMIT_BUDGET_MS (commit-size.ts): a burst of
 * thousands of changes (a 5,000-pod rollout's first step) goes in over several frames instead of one long task.
 * Each change is one whole object, so every update leaves the store consistent (no half-applied pod).
 */
import type { ClusterChange, ClusterClient } from '../cluster/types';
import { snapshotChanges } from './cluster-slice';
import type { PlaygroundStore } from './playground-store';
import { projectAhead } from './projection-memo';
import { CommitSize } from './commit-size';

/** Runs `cb` once, soon; returns a cancel function. */
export type FrameScheduler = (cb: () => void) => () => void;

/**
 * requestAnimationFrame, with a timer as a backstop: rAF stops in background tabs, and the
 * simulator keeps producing changes there, so the queue must still drain.
 */
export const animationFrameScheduler: FrameScheduler = (cb) => {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    cb();
  };
  const raf = typeof requestAnimationFrame === 'function' ? requestAnimationFrame(run) : null;
  const timer = setTimeout(run, raf === null ? 16 : 250);
  return () => {
    done = true;
    if (raf !== null) cancelAnimationFrame(raf);
    clearTimeout(timer);
  };
};

/** The Prioritized Task Scheduling API (Chromium, Firefox), where the browser has it. */
interface PostTaskScheduler {
  postTask(cb: () => void, opts: { priority: 'background'; signal: AbortSignal }): Promise<unknown>;
}

/**
 * A new task when the page has nothing more urgent: `scheduler.postTask` at background priority, so rendering and
 * input go first (a stream of equal-priority tasks would push every frame back); elsewhere a MessageChannel message,
 * not setTimeout(0), which browsers clamp to 4 ms when nested.
 */
export const nextTaskScheduler: FrameScheduler = (cb) => {
  const scheduler = (globalThis as { scheduler?: Partial<PostTaskScheduler> }).scheduler;
  if (typeof scheduler?.postTask === 'function') {
    const abort = new AbortController();
    scheduler.postTask(cb, { priority: 'background', signal: abort.signal }).catch(() => {});
    return () => abort.abort();
  }
  if (typeof MessageChannel === 'undefined') {
    const t = setTimeout(cb, 0);
    return () => clearTimeout(t);
  }
  const channel = new MessageChannel();
  let live = true;
  channel.port1.onmessage = () => {
    channel.port1.close();
    if (live) cb();
  };
  channel.port2.postMessage(null);
  return () => {
    live = false;
    channel.port1.close();
  };
};

/** Longest stretch of projecting ahead before giving the main thread back (a frame is 16.7 ms). */
export const PROJECT_SLICE_MS = 4;
/**
 * After a commit that took d ms, the next one waits until COMMIT_SPACING × d ms have passed (skipping frames), so
 * committing — store update, React render, canvas repaint — takes at most 1 / (1 + COMMIT_SPACING) of the main
 * thread. A student's cluster commits in well under a millisecond and so still every frame; a 5,000-pod rollout
 * commits every other frame or so, each commit carrying more changes for the same fixed costs, up to what fits
 * COMMIT_BUDGET_MS.
 */
export const COMMIT_SPACING = 2;
/**
 * Longest wait between commits (ms), whatever the last one cost: on a starved CPU every commit looks slow, and
 * waiting ever longer would only make the next batch, and so the next commit, bigger still.
 */
export const MAX_COMMIT_GAP_MS = 100;
/**
 * A commit of at least this many changes means a busy stream (a big rollout): unless more than MAX_COMMIT_CHANGES are
 * already waiting (the page is falling behind), the next one waits MAX_COMMIT_GAP_MS whatever this one cost. Each
 * commit that changes the page costs the frame it lands in the browser's style, layout, paint and compositing of every
 * box it touched, so bounded commits made two to three times as often cost more in all than the big ones had
 * (bench:graph, 5,000 pods). Ten a second is as often as a canvas repaints its tiles anyway
 * (components/graph/paint-queue.ts); a student's few changes still commit in the next frame.
 */
export const BUSY_COMMIT_CHANGES = 200;
/**
 * Main-thread ms a commit aims at (store update, React render and commit): with the tiles' painting and the
 * browser's rendering it leaves a frame's task well under the 50 ms of a long task (issue 16).
 */
export const COMMIT_BUDGET_MS = 8;
/**
 * Fewest and most changes one commit takes, and how many before any commit has been timed (commit-size.ts). The
 * fewest is not small: on a busy machine every commit looks slow, and commits of a few changes each only add commits.
 */
const MIN_COMMIT_CHANGES = 500;
export const MAX_COMMIT_CHANGES = 2000;
export const FIRST_COMMIT_CHANGES = 1000;
/** How many changes are projected between two looks at the clock. */
const CHECK_EVERY = 16;
/**
 * A client holding more objects than this when it is connected (a live cluster of thousands of pods, whose snapshot
 * the page waits for; a bench cluster) loads them in commits like a burst's, in consecutive frames, with
 * `loading` in the store so the graph waits and shows how far it is. At once, the store's fold of a 20,000-pod
 * snapshot held the main thread ~210 ms (bench:live-scale, Chromium trace), and the graph then rendered in full.
 */
export const LOAD_AT_ONCE = 5_000;
/**
 * Changes one commit takes while loading, projected in the commit itself: nothing else on the page renders then, so a
 * frame's task may take longer than COMMIT_BUDGET_MS (~30 ms at 20,000 pods on the project's machine, under the 50 ms of
 * a long task) and the cluster is in after a dozen frames, not after a projection slice per frame.
 */
export const LOAD_COMMIT_CHANGES = MAX_COMMIT_CHANGES;

/**
 * Least time between two updates of a snapshot's progress while it arrives into a page already showing (one per part
 * re-rendered the note 2–3 times a frame); ten a second is as smooth to read. Its end is shown at once.
 */
export const ARRIVING_EVERY_MS = 100;

/** Kinds that come into a loading store before the rest: the nodes (the graph's boxes) and what owns pods. */
const LOAD_FIRST = new Set<string>(['Namespace', 'Node', 'Deployment', 'ReplicaSet', 'DaemonSet', 'Job', 'Service']);

/** `changes` with LOAD_FIRST kinds first, then Pods, then Events (the rest in between), each in its own order. */
function loadOrder(changes: ClusterChange[]): ClusterChange[] {
  const rank = (c: ClusterChange) => (LOAD_FIRST.has(c.kind) ? 0 : c.kind === 'Event' ? 3 : c.kind === 'Pod' ? 2 : 1);
  const buckets: ClusterChange[][] = [[], [], [], []];
  for (const c of changes) buckets[rank(c)].push(c);
  return buckets.flat();
}

export interface ConnectOptions {
  /** When to commit what is projected (default: the next animation frame). */
  frame?: FrameScheduler;
  /** When to continue projecting after a slice (default: the next task). */
  nextTask?: FrameScheduler;
  sliceMs?: number;
  now?: () => number;
}

/** Load the client's current objects, then apply its changes as above. Returns a disconnect function. */
export function connectStoreToClient(store: PlaygroundStore, client: Pick<ClusterClient, 'cached' | 'subscribe' | 'time' | 'paceTo' | 'onSnapshotProgress'>, opts: ConnectOptions = {}): () => void {
  const { frame = animationFrameScheduler, nextTask = nextTaskScheduler, sliceMs = PROJECT_SLICE_MS, now = () => performance.now() } = opts;
  store.getState().clearCluster(client.time?.now() ?? Date.now());
  const initial = snapshotChanges(client.cached());
  const loadAtOnce = initial.length <= LOAD_AT_ONCE;
  if (loadAtOnce) store.getState().applyBatch(initial);
  /** Changes waiting: queue[head, projected) is projected and ready to commit, in order; queue[projected…) is not yet. */
  let queue: ClusterChange[] = loadAtOnce ? [] : loadOrder(initial);
  let head = 0;
  let projected = 0;
  /** How many of the initial objects are still to commit (0 once loaded). */
  let loadLeft = queue.length;
  let cancelFrame: (() => void) | null = null;
  let cancelSlice: (() => void) | null = null;
  const size = new CommitSize({ budgetMs: COMMIT_BUDGET_MS, min: MIN_COMMIT_CHANGES, max: MAX_COMMIT_CHANGES, first: FIRST_COMMIT_CHANGES });
  // A snapshot arriving in parts into the page (live-client.ts): how far it is, at most every ARRIVING_EVERY_MS; its end
  // once the changes it brought are all in the store, so `arriving: null` means the whole cluster is there to lay out.
  let arrivedAll = false;
  let shownAt = -Infinity;
  const arrived = () => {
    arrivedAll = false;
    if (store.getState().arriving !== null) store.getState().setArriving(null);
  };

  /** Project queued changes for up to `sliceMs`; true when all are projected. */
  const projectSlice = (): boolean => {
    const start = now();
    let n = 0;
    while (projected < queue.length) {
      projectAhead(queue[projected++]);
      if (++n % CHECK_EVERY === 0 && now() - start >= sliceMs) break;
    }
    return projected === queue.length;
  };
  const slice = () => {
    cancelSlice = null;
    if (!projectSlice()) cancelSlice = nextTask(slice);
  };
  /** When the last commit ended and how long it took (its own clock: `now`). */
  let lastEnd = -Infinity;
  let lastCost = 0;
  let lastSize = 0;
  const commit = () => {
    cancelFrame = null;
    const behind = queue.length - head > MAX_COMMIT_CHANGES;
    // while loading nothing on the page follows each commit (the graph waits): one a frame
    const gap = loadLeft > 0 ? 0 : lastSize >= BUSY_COMMIT_CHANGES && !behind ? MAX_COMMIT_GAP_MS : Math.min(COMMIT_SPACING * lastCost, MAX_COMMIT_GAP_MS);
    if (now() - lastEnd < gap) {
      cancelFrame = frame(commit);
      return;
    }
    const start = now();
    const loadingNow = loadLeft > 0;
    if (loadingNow) {
      const until = Math.min(queue.length, head + LOAD_COMMIT_CHANGES);
      while (projected < until) projectAhead(queue[projected++]);
    }
    // A frame that finds nothing projected yet (slices starved) projects one slice itself, so changes always flow.
    else if (projected === head) projectSlice();
    const end = Math.min(projected, head + (loadingNow ? LOAD_COMMIT_CHANGES : size.limit));
    const batch = head === 0 && end === queue.length ? queue : queue.slice(head, end);
    head = end;
    if (head === queue.length) {
      queue = [];
      head = projected = 0;
    } else if (head > 1024 && head * 2 > queue.length) {
      // drop what is committed once it is most of the array (amortised O(1) a change)
      queue = queue.slice(head);
      projected -= head;
      head = 0;
    }
    if (queue.length > 0) cancelFrame = frame(commit);
    store.getState().applyBatch(batch);
    if (queue.length === 0) {
      tookIn();
      if (arrivedAll) arrived();
    }
    if (loadLeft > 0) {
      loadLeft = Math.max(0, loadLeft - batch.length);
      store.getState().setLoading(loadLeft > 0 ? { done: initial.length - loadLeft, total: initial.length } : null);
    }
    // React renders a store update in a microtask queued during applyBatch; this one runs after it, so the cost
    // includes the render and its layout effects (the canvases' repaint), not only the store's own work.
    // (a loading commit is bigger by design: it teaches the commit size nothing)
    if (!loadingNow) queueMicrotask(() => {
      lastEnd = now();
      lastCost = lastEnd - start;
      lastSize = batch.length;
      size.observe(batch.length, lastCost);
    });
  };
  if (loadLeft > 0) {
    store.getState().setLoading({ done: 0, total: initial.length });
    cancelSlice = nextTask(slice);
    cancelFrame = frame(commit);
  }
  const unsubscribe = client.subscribe((changes) => {
    for (const c of changes) queue.push(c);
    cancelSlice ??= nextTask(slice);
    cancelFrame ??= frame(commit);
  });
  // A playing engine's next step waits until everything it sent is in the store (ClusterClient.paceTo). Resolved after
  // the commit's applyBatch, so after the React render it queued as a microtask.
  let waiting: (() => void)[] = [];
  const tookIn = () => {
    const resolve = waiting;
    waiting = [];
    for (const r of resolve) r();
  };
  // the snapshot's progress (its end waits for the queue above to drain)
  const unfollow = client.onSnapshotProgress?.((p) => {
    if (p === null) {
      arrivedAll = true;
      if (queue.length === 0) arrived();
      return;
    }
    arrivedAll = false;
    const t = now();
    if (store.getState().arriving !== null && t - shownAt < ARRIVING_EVERY_MS) return;
    shownAt = t;
    store.getState().setArriving({ done: p.done, total: p.total });
  });
  const unpace = client.paceTo?.(() => (queue.length === 0 ? Promise.resolve() : new Promise<void>((r) => waiting.push(r))));
  return () => {
    unfollow?.();
    unpace?.();
    tookIn();
    unsubscribe();
    cancelFrame?.();
    cancelSlice?.();
    cancelFrame = cancelSlice = null;
    queue = [];
    head = projected = 0;
    if (loadLeft > 0) store.getState().setLoading(null);
    loadLeft = 0;
    if (store.getState().arriving !== null) store.getState().setArriving(null);
  };
}
