'use client';

import { createContext, memo, useContext, useLayoutEffect, useRef, useState, type CSSProperties, type KeyboardEvent, type PointerEvent, type Ref } from 'react';
import type { ColorMode } from '@xyflow/react';
import { backingScale, gridSize, nextTileIndex, tileIndexAt, tileModeFor, tileRect, zoomStep, type TileMode } from '@/lib/graph/tile-geometry';
import { whyNotSelected } from '@/lib/graph/service-selection';
import type { PlaygroundState } from '@/lib/store/playground-store';
import { usePlaygroundStore, usePlaygroundStoreApi, usePlaygroundStoreWith } from '@/components/wiring/store-context';
import { podTileLabel } from './pod-label';
import { TONE_CLASS } from './pod-tile';
import { paletteFor } from './tile-palette';
import { cancelPaint, paintNextFrame, repaintWhenDue } from './tile-painter';
import { keepPaintedGrid, takePaintedGrid, type PaintedGrid } from './tile-painter-cache';
import { CanvasSnapshot, SNAPSHOT_QUIET_MS, type SnapshotEnv } from './tile-snapshot';
import { COMPACT_ZOOM, useDrawingZoom, useZoomDerived } from './tile-zoom';
import { anyViewMoving } from './moving-view';
import { useTrafficFlowStore } from '@/components/wiring/traffic-flow';

/** The theme the canvases draw in (the graph root follows the shell's `dark` class). */
export const TileThemeContext = createContext<ColorMode>('light');

/** `?tiles=dom` or `?tiles=canvas` pins the tile renderer (the bench measures both on one build). */
function forcedTileMode(): TileMode | null {
  if (typeof window === 'undefined') return null;
  const v = new URLSearchParams(window.location.search).get('tiles');
  return v === 'dom' || v === 'canvas' ? v : null;
}
const FORCED = forcedTileMode();

/** Zooms that draw a grid the same: the same √2 step and the same side of the text threshold. */
const sameDrawing = (a: number, b: number) => zoomStep(a) === zoomStep(b) && a >= COMPACT_ZOOM === b >= COMPACT_ZOOM;

/** The <canvas> a grid is painted on (made outside React: it lives on in tile-painter-cache.ts while its box is off screen). */
function createPodCanvas(): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.dataset.podCanvas = '';
  canvas.setAttribute('role', 'img');
  canvas.className = 'block';
  return canvas;
}

/**
 * Grids become still images only in graphs this big (~100 boxes and more on screen zoomed out), where the canvases'
 * compositing costs the pan and zoom frames. In smaller ones the swap costs more than it saves: at 1,000 pods the
 * rollout after a still first render turned every image back into its canvas, and bench:graph's p95 frame went from
 * 16.8 ms to 33.3 ms (main-thread CPU 82–84 → 93–96 ms per 1,000 changes; 2 pairs, load 5–6).
 */
const STILL_IMAGE_MIN_PODS = 10_000;

/** Image swaps waiting for the next frame: all in one frame, one change of the graph's layers. */
const reveals: (() => void)[] = [];
const revealAll = () => {
  for (const show of reveals.splice(0)) show();
};

const SNAPSHOT_ENV: SnapshotEnv = {
  now: () => performance.now(),
  setTimer: (run, ms) => setTimeout(run, ms),
  clearTimer: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
  createURL: (blob) => URL.createObjectURL(blob),
  revokeURL: (url) => URL.revokeObjectURL(url),
  quietMs: SNAPSHOT_QUIET_MS,
  held: anyViewMoving,
  reveal: (show) => {
    if (reveals.push(show) === 1) requestAnimationFrame(revealAll);
  },
};

/** The still image of a grid's canvas, over it and the same size (its place is the canvas's; clicks go to the grid). */
function createSnapshot(canvas: HTMLCanvasElement): CanvasSnapshot {
  const img = document.createElement('img');
  img.dataset.podSnapshot = '';
  img.className = 'pointer-events-none absolute top-0 left-0 block';
  img.draggable = false;
  return new CanvasSnapshot(canvas, img, SNAPSHOT_ENV);
}

/** DOM or canvas for a grid of `boxPods` tiles, given how many pods the graph shows in all. */
export function useTileMode(boxPods: number): TileMode {
  return usePlaygroundStore((s) => tileModeFor(boxPods, s.groups.visiblePodCount, FORCED));
}

interface ProxyFacts {
  name: string;
  namespace: string;
  status: string;
  label: string;
}

function proxyFacts(s: PlaygroundState, id: string): ProxyFacts | null {
  const pod = s.pods[id];
  if (!pod) return null;
  const highlighted = s.highlight ? s.highlight[id] === true : null;
  const service = highlighted === false && s.serviceKey ? s.services[s.serviceKey] : undefined;
  const reason = service ? whyNotSelected(service, pod) : null;
  return { name: pod.name, namespace: pod.namespace, status: pod.status.status, label: podTileLabel(pod, highlighted, reason) };
}

