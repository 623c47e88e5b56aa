'use client';

import { createContext, memo, useCallback, useContext, useLayoutEffect, useRef, useState, type CSSProperties, type KeyboardEvent, type PointerEvent, type ReactNode, type Ref } from 'react';
import { useNodeId, useStoreApi, type ColorMode } from '@xyflow/react';
import { rowsFor } from '@/lib/graph/grid-packing';
import { backingScale, gridSize, nextTileIndex, tileIndexAt, tileModeFor, tileRect, zoomStep, type TileMode } from '@/lib/graph/tile-geometry';
import { whyNotSelected } from '@/lib/graph/service-selection';
import type { PlaygroundState } from '@/lib/store/playground-store';
import { usePlaygroundStore, usePlaygroundStoreApi, usePlaygroundStoreLagging, usePlaygroundStoreWith } from '@/components/wiring/store-context';
import { podTileLabel } from './pod-label';
import { TONE_CLASS } from './pod-tile';
import { paletteFor } from './tile-palette';
import { cancelPaint, paintNextFrame, repaintWhenDue, resumePaint, sliceFromNow } from './tile-painter';
import { keepPaintedGrid, takePaintedGrid, type PaintedGrid } from './tile-painter-cache';
import { COMPACT_ZOOM, useDrawingZoom } from './tile-zoom';
import { tileLayerFor, type LayerGrid } from './tile-layer';
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

/** The bitmap a grid is painted on: a <canvas> never put in the page (the graph's tile layer shows it, tile-layer.ts). */
const createBitmap = (): HTMLCanvasElement => document.createElement('canvas');

/**
 * Where `el` sits inside `ancestor` (its React Flow node), in the node's own px: offsets ignore CSS transforms, so the
 * graph's zoom does not enter. One layout read when a grid mounts or resizes; the layer then needs no DOM reads.
 */
function offsetWithin(el: HTMLElement, ancestor: HTMLElement): { x: number; y: number } {
  let x = 0;
  let y = 0;
  for (let at: HTMLElement | null = el; at && at !== ancestor; ) {
    x += at.offsetLeft;
    y += at.offsetTop;
    const parent = at.offsetParent as HTMLElement | null;
    // an offset is measured from the parent's padding edge: its border comes on top
    if (parent) {
      x += parent.clientLeft;
      y += parent.clientTop;
    }
    at = parent;
  }
  return { x, y };
}

/**
 * DOM or canvas for the grid of `idsOf`'s pods, given how many pods the graph shows in all. A subscription to the mode
 * itself: a rollout's changing counts re-render nothing that asks only this.
 */
export function useTileMode(idsOf: PodIdsOf): TileMode {
  return usePlaygroundStore((s) => tileModeFor(idsOf(s).length, s.groups.visiblePodCount, FORCED));
}

interface ProxyFacts {
  key: string;
  name: string;
  namespace: string;
  status: string;
  label: string;
}

function proxyFacts(s: PlaygroundState, id: string | undefined): ProxyFacts | null {
  const pod = id === undefined ? undefined : s.pods[id];
  if (!pod || id === undefined) return null;
  const highlighted = s.highlight ? s.highlight[id] === true : null;
  const service = highlighted === false && s.serviceKey ? s.services[s.serviceKey] : undefined;
  const reason = service ? whyNotSelected(service, pod) : null;
  return { key: id, name: pod.name, namespace: pod.namespace, status: pod.status.status, label: podTileLabel(pod, highlighted, reason) };
}

const sameFacts = (a: ProxyFacts | null, b: ProxyFacts | null) =>
  a === b || (!!a && !!b && a.key === b.key && a.name === b.name && a.status === b.status && a.label === b.label && a.namespace === b.namespace);

/**
 * A transparent stand-in over one drawn tile: what the tooltip, clicks and the keyboard focus land on. It follows the
 * pod at `index` of `idsOf` itself, so a rollout replacing that pod re-renders the stand-in alone, not its grid.
 */
