/**
 * Canvas repaints waiting for the next animation frame, shared by every tile canvas of the page. A frame runs
 * waiting paints until `budgetMs` has gone by, and the rest wait for the following frame, so a rollout that changes
 * pods on fifty canvases at once costs a few frames of a few milliseconds each instead of one long task (issue 16:
 * no main-thread task over 50 ms). Each paint runs at least once per frame it is due in, and a paint asked for again
 * while it waits keeps its place, so none waits forever. O(waiting paints) per frame.
 */
export interface PaintQueueOptions {
  requestFrame: (cb: () => void) => unknown;
  now: () => number;
  /** Milliseconds of painting per frame (a frame is 16.7 ms; the rest is React, layout and the compositor). */
  budgetMs: number;
}

export interface PaintQueue {
  /** Run `paint` in a coming animation frame, once however often it is asked for before then. */
  schedule(paint: () => void): void;
  /** Forget a waiting paint (its canvas is going away or being reconfigured). */
  cancel(paint: () => void): void;
}

export function createPaintQueue({ requestFrame, now, budgetMs }: PaintQueueOptions): PaintQueue {
  // A Set iterates in insertion order: what has waited longest runs first.
  const waiting = new Set<() => void>();
  let frameAsked = false;
  const runFrame = () => {
    frameAsked = false;
    const start = now();
    let ran = 0;
    // Paints asked for while these run (none today) wait for the next frame.
    for (const job of [...waiting]) {
      if (ran > 0 && now() - start >= budgetMs) break;
      waiting.delete(job);
      job();
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
  };
}

/** Painting's share of a frame: about a third, so a frame with a React commit still fits in two. */
export const PAINT_BUDGET_MS = 6;
