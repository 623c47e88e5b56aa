/**
 * Canvas repaints waiting for the next animation frame, shared by every tile canvas of the page. A frame runs
 * waiting paints until `budgetMs` has gone by, and the rest wait for the following frame, so a rollout that changes
 * pods on fifty canvases at once costs a few frames of a few milliseconds each instead of one long task (issue 16:
 * no main-thread task over 50 ms). Each paint runs at least once per frame it is due in, and a paint asked for again
 * while it waits keeps its place, so none waits forever. A paint that ran less than `minGapMs` ago waits for a later
 * frame: in a rollout a canvas then repaints a few times a second with all the changes since, instead of on every
 * commit (each repaint of a canvas copies its bitmap and hands it to the compositor again). O(waiting paints) per frame.
 */
export interface PaintQueueOptions {
  requestFrame: (cb: () => void) => unknown;
  now: () => number;
  /** Milliseconds of painting per frame (a frame is 16.7 ms; the rest is React, layout and the compositor). */
  budgetMs: number;
  /** Least time between two runs of one paint (0: every frame it is due in). */
  minGapMs?: number;
}

export interface PaintQueue {
  /** Run `paint` in a coming animation frame, once however often it is asked for before then. */
  schedule(paint: () => void): void;
  /** Forget a waiting paint (its canvas is going away or being reconfigured). */
  cancel(paint: () => void): void;
  /** Run `paint` again in a coming frame without waiting `minGapMs` (it stopped part-way and has more to do). */
  resume(paint: () => void): void;
}

export function createPaintQueue({ requestFrame, now, budgetMs, minGapMs = 0 }: PaintQueueOptions): PaintQueue {
  // A Set iterates in insertion order: what has waited longest runs first.
  const waiting = new Set<() => void>();
  /** When each paint last ran (weak: a grid's paint function goes when its canvas does). */
  const lastRun = new WeakMap<() => void, number>();
  let frameAsked = false;
  const runFrame = () => {
    frameAsked = false;
    const start = now();
    let ran = 0;
    // Paints asked for while these run (none today) wait for the next frame.
    for (const job of [...waiting]) {
      if (ran > 0 && now() - start >= budgetMs) break;
      const last = lastRun.get(job);
      if (last !== undefined && start - last < minGapMs) continue;
      waiting.delete(job);
      job();
      lastRun.set(job, now());
      ran++;
    }
    if (waiting.size > 0) ask();
  };
  const ask = () => {
    if (frameAsked) return;
    frameAsked = true;
    requestFrame(runFrame);
  };
  return {
    schedule(paint) {
      waiting.add(paint);
      ask();
    },
    cancel(paint) {
      waiting.delete(paint);
    },
    resume(paint) {
      lastRun.delete(paint);
      waiting.add(paint);
      ask();
    },
  };
}

/** Painting's share of a frame: about a third, so a frame with a React commit still fits in two. */
export const PAINT_BUDGET_MS = 6;
/**
 * One canvas repaints at most five times a second: a 5,000-pod rollout changes every box's pods on nearly every
 * commit, and tiles that catch up 200 ms later read the same, at a fraction of the canvas copies. A quiet canvas (a
 * click's selection ring) has not painted for longer than this and repaints in the next frame as before.
 */
export const PAINT_MIN_GAP_MS = 200;