function TileProxy({ idsOf, index, cols, kind, ref, onKeyDown, onRing }: {
  idsOf: PodIdsOf;
  index: number;
  cols: number;
  kind: 'focus' | 'hover';
  ref?: Ref<HTMLButtonElement>;
  onKeyDown?: (e: KeyboardEvent<HTMLButtonElement>) => void;
  /** The keyboard's focus came (true) or went (false): the tile layer draws the ring. */
  onRing?: (shown: boolean) => void;
}) {
  const store = usePlaygroundStoreApi();
  const f = usePlaygroundStoreWith((s) => proxyFacts(s, idsOf(s)[index]), sameFacts);
  if (!f) return null;
  const id = f.key;
  const r = tileRect(index, cols);
  const style = { left: r.x, top: r.y, width: r.width, height: r.height } as CSSProperties;
  const data = { 'data-pod-tile': '', 'data-pod-proxy': kind, 'data-pod': f.name, 'data-pod-key': id, 'data-namespace': f.namespace, 'data-status': f.status };
  const select = () => store.getState().select({ kind: 'Pod', key: id });
  const className = 'pod-proxy nodrag absolute cursor-pointer rounded bg-transparent';
  // The pointer's stand-in is not a second Tab stop: the keyboard has its own (focus) stand-in.
  if (kind === 'hover') return <div {...data} aria-hidden="true" onClick={select} className={className} style={style} />;
  return (
    <button
      ref={ref}
      type="button"
      {...data}
      aria-label={f.label}
      onClick={select}
      onKeyDown={onKeyDown}
      onFocus={(e) => onRing?.(e.currentTarget.matches(':focus-visible'))}
      onBlur={() => onRing?.(false)}
      className={className}
      style={style}
    />
  );
}

/** Where a grid's pod ids come from: a selector that is stable for the grid's life (podsOnNode, podsOfOwner). */
export type PodIdsOf = (s: PlaygroundState) => readonly string[];

/** How many pods `idsOf` holds, for labels and headers: it may lag a moment behind the store (usePlaygroundStoreLagging). */
export function usePodCount(idsOf: PodIdsOf): number {
  return usePlaygroundStoreLagging(useCallback((s: PlaygroundState) => idsOf(s).length, [idsOf]));
}

/**
 * A grid of pod tiles drawn on a bitmap the graph's one tile layer shows (big clusters, tile-layer.ts): the painter
 * repaints a changed pod's tile without React; hovering or focusing a tile puts a transparent stand-in over it, so
 * the tooltip, a click and Enter reach the same details panel as a DOM tile, and the layer draws its ring. One Tab
 * stop; arrows, Home and End move the focus ring (drawn at screen size whatever the zoom); the list view has every
 * pod as a table row. The grid's own element keeps its size, names what is drawn (`[data-pod-grid]`) and takes the
 * pointer. The pod list itself never renders this component: the painter reads it from the store in its frame (a
 * rollout changes every box's list many times a second); React follows only the rows, for the grid's size, and the
 * count, for its label (TileGroup).
 */
