'use client';

import { createContext, useContext, useEffect, useState } from 'react';
import { useStore, useStoreApi, type ReactFlowState } from '@xyflow/react';
import { MovingView } from './moving-view';

/** Below this zoom tile text is unreadable anyway; tiles drop it (much cheaper with thousands of pods). */
export const COMPACT_ZOOM = 0.5;

/** The zoom the graph is about to show, as one object for the graph's life (see ExpectedZoomContext). */
export interface ExpectedZoom {
  readonly current: number;
}

/**
 * The zoom the canvas is about to show. React Flow applies its initial viewport only after the first
 * render, so until its zoom pane exists, tiles go by this instead of rendering twice. The value is a holder taken when the
 * graph mounts, not a number that follows the layout: every tile grid reads it, and a new value re-rendered them all
 * each time the layout changed (a big rollout's boxes growing a row), when only a grid mounting before the pane exists
 * needs it.
 */
export const ExpectedZoomContext = createContext<ExpectedZoom>({ current: 1 });

/** A value derived from the current zoom; re-renders only when the derived value changes. Inside <ReactFlow>. */
export function useZoomDerived<T>(derive: (zoom: number) => T): T {
  const expected = useContext(ExpectedZoomContext);
  return useStore((s: ReactFlowState) => derive(s.panZoom ? s.transform[2] : expected.current));
}

/** How long the zoom must stay put before drawings follow it: longer than the gap between wheel ticks. */
export const ZOOM_SETTLE_MS = 150;

type FlowStore = ReturnType<typeof useStoreApi>;

/** Puts `data-moving` on the graph's viewport element (graph.css makes it the one layer the gesture moves). */
function markViewport(flow: FlowStore, moving: boolean): void {
  flow.getState().domNode?.querySelector('.react-flow__viewport')?.toggleAttribute('data-moving', moving);
}

/**
 * How long the view must stand still before it stops being one layer: longer than the zoom settle, so a gesture whose
 * input events come late on a busy machine (a frame over 150 ms) does not add and drop the layer (each a repaint of
 * the whole graph) in the middle of it.
 */
const MOVING_QUIET_MS = 400;

const TIMERS = { setTimer: (run: () => void, ms: number) => setTimeout(run, ms), clearTimer: (t: unknown) => clearTimeout(t as ReturnType<typeof setTimeout>) };

/**
 * The pointer's last place over the graph. While the view moves nothing in it takes the pointer (graph.css), so a
 * pointer resting on a tile when a zoom ends had no hover and no tooltip until it moved again. `replay` sends the
 * element now under it a pointer move at that place (the tile grid then puts its hover stand-in there), and the
 * stand-in a pointerover (which the tooltip follows). O(1) per pointer move.
 */
class RestingPointer {
  private root: HTMLElement | null = null;
  private at: { x: number; y: number } | null = null;
  private readonly onMove = (e: PointerEvent) => {
    // only the user's moves: replay's own move, reaching here, made a new `at`, and its pointerover never went out
    if (!e.isTrusted) return;
    this.at = e.pointerType === 'mouse' && e.buttons === 0 ? { x: e.clientX, y: e.clientY } : null;
  };
  private readonly onLeave = () => {
    this.at = null;
  };

  watch(root: HTMLElement | null): void {
    this.root?.removeEventListener('pointermove', this.onMove);
    this.root?.removeEventListener('pointerleave', this.onLeave);
    this.root = root;
    this.at = null;
    root?.addEventListener('pointermove', this.onMove, { passive: true });
    root?.addEventListener('pointerleave', this.onLeave, { passive: true });
  }

  replay(): void {
    const at = this.at;
    const under = at ? document.elementFromPoint(at.x, at.y) : null;
    if (!at || !under || !this.root?.contains(under)) return;
    const init = { bubbles: true, composed: true, clientX: at.x, clientY: at.y, pointerType: 'mouse', isPrimary: true };
    under.dispatchEvent(new PointerEvent('pointermove', init));
    // What is under a pointer that stays put (a stand-in the move put there, or the keyboard's stand-in on the first
    // tile) gets no pointerover: once it is there (two frames: React renders it after the move), it is told the
    // pointer came over it, as a move onto it would.
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        if (this.at !== at) return;
        const now = document.elementFromPoint(at.x, at.y);
        if (now && this.root?.contains(now)) now.dispatchEvent(new PointerEvent('pointerover', init));
      }),
    );
  }
}