const sameFacts = (a: ProxyFacts | null, b: ProxyFacts | null) =>
  a === b || (!!a && !!b && a.name === b.name && a.status === b.status && a.label === b.label && a.namespace === b.namespace);

/** A transparent stand-in over one drawn tile: what the tooltip, clicks and the keyboard focus land on. */
function TileProxy({ id, index, cols, kind, ref, onKeyDown }: {
  id: string;
  index: number;
  cols: number;
  kind: 'focus' | 'hover';
  ref?: Ref<HTMLButtonElement>;
  onKeyDown?: (e: KeyboardEvent<HTMLButtonElement>) => void;
}) {
  const store = usePlaygroundStoreApi();
  const f = usePlaygroundStoreWith((s) => proxyFacts(s, id), sameFacts);
  // The ring stays two screen pixels wide when the whole cluster is zoomed out to a few pixels a tile.
  const ringPx = useZoomDerived((z) => Math.max(2, 2 / zoomStep(z)));
  if (!f) return null;
  const r = tileRect(index, cols);
  const style = { left: r.x, top: r.y, width: r.width, height: r.height, '--ring': `${ringPx}px` } as CSSProperties;
  const data = { 'data-pod-tile': '', 'data-pod-proxy': kind, 'data-pod': f.name, 'data-pod-key': id, 'data-namespace': f.namespace, 'data-status': f.status };
  const select = () => store.getState().select({ kind: 'Pod', key: id });
  const className = 'pod-proxy nodrag absolute cursor-pointer rounded bg-transparent';
  // The pointer's stand-in is not a second Tab stop: the keyboard has its own (focus) stand-in.
  if (kind === 'hover') return <div {...data} aria-hidden="true" onClick={select} className={className} style={style} />;
  return <button ref={ref} type="button" {...data} aria-label={f.label} onClick={select} onKeyDown={onKeyDown} className={className} style={style} />;
}

/** Where a grid's pod ids come from: a selector that is stable for the grid's life (podsOnNode, podsOfOwner). */
export type PodIdsOf = (s: PlaygroundState) => readonly string[];

/**
 * A grid of pod tiles drawn on one <canvas> (for big clusters): the painter repaints a changed pod's tile
 * without React; hovering or focusing a tile puts a transparent stand-in over it, so the tooltip, a click
 * and Enter reach the same details panel as a DOM tile. One Tab stop; arrows, Home and End move a focus
 * ring drawn at screen size whatever the zoom; the list view has every pod as a table row.
 * The pod list itself never renders this component: the painter reads it from the store in its frame (a rollout
 * changes every box's list many times a second); React follows only the count, for the grid's size and label.
 */