export const TileCanvas = memo(function TileCanvas({ idsOf, cols, rows = 0, label }: { idsOf: PodIdsOf; cols: number; rows?: number; label: string }) {
  const store = usePlaygroundStoreApi();
  const flow = useStoreApi();
  const nodeId = useNodeId();
  const theme = useContext(TileThemeContext);
  const flows = useTrafficFlowStore();
  // Drawings follow the zoom once a gesture is over (the layer scales them meanwhile).
  const drawing = useDrawingZoom(sameDrawing);
  const zoom = zoomStep(drawing.zoom);
  const detailed = drawing.zoom >= COMPACT_ZOOM;
  const hostRef = useRef<HTMLDivElement>(null);
  const focusRef = useRef<HTMLButtonElement>(null);
  const movedByKey = useRef(false);
  const [focusAt, setFocusAt] = useState(0);
  const [hoverAt, setHoverAt] = useState(-1);
  const [ringShown, setRingShown] = useState(false);
  // React follows only what shapes this element, not the pod count (TileGroup's label has that): a rollout changes
  // every box's count many times a second. The grid takes the rows its box keeps (its bitmap too): a rollout's ±1 pod
  // resizes neither.
  const gridRows = usePlaygroundStore((s) => rowsFor(Math.max(idsOf(s).length, rows * cols), cols));
  const size = gridSize(gridRows * cols, cols);
  const focusIndex = usePlaygroundStore((s) => Math.min(focusAt, Math.max(0, idsOf(s).length - 1)));
  const hasPods = usePlaygroundStore((s) => idsOf(s).length > 0);
  const hoverId = usePlaygroundStore((s) => (hoverAt >= 0 && hoverAt !== focusIndex ? idsOf(s)[hoverAt] : undefined));
  const countNow = () => idsOf(store.getState()).length;

  // The bitmap and its painter outlive this component: a box scrolled out of view keeps them (tile-painter-cache.ts),
  // and coming back shows the same bitmap, already painted. The painter keeps what it drew, so a new pod list
  // repaints only what moved.
  const gridRef = useRef<{ painted: PaintedGrid; shown: LayerGrid } | null>(null);
  useLayoutEffect(() => {
    const painted = takePaintedGrid(store, label, createBitmap);
    const host = hostRef.current;
    if (!host || nodeId === null) return;
    const layer = tileLayerFor(flow);
    const node = host.closest<HTMLElement>('.react-flow__node');
    const place = () => (node ? offsetWithin(host, node) : null);
    const shown: LayerGrid = {
      nodeId,
      // the painter's bitmap now: a growing grid moves its tiles to a new one (tile-painter.ts)
      get bitmap() {
        return painted.canvas;
      },
      area: painted.painter.area,
      cols,
      node: { x: 0, y: 0 },
      offset: { x: 0, y: 0 },
      placed: false,
      needsPlace: true,
      place,
      size,
      focus: -1,
      hover: -1,
      ringColour: '',
    };
    painted.painter.describeOn(host);
    gridRef.current = { painted, shown };
    layer.add(shown);
    // The grid's place in its node is read when the layer next draws (early in a frame, before the frame's changes)
    // after a resize observer reports the grid or its node resized: on mount, and when the grid or anything in its box
    // changes size. Read during React's commit (a layout effect), each read forced a layout of the whole graph, ~35 % of
    // the commits' time in a 5,000-pod rollout; read in the observer's callback, after React Flow's own observer had
    // changed the page, it still forced one.
    const observer = typeof ResizeObserver === 'function' && node ? new ResizeObserver(() => {
      shown.needsPlace = true;
      layer.invalidate();
    }) : null;
    observer?.observe(host);
    if (node) observer?.observe(node);
    return () => {
      observer?.disconnect();
      gridRef.current = null;
      layer.remove(shown);
      painted.painter.describeOn(null);
      keepPaintedGrid(store, label, painted);
    };
  }, [store, label, flow, nodeId]); // eslint-disable-line react-hooks/exhaustive-deps -- size and cols follow below
  // The grid's size follows its pods (no DOM read: its place is read by the layer, above).
  useLayoutEffect(() => {
    const grid = gridRef.current;
    if (!grid) return;
    Object.assign(grid.shown, { size, cols });
    tileLayerFor(flow).invalidate();
  }, [flow, size.width, size.height, cols]); // eslint-disable-line react-hooks/exhaustive-deps -- size is derived from these
  // The rings the layer draws: the keyboard's (only when the focus is visible, as :focus-visible) and the pointer's.
  const palette = paletteFor(theme, TONE_CLASS);
  useLayoutEffect(() => {
    const grid = gridRef.current;
    if (!grid) return;
    Object.assign(grid.shown, { focus: ringShown ? focusIndex : -1, hover: hoverId !== undefined ? hoverAt : -1, ringColour: palette.selectedRing });
    tileLayerFor(flow).invalidate();
  }, [flow, ringShown, focusIndex, hoverId, hoverAt, palette]);
  useLayoutEffect(() => {
    const grid = gridRef.current;
    if (!grid) return;
    const { painter } = grid.painted;
    const layer = tileLayerFor(flow);
    // A box coming back into view mid-gesture shows what it drew before until the gesture is over.
    const kept = drawing.settled ? null : painter.look;
    let shown: readonly string[] | null = null;
    /** Paint what changed; a new pod list (or grid size) is configured first, in the same frame. */
    const repaint = () => {
      // a bitmap's first paint draws it whole (a box never shows half its tiles); later ones are sliced (tile-painter.ts)
      const limit = painter.look ? sliceFromNow() : undefined;
      const s = store.getState();
      const ids = idsOf(s);
      if (ids !== shown) {
        shown = ids;
        const room = Math.max(ids.length, rows * cols);
        const area = gridSize(room, cols);
        const scale = kept?.scale ?? backingScale(area, zoom, window.devicePixelRatio || 1);
        painter.configure({ ids, cols, room, scale, detailed: kept?.detailed ?? detailed, palette, ...(flows ? { rateOf: flows.pod } : {}) });
      }
      if (painter.paint(s, limit)) layer.drewInFrame();
      if (painter.behind) resumePaint(repaint);
    };
    // a settled zoom, a new theme or a box panned back into view: queued unless the bitmap is still blank
    repaintWhenDue(painter, repaint);
    // Every store change is checked against this grid's pods only; changed tiles repaint in a coming frame.
    const unsubscribe = store.subscribe(() => paintNextFrame(repaint));
    // request rates change twice a second while traffic runs: the same check, only badges that changed repaint
    const unsubscribeFlow = flows?.subscribe(() => paintNextFrame(repaint));
    return () => {
      unsubscribe();
      unsubscribeFlow?.();
      cancelPaint(repaint);
    };
  }, [idsOf, cols, rows, zoom, detailed, drawing.settled, palette, store, flows, label, flow]);

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
    const at = tileIndexAt((e.clientX - rect.left) * k, (e.clientY - rect.top) * k, countNow(), cols);
    if (at !== hoverAt) setHoverAt(at);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>) => {
    const next = nextTileIndex(e.key, focusIndex, countNow(), cols);
    if (next === null) return;
    e.preventDefault();
    movedByKey.current = true;
    setFocusAt(next);
  };
  return (
    <TileGroup idsOf={idsOf} label={label} cols={cols} width={size.width} height={size.height} onPointerMove={onPointerMove} onPointerLeave={() => setHoverAt(-1)}>
      {/* What the layer shows here, in words (the painter writes them: aria-label, data-painted, data-detailed). */}
      <div ref={hostRef} role="img" data-pod-grid="" className="absolute inset-0" />
      {/* One stand-in for the grid's Tab stop whichever pod is under it: a rollout replacing that pod relabels it (no
          new button per box per commit), and a keyboard user's focus stays on it. */}
      {hasPods && <TileProxy ref={focusRef} idsOf={idsOf} index={focusIndex} cols={cols} kind="focus" onKeyDown={onKeyDown} onRing={setRingShown} />}
      {hoverId !== undefined && <TileProxy key={`hover-${hoverId}`} idsOf={idsOf} index={hoverAt} cols={cols} kind="hover" />}
    </TileGroup>
  );
});

/**
 * A canvas grid's element, which takes the pointer and names the grid and its pod count: the one part of the grid
 * that follows every pod a rollout adds or removes, so that re-renders it alone (the grid's other children are the
 * same elements as before, and React skips them).
 */
function TileGroup({ idsOf, label, cols, width, height, onPointerMove, onPointerLeave, children }: {
  idsOf: PodIdsOf;
  label: string;
  cols: number;
  width: number;
  height: number;
  onPointerMove: (e: PointerEvent<HTMLDivElement>) => void;
  onPointerLeave: () => void;
  children: ReactNode;
}) {
  const count = usePodCount(idsOf);
  return (
    <div
      role="group"
      aria-label={`${label}: 파드 ${count}개 (화살표 키로 이동, Enter로 자세히 보기, 목록 보기에 모든 파드가 표로 있어요)`}
      data-tile-canvas=""
      data-cols={cols}
      className="relative"
      style={{ width, height }}
      onPointerMove={onPointerMove}
      onPointerLeave={onPointerLeave}
    >
      {children}
    </div>
  );
}