/**
 * One settle timer per graph, whatever the number of grids listening: the zoom as it was when the view
 * last stood still for ZOOM_SETTLE_MS. Listeners hear of it once per gesture, not once per frame.
 * Also marks the view as moving during any pan or zoom (moving-view.ts), for the graphs that draw tiles on canvases.
 */
class ZoomSettler {
  zoom: number;
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private unsubscribe: (() => void) | null = null;
  /** The zoom on screen when the store last changed, and the transform. */
  private seen: number;
  private seenTransform: ReactFlowState['transform'];
  private readonly moving: MovingView;

  constructor(private readonly flow: FlowStore, expected: number) {
    this.zoom = this.seen = this.live(expected);
    this.seenTransform = flow.getState().transform;
    this.moving = new MovingView(
      (on) => {
        markViewport(flow, on);
        if (!on) this.pointer.replay();
      },
      TIMERS,
      MOVING_QUIET_MS,
    );
  }

  /** Where the pointer rests over the graph, to hand it back to what is under it once the view stands still. */
  private readonly pointer = new RestingPointer();

  private live(fallback: number): number {
    const s = this.flow.getState();
    return s.panZoom ? s.transform[2] : fallback;
  }

  private restartTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.settle(), ZOOM_SETTLE_MS);
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    if (!this.unsubscribe) {
      this.pointer.watch(this.flow.getState().domNode);
      this.unsubscribe = this.flow.subscribe((s) => {
        if (s.transform !== this.seenTransform) {
          this.seenTransform = s.transform;
          if (s.panZoom) this.moving.moved();
        }
        const live = this.live(this.seen);
        if (live === this.seen) return; // a pan, or a change that is not the viewport's
        this.seen = live;
        this.restartTimer();
      });
      // the zoom may have moved while nobody listened
      this.seen = this.live(this.seen);
      if (this.seen !== this.zoom) this.restartTimer();
    }
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size > 0) return;
      this.unsubscribe?.();
      this.unsubscribe = null;
      this.pointer.watch(null);
      this.moving.dispose();
      if (this.timer) clearTimeout(this.timer);
      this.timer = null;
    };
  }

  /** The view has stood still: every listener hears the zoom (even one equal to the last: a grid mounted mid-gesture waits for this). */
  private settle(): void {
    this.timer = null;
    this.zoom = this.live(this.zoom);
    for (const l of [...this.listeners]) l();
  }
}
/**
 * Settlers by their graph's store, known by its `getState`: useStoreApi() hands each component a new wrapper object,
 * and keyed by that every grid had a settler, a store subscription and a settle timer of its own.
 */
const settlers = new WeakMap<FlowStore['getState'], ZoomSettler>();

/** The zoom drawings go by: `settled` false while it is the zoom on screen in the middle of a gesture. */
export interface DrawingZoom {
  zoom: number;
  settled: boolean;
}

/**
 * The zoom to draw at, following the view only once a gesture is over: while the wheel or a pinch runs, what
 * is drawn stays as it is and React Flow's CSS transform scales it (a frame is a composite, not a repaint);
 * then it is redrawn once, sharp, at the new zoom. A grid mounted mid-gesture starts from the zoom on screen
 * (`settled` false: a grid with nothing drawn yet draws at the size it is seen). `same` says which zoom
 * changes make no difference to the caller (no re-render for those). Inside <ReactFlow>.
 */
export function useDrawingZoom(same: (a: number, b: number) => boolean): DrawingZoom {
  const expected = useContext(ExpectedZoomContext);
  const flow = useStoreApi();
  const settler = settlers.get(flow.getState) ?? settlers.set(flow.getState, new ZoomSettler(flow, expected.current)).get(flow.getState)!;
  const [state, setState] = useState<DrawingZoom>(() => {
    const s = flow.getState();
    const zoom = s.panZoom ? s.transform[2] : expected.current;
    return { zoom, settled: zoom === settler.zoom };
  });
  useEffect(
    () => settler.subscribe(() => setState((prev) => (prev.settled && same(prev.zoom, settler.zoom) ? prev : { zoom: settler.zoom, settled: true }))),
    [settler], // eslint-disable-line react-hooks/exhaustive-deps
  );
  return state;
}
