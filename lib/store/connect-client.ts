/**
 * Feed a ClusterClient into a Playground store, batching every change that arrives within one
 * animation frame into a single store update (one React render per frame, however busy the engine).
 */
import type { ClusterChange, ClusterClient } from '../cluster/types';
import { snapshotChanges } from './cluster-slice';
import type { PlaygroundStore } from './playground-store';

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

/**
 * Most changes applied in one frame. Each applied batch has a fixed cost (every tile re-checks its
 * selector), so ordinary bursts go in whole — measured faster than slicing them; only an extreme one
 * (a reset of a huge cluster) is spread over frames, the picture trailing by a frame or two.
 */
export const MAX_CHANGES_PER_FRAME = 5000;

/** Load the client's current objects, then apply its changes once per frame. Returns a disconnect function. */
export function connectStoreToClient(
  store: PlaygroundStore,
  client: ClusterClient,
  schedule: FrameScheduler = animationFrameScheduler,
  maxPerFrame = MAX_CHANGES_PER_FRAME,
): () => void {
  store.getState().clearCluster(client.time?.now() ?? Date.now());
  store.getState().applyBatch(snapshotChanges(client.cached()));
  let queue: ClusterChange[] = [];
  let cancel: (() => void) | null = null;
  const flush = () => {
    cancel = null;
    // Changes stay in arrival order; the rest waits for the next frame.
    const batch = queue.length > maxPerFrame ? queue.splice(0, maxPerFrame) : queue;
    if (batch === queue) queue = [];
    else cancel = schedule(flush);
    store.getState().applyBatch(batch);
  };
  const unsubscribe = client.subscribe((changes) => {
    for (const c of changes) queue.push(c);
    if (cancel === null) cancel = schedule(flush);
  });
  return () => {
    unsubscribe();
    cancel?.();
    cancel = null;
    queue = [];
  };
}