export const TileCanvas = memo(function TileCanvas({ idsOf, cols, rows = 0, label }: { idsOf: PodIdsOf; cols: number; rows?: number; label: string }) {
  const store = usePlaygroundStoreApi();
  const theme = useContext(TileThemeContext);
  const flows = useTrafficFlowStore();
  // Drawings follow the zoom once a gesture is over (CSS scales them meanwhile); the focus ring follows it live (TileProxy).
  const drawing = useDrawingZoom(sameDrawing);
  const zoom = zoomStep(drawing.zoom);
  const detailed = drawing.zoom >= COMPACT_ZOOM;
  const hostRef = useRef<HTMLDivElement>(null);
  const focusRef = useRef<HTMLButtonElement>(null);
  const movedByKey = useRef(false);
  const [focusAt, setFocusAt] = useState(0);
  const [hoverAt, setHoverAt] = useState(-1);
  const count = usePlaygroundStore((s) => idsOf(s).length);
  // the grid takes the rows its box keeps (its bitmap too): a rollout's ±1 pod resizes neither
  const size = gridSize(Math.max(count, rows * cols), cols);
  const focusIndex = Math.min(focusAt, Math.max(0, count - 1));
  const focusId = usePlaygroundStore((s) => idsOf(s)[focusIndex]);
  const hoverId = usePlaygroundStore((s) => (hoverAt >= 0 && hoverAt !== focusIndex ? idsOf(s)[hoverAt] : undefined));

  // The canvas and its painter outlive this component: a box scrolled out of view keeps them (tile-painter-cache.ts),
  // and coming back puts the same canvas, already painted, into the page. The painter keeps what it drew, so a
  // new pod list repaints only what moved.
  const gridRef = useRef<(PaintedGrid & { snapshot: CanvasSnapshot }) | null>(null);
  useLayoutEffect(() => {
    const taken = takePaintedGrid(store, label, createPodCanvas);
    const grid = Object.assign(taken, { snapshot: (taken.snapshot as CanvasSnapshot | undefined) ?? createSnapshot(taken.canvas) });
    const image = grid.snapshot.image;
    hostRef.current?.prepend(grid.canvas, image);
    gridRef.current = grid;
    return () => {
      gridRef.current = null;
      grid.canvas.remove();
      image.remove();
      keepPaintedGrid(store, label, grid);
    };
  }, [store, label]);
  useLayoutEffect(() => {
    const grid = gridRef.current;
    if (!grid) return;
    const { canvas, painter, snapshot } = grid;
    const { image } = snapshot;
    // A box coming back into view mid-gesture shows what it drew before until the gesture is over.
    const kept = drawing.settled ? null : painter.look;
    const palette = paletteFor(theme, TONE_CLASS);
    let shown: readonly string[] | null = null;
    let shownSize = '';
    /** Paint what changed; a new pod list (or grid size) is configured first, in the same frame. */
    const repaint = () => {
      const s = store.getState();
      const ids = idsOf(s);
      if (ids !== shown) {
        shown = ids;
        const room = Math.max(ids.length, rows * cols);
        const area = gridSize(room, cols);
        const key = `${area.width}x${area.height}`;
        if (key !== shownSize) {
          shownSize = key;
          canvas.style.width = image.style.width = `${area.width}px`;
          canvas.style.height = image.style.height = `${area.height}px`;
        }
        const scale = kept?.scale ?? backingScale(area, zoom, window.devicePixelRatio || 1);
        painter.configure({ ids, cols, room, scale, detailed: kept?.detailed ?? detailed, palette, ...(flows ? { rateOf: flows.pod } : {}) });
      }
      // only a zoomed-out (compact) drawing of a very big graph becomes a still image (tile-snapshot.ts)
      if (painter.paint(s)) snapshot.painted(!painter.look?.detailed && s.groups.visiblePodCount >= STILL_IMAGE_MIN_PODS);
    };
    // a settled zoom, a new theme or a box panned back into view: queued unless the canvas is still blank
    repaintWhenDue(painter, repaint);
    // Every store change is checked against this grid's pods only; changed tiles repaint in a coming frame.
    const unsubscribe = store.subscribe(() => {
      snapshot.stirred();
      paintNextFrame(repaint);
    });
    // request rates change twice a second while traffic runs: the same check, only badges that changed repaint
    const unsubscribeFlow = flows?.subscribe(() => paintNextFrame(repaint));
    return () => {
      unsubscribe();
      unsubscribeFlow?.();
      cancelPaint(repaint);
    };
  }, [idsOf, cols, rows, zoom, detailed, drawing.settled, theme, store, flows, label]);

  useLayoutEffect(() => {
    if (!movedByKey.current) return;
    movedByKey.current = false;
    focusRef.current?.focus();
  }, [focusIndex]);

  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    // a drag pans the graph: the stand-in stays where the press began (a click still lands on it) and no move
    // re-renders the grid (a 20,000-pod pan crossed a grid, and re-rendered it, in most of its frames)
    if (e.buttons !== 0) return;
    const rect = e.currentTarget.getBoundingClientRect();
    const k = rect.width > 0 ? size.width / rect.width : 1;
    const at = tileIndexAt((e.clientX - rect.left) * k, (e.clientY - rect.top) * k, count, cols);
    if (at !== hoverAt) setHoverAt(at);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>) => {
    const next = nextTileIndex(e.key, focusIndex, count, cols);
    if (next === null) return;
    e.preventDefault();
    movedByKey.current = true;
    setFocusAt(next);
  };
  return (
    <div
      role="group"
      aria-label={`${label}: 파드 ${count}개 (화살표 키로 이동, Enter로 자세히 보기, 목록 보기에 모든 파드가 표로 있어요)`}
      data-tile-canvas=""
      data-cols={cols}
      className="relative"
      style={{ width: size.width, height: size.height }}
      onPointerMove={onPointerMove}
      onPointerLeave={() => setHoverAt(-1)}
    >
      <div ref={hostRef} className="contents" />
      {/* One stand-in for the grid's Tab stop whichever pod is under it: a rollout replacing that pod relabels it (no
          new button per box per commit), and a keyboard user's focus stays on it. */}
      {focusId !== undefined && (
        <TileProxy ref={focusRef} id={focusId} index={focusIndex} cols={cols} kind="focus" onKeyDown={onKeyDown} />
      )}
      {hoverId !== undefined && <TileProxy key={`hover-${hoverId}`} id={hoverId} index={hoverAt} cols={cols} kind="hover" />}
    </div>
  );
});
